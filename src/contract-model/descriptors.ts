// Loads the contracts and refuses a descriptor that does not match contracts/descriptor.schema.json or
// names a schema that does not exist, so a broken contract stops the run instead of testing nothing. Every API of
// the surface is checked: the hand-written family (contracts/apis/) and the generated SDK facts (contracts/sdk/apis/).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import {
  type ApiDescriptor,
  CONTRACTS_DIR,
  loadContracts,
  OverlayError,
  type Contracts,
} from '../../contracts/index.ts';

export class ContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractError';
  }
}

const fileOf = (api: ApiDescriptor, handWritten: boolean): string =>
  handWritten ? `contracts/apis/${api.name}.json` : `contracts/sdk/apis/${api.name}.json`;

type SchemaNode = { required?: string[]; properties?: Record<string, SchemaNode>; $defs?: Record<string, SchemaNode> };

/** The descriptor schema for an overlay file: the same keys and types, nothing required but the name. */
function overlaySchema(descriptor: SchemaNode): SchemaNode {
  const s = structuredClone(descriptor);
  s.required = ['name'];
  delete (s.$defs?.['param'] ?? {}).required;
  delete (s.properties?.['reply'] ?? {}).required;
  return s;
}

const errorsOf = (v: { errors?: Array<{ instancePath: string; message?: string }> | null }): string =>
  (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');

/** Every overlay file (contracts/apis/) against the overlay schema: a misspelt key is refused before the merge. */
function validateOverlays(dir: string, ajv: Ajv2020, descriptor: SchemaNode): void {
  const validate = ajv.compile({ ...overlaySchema(descriptor), $id: 'urn:zstack:overlay' });
  const overlays = existsSync(join(dir, 'apis')) ? readdirSync(join(dir, 'apis')) : [];
  for (const f of overlays.filter((n) => n.endsWith('.json'))) {
    if (!validate(JSON.parse(readFileSync(join(dir, 'apis', f), 'utf8'))))
      throw new ContractError(`contracts/apis/${f}: ${errorsOf(validate)}`);
  }
}

/**
 * The contracts of contracts/ once validated: loadContracts caches what it reads there, so validating the same
 * 1,905 descriptors again on every call (each suite a process opens) would only repeat the verdict.
 */
let validatedDefault: Contracts | undefined;

export function loadValidatedContracts(dir = CONTRACTS_DIR): Contracts {
  if (dir === CONTRACTS_DIR && validatedDefault) return validatedDefault;
  const contracts = validateContracts(dir);
  if (dir === CONTRACTS_DIR) validatedDefault = contracts;
  return contracts;
}

function validateContracts(dir: string): Contracts {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const descriptor = JSON.parse(readFileSync(join(dir, 'descriptor.schema.json'), 'utf8')) as SchemaNode;
  validateOverlays(dir, ajv, descriptor);
  let contracts: Contracts;
  try {
    contracts = loadContracts(dir);
  } catch (e) {
    if (e instanceof OverlayError) throw new ContractError(e.message);
    throw e;
  }
  const validate = ajv.compile(descriptor);
  for (const api of contracts.surface.values()) {
    const handWritten = contracts.apis.get(api.name) === api;
    const file = fileOf(api, handWritten);
    if (!validate(api)) {
      throw new ContractError(`${file}${handWritten ? ' (merged over its SDK facts)' : ''}: ${errorsOf(validate)}`);
    }
    if (api.reply.schema && !contracts.schemas.has(api.reply.schema)) {
      throw new ContractError(
        `${file}: reply schema "${api.reply.schema}" is in neither contracts/schemas nor contracts/sdk/schemas`,
      );
    }
    // a generated reply may have no schema: the SDK's List says nothing of its rows without a doc template
    if (handWritten && (api.reply.body === 'inventory' || api.reply.body === 'inventories') && !api.reply.schema)
      throw new ContractError(`${file}: reply.${api.reply.body} needs a schema`);
    for (const name of api.path.match(/\{(\w+)\}/g) ?? []) {
      const p = name.slice(1, -1);
      // the SDK routes two queries through a placeholder no @Param fills (QueryVmInstance*SpecRef): a fact of the
      // SDK (which cannot call them either), so a generated descriptor may leave it undeclared
      if (!handWritten && !(p in api.params)) continue;
      if (api.params[p]?.in !== 'path')
        throw new ContractError(`${file}: path parameter ${p} is not declared with in: "path"`);
    }
    if (api.effect?.kind === 'stateEvent' && !(api.effect.param && api.effect.field && api.effect.transitions)) {
      throw new ContractError(`${file}: a stateEvent effect needs param, field and transitions`);
    }
  }
  return contracts;
}
