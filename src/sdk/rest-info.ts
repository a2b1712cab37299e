// The REST route of an SDK action: the literal assignments to RestInfo's fields in the action's getRestInfo().
import type { BlockStatementCstNode, ClassBodyDeclarationCstNode, FqnOrRefTypeCstNode } from 'java-parser';
import { single } from './java-cst.ts';
import { expressionConstant } from './java-constant.ts';
import type { JavaConstant } from './java-literal.ts';

export interface RestFacts {
  httpMethod: string;
  path: string;
  needSession: boolean;
  needPoll: boolean;
  /** The body key; absent when getRestInfo() does not set it. */
  parameterName?: string;
}

const FIELDS = {
  httpMethod: 'string',
  path: 'string',
  needSession: 'boolean',
  needPoll: 'boolean',
  parameterName: 'string',
} as const;
const MANDATORY = ['httpMethod', 'path', 'needSession', 'needPoll'] as const;

/** `info.field` as [info, field], when the reference is exactly two plain identifiers. */
function fieldReference(ref: FqnOrRefTypeCstNode): [string, string] | undefined {
  const first = single(ref.children.fqnOrRefTypePartFirst[0].children.fqnOrRefTypePartCommon)?.children;
  const rest = single(ref.children.fqnOrRefTypePartRest);
  const field = rest && single(rest.children.fqnOrRefTypePartCommon)?.children;
  const owner = single(first?.Identifier)?.image;
  const name = single(field?.Identifier)?.image;
  return owner && name && !ref.children.dims && !first?.typeArguments && !rest?.children.typeArguments
    ? [owner, name]
    : undefined;
}

/** `x.field = <expression>;` as [field, constant-or-undefined]; undefined when the statement is anything else. */
function fieldAssignment(statement: BlockStatementCstNode): [string, JavaConstant | undefined] | undefined {
  const plain = single(single(statement.children.statement)?.children.statementWithoutTrailingSubstatement)?.children;
  const expression = single(
    single(single(plain?.expressionStatement)?.children.statementExpression)?.children.expression,
  );
  const binary = single(single(expression?.children.conditionalExpression)?.children.binaryExpression)?.children;
  if (!binary || single(binary.AssignmentOperator)?.image !== '=') return undefined;
  const target = single(binary.unaryExpression)?.children;
  const primary = single(target?.primary)?.children;
  const ref = single(single(primary?.primaryPrefix)?.children.fqnOrRefType);
  const field = ref && !primary?.primarySuffix && !target?.UnaryPrefixOperator ? fieldReference(ref) : undefined;
  const value = single(binary.expression);
  return field && value ? [field[1], expressionConstant(value)] : undefined;
}

/** The RestInfo that the class body's getRestInfo() fills in; `where` names the file for errors. */
export function restInfo(body: readonly ClassBodyDeclarationCstNode[], where: string): RestFacts {
  const methods = body
    .flatMap((d) => single(d.children.classMemberDeclaration)?.children.methodDeclaration ?? [])
    .filter(
      (m) => m.children.methodHeader[0].children.methodDeclarator[0].children.Identifier[0].image === 'getRestInfo',
    );
  const method = single(methods);
  if (!method) throw new Error(`${where}: ${methods.length === 0 ? 'no' : 'more than one'} getRestInfo()`);
  const statements =
    single(single(method.children.methodBody[0].children.block)?.children.blockStatements)?.children.blockStatement ??
    [];
  const out: Record<string, JavaConstant> = {};
  for (const statement of statements) {
    const assignment = fieldAssignment(statement);
    if (!assignment) continue;
    const [field, value] = assignment;
    if (!(field in FIELDS)) throw new Error(`${where}: getRestInfo() sets ${field}, which RestInfo does not have`);
    if (value === undefined || typeof value !== FIELDS[field as keyof typeof FIELDS])
      throw new Error(`${where}: getRestInfo() sets ${field} to no ${FIELDS[field as keyof typeof FIELDS]} literal`);
    out[field] = value;
  }
  const missing = MANDATORY.filter((f) => !(f in out));
  if (missing.length) throw new Error(`${where}: getRestInfo() does not set ${missing.join(', ')}`);
  const rest: RestFacts = {
    httpMethod: out['httpMethod'] as string,
    path: out['path'] as string,
    needSession: out['needSession'] as boolean,
    needPoll: out['needPoll'] as boolean,
  };
  if ('parameterName' in out) rest.parameterName = out['parameterName'] as string;
  return rest;
}
