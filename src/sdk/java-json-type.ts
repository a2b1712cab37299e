// The JSON type a Java parameter type travels as (ZStack's server reads request bodies with Gson): the mapping
// import:sdk uses to type an SDK @Param as a descriptor's parameter.

export type JsonType = 'string' | 'boolean' | 'integer' | 'number' | 'array' | 'object';

const PRIMITIVES: Readonly<Record<string, JsonType>> = {
  boolean: 'boolean',
  char: 'string',
  byte: 'integer',
  short: 'integer',
  int: 'integer',
  long: 'integer',
  float: 'number',
  double: 'number',
};

const CLASSES: Readonly<Record<string, JsonType>> = {
  'java.lang.String': 'string',
  'java.lang.Character': 'string',
  'java.lang.Boolean': 'boolean',
  'java.lang.Byte': 'integer',
  'java.lang.Short': 'integer',
  'java.lang.Integer': 'integer',
  'java.lang.Long': 'integer',
  'java.lang.Float': 'number',
  'java.lang.Double': 'number',
  'java.math.BigDecimal': 'number',
  'java.util.List': 'array',
  'java.util.ArrayList': 'array',
  'java.util.Set': 'array',
  'java.util.HashSet': 'array',
  'java.util.Collection': 'array',
  'java.util.LinkedList': 'array',
  'java.util.Map': 'object',
  'java.util.HashMap': 'object',
  'java.util.LinkedHashMap': 'object',
  'java.util.TreeMap': 'object',
};

/** Where a simple class name of an SDK action resolves: java.lang implicitly, java.util by the actions' imports. */
const IMPLICIT_PACKAGES = ['java.lang.', 'java.util.'];

/** The JSON type of a Java type as written in the SDK (`java.lang.String`, `String`, `java.util.List<String>`,
 * `long`, `int[]`); `isSdkEnum` tells whether a fully qualified class is one of the SDK's enums (sent by name).
 * Undefined for anything else (an SDK class, Object), which has no single JSON type. */
export function jsonTypeOf(
  javaType: string,
  isSdkEnum: (className: string) => boolean = () => false,
): JsonType | undefined {
  const type = javaType.trim();
  if (type.endsWith('[]')) return 'array';
  const erased = type.includes('<') ? type.slice(0, type.indexOf('<')).trim() : type;
  if (Object.hasOwn(PRIMITIVES, erased)) return PRIMITIVES[erased];
  const candidates = erased.includes('.') ? [erased] : IMPLICIT_PACKAGES.map((p) => p + erased);
  const known = candidates.find((c) => Object.hasOwn(CLASSES, c));
  if (known) return CLASSES[known];
  return erased.includes('.') && isSdkEnum(erased) ? 'string' : undefined;
}
