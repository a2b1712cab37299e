// The shape of a generated descriptor (contracts/sdk/apis/<Name>.json): the part of contracts/index.ts's
// ApiDescriptor the importer writes. Declared here because src/sdk depends on nothing but java-parser
// (.dependency-cruiser.cjs); contracts/descriptor.schema.json checks every written file when the contracts load.

import type { ParamConstraints } from './param-annotation.ts';

export type GeneratedParamType = 'string' | 'boolean' | 'integer' | 'number' | 'list' | 'map' | 'any';

/** The @Param constraints kept under the SDK's names, and the two renamed to the descriptor's (enum, pattern). */
type KeptConstraints = Omit<ParamConstraints, 'required' | 'validValues' | 'validRegexValues'>;

export interface GeneratedParam extends KeptConstraints {
  in: 'path' | 'body' | 'query';
  type: GeneratedParamType;
  required?: true;
  enum?: string[];
  pattern?: string;
  default?: string | number | bigint | boolean;
  since?: string;
}

export interface GeneratedDescriptor {
  name: string;
  generated: true;
  sdk: { class: string; file: string; result?: string };
  area: string;
  docCategory?: string;
  resource: string;
  kind: 'login' | 'logout' | 'create' | 'action' | 'delete' | 'query';
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  pathWithUuid?: string;
  async: boolean;
  suppressCredentialCheck?: true;
  bodyKey?: string;
  tags?: true;
  params: Record<string, GeneratedParam>;
  reply: {
    body: 'inventory' | 'inventories' | 'empty' | 'fields';
    schema?: string;
    schemaSource?: 'doc-template' | 'sdk-name';
    fields?: Record<string, string>;
  };
  sources: string[];
}
