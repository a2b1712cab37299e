// The generated part of docs/musts.md: every required rule the suite can assert, per API (the refusals its
// descriptor lets the suite demand, each with its API-level source) and per check (its source and the fault
// modes that show it failing). Written by `npm run conformance:list`, verified by `npm run contracts:check`.
import type { ApiDescriptor, Contracts, ParamSpec } from '../contracts/index.ts';
import { ALL_CHECKS } from '../src/checks/index.ts';
import { loadSdkFacts } from '../src/contract-model/provenance.ts';
import { rejectionRules, type RejectionRule } from '../src/contract-model/rejection-rules.ts';
import { allScenarios } from '../src/scenarios/all.ts';
import { faultProofs } from '../fixtures/fault-proofs.ts';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** What the suite sends for a refusal, what it demands, and which check judges that. */
function demand(r: RejectionRule): { sends: string; demands: string; check: string } {
  switch (r.kind) {
    case 'required':
      return { sends: `no \`${r.param}\``, demands: '503 `SYS.1007` through the job', check: 'rejectedWithErrorCode' };
    case 'enum':
      return {
        sends: `\`${r.param}\` outside ${r.values.join(', ')}`,
        demands: '503 `SYS.1007` through the job',
        check: 'rejectedWithErrorCode',
      };
    case 'maxLength':
      return {
        sends: `\`${r.param}\` of ${r.max + 1}+ characters once trimmed`,
        demands: '503 `SYS.1007` through the job',
        check: 'rejectedWithErrorCode',
      };
    case 'boolean':
      return {
        sends: `\`${r.param}\` neither true nor false`,
        demands: '400, before any job',
        check: 'restLayerRejection',
      };
    case 'list-shape':
      return { sends: `\`${r.param}\` not a list`, demands: '400 or 500, before any job', check: 'restLayerRejection' };
    case 'string-shape':
      return {
        sends: `\`${r.param}\` an object or array`,
        demands: '400 or 500, before any job',
        check: 'restLayerRejection',
      };
    case 'item-required':
      return {
        sends: `an item of \`${r.param}\` without \`${r.member}\``,
        demands: '503 `SYS.1007` through the job',
        check: 'rejectedWithErrorCode',
      };
    case 'references':
      return {
        sends: `\`${r.param}\` a well-formed uuid naming no ${r.resource}`,
        demands: '503 `SYS.1003`',
        check: 'rejectedWithErrorCode',
      };
  }
}

/** The API-level source of a refusal: the SDK's @Param, or the server code the descriptor names. */
function sourceOf(api: ApiDescriptor, r: RejectionRule, sdk: ApiDescriptor | undefined): string {
  const p = api.params[r.param];
  const s = sdk?.params[r.param];
  const typed = (dflt: ParamSpec['type']): string => `types it \`${s?.type ?? dflt}\``;
  const at = sdk?.sdk ? `\`${sdk.sdk.file.split('/').pop()}\`` : 'the SDK';
  switch (r.kind) {
    case 'required':
      return p.provenance?.required ?? `${at} \`@Param(required = true)\``;
    case 'enum':
      return p.provenance?.enum ?? `${at} \`@Param(validValues = {${(s?.enum ?? []).join(', ')}})\``;
    case 'maxLength':
      return (
        p.provenance?.maxLength ??
        `${at} \`@Param(maxLength = ${s?.maxLength ?? '?'})\`; trimmed first (APIMessage.validate)`
      );
    case 'boolean':
      return `${at} ${typed('boolean')}; RestServer's TypeVerifier (docs/zstack-protocol.md#wrong-json-types)`;
    case 'list-shape':
      return `${at} ${typed('list')}; Gson fails building the message (docs/zstack-protocol.md#wrong-json-types)`;
    case 'string-shape':
      return `${at} ${typed('string')}; Gson fails building the message (docs/zstack-protocol.md#wrong-json-types)`;
    case 'item-required':
      return p.provenance?.items ?? '(none)';
    case 'references':
      return (
        p.provenance?.references ??
        'PortApiValidator checks the uuid an API acts on (docs/zstack-protocol.md#unknown-resources-and-repeated-deletes)'
      );
  }
}

export function mustsTables(contracts: Contracts): Record<'musts-refusals' | 'musts-checks' | 'musts-tests', string> {
  const facts = loadSdkFacts();
  const refusals = ['| API | the suite sends | and demands | judged by | API-level source |', '|---|---|---|---|---|'];
  for (const api of contracts.apis.values()) {
    for (const r of rejectionRules(contracts, api)) {
      const d = demand(r);
      refusals.push(
        `| ${api.name} | ${d.sends} | ${d.demands} | \`${d.check}\` | ${cell(sourceOf(api, r, facts.actions[api.name]))} |`,
      );
    }
  }
  const proofs = faultProofs();
  const checks = ['| check | rule | source | shown to fail by (fault mode: self-test) |', '|---|---|---|---|'];
  for (const c of ALL_CHECKS.filter((x) => x.severity === 'required')) {
    const by = proofs.filter((p) => p.check === c.name).map((p) => `\`${p.fault}\`: ${p.test}`);
    checks.push(
      `| \`${c.name}\` | ${cell(c.rule)} | ${cell(c.source)} | ${cell([...new Set(by)].join('; ') || 'none')} |`,
    );
  }
  const tests = [
    '| API | the tests that exercise it (their MUST sentences are in contracts/conformance.yaml and the profile) |',
    '|---|---|',
  ];
  const scenarios = allScenarios(contracts);
  for (const api of contracts.apis.values()) {
    const titles = scenarios.filter((s) => s.apis[0] === api.name).map((s) => s.title);
    tests.push(`| ${api.name} | ${cell(titles.join('; ') || 'used as a fixture by the others')} |`);
  }
  return { 'musts-refusals': refusals.join('\n'), 'musts-checks': checks.join('\n'), 'musts-tests': tests.join('\n') };
}
