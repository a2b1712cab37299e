// Loads the contracts and refuses a descriptor that does not match contracts/descriptor.schema.json or
// names a schema that does not exist, so a broken contract stops the run instead of testing nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { CONTRACTS_DIR, loadContracts, type Contracts } from '../../contracts/index.ts';

export class ContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractError';
  }
}

export function loadValidatedContracts(dir = CONTRACTS_DIR): Contracts {
  const contracts = loadContracts(dir);
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(join(dir, 'descriptor.schema.json'), 'utf8')) as object);
  for (const api of contracts.apis.values()) {
    const file = `contracts/apis/${api.name}.json`;
    if (!validate(api)) {
      throw new ContractError(
        `${file}: ${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`,
      );
    }
    if (api.reply.schema && !contracts.schemas.has(api.reply.schema)) {
      throw new ContractError(
        `contracts/apis/${api.name}.json: reply schema "${api.reply.schema}" is not in contracts/schemas`,
      );
    }
    if (api.reply.body !== 'empty' && !api.reply.schema)
      throw new ContractError(`contracts/apis/${api.name}.json: reply.${api.reply.body} needs a schema`);
    for (const name of api.path.match(/\{(\w+)\}/g) ?? []) {
      const p = name.slice(1, -1);
      if (api.params[p]?.in !== 'path')
        throw new ContractError(`contracts/apis/${api.name}.json: path parameter ${p} is not declared with in: "path"`);
    }
    if (api.effect?.kind === 'stateEvent' && !(api.effect.param && api.effect.field && api.effect.transitions)) {
      throw new ContractError(
        `contracts/apis/${api.name}.json: a stateEvent effect needs param, field and transitions`,
      );
    }
  }
  return contracts;
}
