// The constraints an SDK @Param annotation writes down (the SDK's Param mirrors the server's @APIParam), taken
// from the annotation's element-value pairs in the tree.
import type { AnnotationCstNode } from 'java-parser';
import { dotted, single } from './java-cst.ts';
import { elementConstant } from './java-constant.ts';
import type { JavaConstant } from './java-literal.ts';

export interface ParamConstraints {
  required: boolean;
  validValues?: string[];
  validRegexValues?: string;
  maxLength?: number;
  minLength?: number;
  nonempty?: boolean;
  nullElements?: boolean;
  emptyString?: boolean;
  numberRange?: Array<number | bigint>;
  numberRangeUnit?: string[];
  noTrim?: boolean;
}

type Kind = 'boolean' | 'string' | 'integer' | 'string[]' | 'integer[]';

const KIND_NAMES: Readonly<Record<Kind, string>> = {
  boolean: 'a boolean',
  string: 'a string',
  integer: 'an integer',
  'string[]': 'a string array',
  'integer[]': 'an integer array',
};

/** Param's elements and their Java types, in the order Param declares them (the order the facts list them in). */
const ELEMENTS: ReadonlyArray<readonly [keyof ParamConstraints, Kind]> = [
  ['required', 'boolean'],
  ['validValues', 'string[]'],
  ['validRegexValues', 'string'],
  ['maxLength', 'integer'],
  ['minLength', 'integer'],
  ['nonempty', 'boolean'],
  ['nullElements', 'boolean'],
  ['emptyString', 'boolean'],
  ['numberRange', 'integer[]'],
  ['numberRangeUnit', 'string[]'],
  ['noTrim', 'boolean'],
];

/** Param declares `boolean required() default true`: the one element every fact carries, written or not. */
const REQUIRED_WHEN_UNWRITTEN = true;

export const annotationName = (annotation: AnnotationCstNode): string =>
  dotted(annotation.children.typeName[0].children.Identifier);

export const isParamAnnotation = (annotation: AnnotationCstNode): boolean =>
  ['Param', 'org.zstack.sdk.Param'].includes(annotationName(annotation));

const fits = (kind: Kind, v: JavaConstant): boolean => {
  switch (kind) {
    case 'boolean':
      return typeof v === 'boolean';
    case 'string':
      return typeof v === 'string';
    case 'integer':
      return Number.isInteger(v) || typeof v === 'bigint';
    case 'string[]':
      return Array.isArray(v) && v.every((x) => fits('string', x));
    case 'integer[]':
      return Array.isArray(v) && v.every((x) => fits('integer', x));
  }
};

/** The elements written in one @Param, checked against Param's declaration; `where` names the field for errors. */
export function paramConstraints(annotation: AnnotationCstNode, where: string): ParamConstraints {
  const c = annotation.children;
  if (c.elementValue) throw new Error(`${where}: @Param with a single unnamed value`);
  const written = new Map<string, JavaConstant>();
  for (const pair of single(c.elementValuePairList)?.children.elementValuePair ?? []) {
    const name = pair.children.Identifier[0].image;
    const kind = ELEMENTS.find(([n]) => n === name)?.[1];
    if (!kind) throw new Error(`${where}: @Param has no element ${name}`);
    if (written.has(name)) throw new Error(`${where}: @Param sets ${name} twice`);
    const raw = elementConstant(pair.children.elementValue[0]);
    // Java lets a one-element array be written without braces.
    const value = kind.endsWith('[]') && raw !== undefined && !Array.isArray(raw) ? [raw] : raw;
    if (value === undefined || !fits(kind, value))
      throw new Error(`${where}: @Param ${name} is not ${KIND_NAMES[kind]} literal`);
    written.set(name, value);
  }
  const out: Record<string, JavaConstant> = { required: REQUIRED_WHEN_UNWRITTEN };
  for (const [name] of ELEMENTS) if (written.has(name)) out[name] = written.get(name)!;
  return out as unknown as ParamConstraints; // every value was checked against its element's kind above
}
