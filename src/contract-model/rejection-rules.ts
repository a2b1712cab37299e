// Every refusal the suite may demand of an API, derived from its descriptor alone: the derived rejection tests
// and the invalid-input generator both send exactly these, and tests/self/provenance.spec.ts ties each one to an
// API-level source. What the official SDK's @Param declares (required, validValues, maxLength, the Java type) is
// checked against the SDK's generated descriptors; a refusal the SDK cannot show (a list item's member, an
// unknown uuid in the body) is demanded only where the param's `provenance` names the server code that makes it.
import type { ApiDescriptor, Contracts, JsonSchema, ParamSpec } from '../../contracts/index.ts';
import { dereference } from './schemas.ts';

export type RejectionRule =
  /** a required parameter left out: SYS.1007 (APIMessage.validate) */
  | { kind: 'required'; param: string }
  /** a value outside the allowed ones: SYS.1007 */
  | { kind: 'enum'; param: string; values: string[] }
  /** a string longer than maxLength once trimmed: SYS.1007 */
  | { kind: 'maxLength'; param: string; max: number }
  /** a Boolean parameter whose text is not true/false: 400 (TypeVerifier) */
  | { kind: 'boolean'; param: string }
  /** a List parameter given a scalar or object: 400 or 500 (Gson) */
  | { kind: 'list-shape'; param: string }
  /** a String parameter given an object or array: 400 or 500 (Gson) */
  | { kind: 'string-shape'; param: string }
  /** a list item without a member the server demands: SYS.1007 */
  | { kind: 'item-required'; param: string; member: string }
  /** a well-formed uuid naming nothing: SYS.1003 */
  | { kind: 'references'; param: string; resource: string };

export type RejectionKind = RejectionRule['kind'];

const itemRequired = (contracts: Contracts, p: ParamSpec): string[] => {
  if (!p.items) return [];
  return (dereference(contracts, p.items as JsonSchema)['required'] as string[] | undefined) ?? [];
};

/** The refusals an API's descriptor lets the suite demand, parameter by parameter, in descriptor order. */
export function rejectionRules(contracts: Contracts, api: ApiDescriptor): RejectionRule[] {
  const out: RejectionRule[] = [];
  for (const [param, p] of Object.entries(api.params)) {
    if (p.in === 'body') {
      if (p.required) out.push({ kind: 'required', param });
      if (p.type === 'string' && p.enum) out.push({ kind: 'enum', param, values: p.enum });
      if (p.type === 'string' && !p.enum && p.maxLength !== undefined)
        out.push({ kind: 'maxLength', param, max: p.maxLength });
      if (p.type === 'boolean') out.push({ kind: 'boolean', param });
      if (p.type === 'list') out.push({ kind: 'list-shape', param });
      if (p.type === 'string' || p.type === 'uuid') out.push({ kind: 'string-shape', param });
      if (p.provenance?.items)
        for (const member of itemRequired(contracts, p)) out.push({ kind: 'item-required', param, member });
    }
    // a path uuid is checked by PortApiValidator (docs/zstack-protocol.md#unknown-resources-and-repeated-deletes)
    const sourced = p.in === 'path' || (p.required && p.provenance?.references !== undefined);
    if (p.type === 'uuid' && p.references && sourced) out.push({ kind: 'references', param, resource: p.references });
  }
  return out;
}
