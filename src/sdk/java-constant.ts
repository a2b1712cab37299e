// The constant an expression of the tree stands for, when it is a literal (optionally signed) or, in an annotation,
// a {...} array of such: what @Param attributes and field initializers of the SDK are made of.
import type { ConditionalExpressionCstNode, ElementValueCstNode, ExpressionCstNode, LiteralCstNode } from 'java-parser';
import { single } from './java-cst.ts';
import { type JavaConstant, exactNumber, floatValue, integerValue, quotedValue } from './java-literal.ts';

/** The value of a literal node; undefined for a text block, which the SDK does not use. */
function literalValue(literal: LiteralCstNode): JavaConstant | undefined {
  const c = literal.children;
  const integer = single(c.integerLiteral)?.children;
  if (integer) {
    const token = single([
      ...(integer.DecimalLiteral ?? []),
      ...(integer.HexLiteral ?? []),
      ...(integer.OctalLiteral ?? []),
      ...(integer.BinaryLiteral ?? []),
    ]);
    return token && integerValue(token.image);
  }
  const float = single(c.floatingPointLiteral)?.children;
  if (float) return float.FloatLiteral ? floatValue(float.FloatLiteral[0].image) : undefined;
  const bool = single(c.booleanLiteral)?.children;
  if (bool) return bool.True !== undefined;
  const quoted = single(c.StringLiteral) ?? single(c.CharLiteral);
  if (quoted) return quotedValue(quoted.image);
  if (c.Null) return null;
  return undefined;
}

const negate = (v: JavaConstant | undefined): JavaConstant | undefined =>
  typeof v === 'number' ? -v : typeof v === 'bigint' ? exactNumber(-v) : undefined;

/** A conditional expression that is nothing but a literal with an optional + or - sign. */
function signedLiteral(expression: ConditionalExpressionCstNode): JavaConstant | undefined {
  if (expression.children.QuestionMark) return undefined;
  const binary = single(expression.children.binaryExpression)?.children;
  if (!binary || Object.keys(binary).length !== 1) return undefined; // any operator, assignment or instanceof
  const unary = single(binary.unaryExpression)?.children;
  const primary = single(unary?.primary)?.children;
  if (!unary || !primary || unary.UnarySuffixOperator || primary.primarySuffix) return undefined;
  const literal = single(single(primary.primaryPrefix)?.children.literal);
  if (!literal) return undefined;
  const value = literalValue(literal);
  const signs = unary.UnaryPrefixOperator ?? [];
  if (signs.length === 0) return value;
  if (signs.length > 1 || !['-', '+'].includes(signs[0].image)) return undefined;
  return signs[0].image === '-'
    ? negate(value)
    : typeof value === 'number' || typeof value === 'bigint'
      ? value
      : undefined;
}

/** The constant an expression (e.g. a field initializer) is, when it is a signed literal. */
export const expressionConstant = (expression: ExpressionCstNode): JavaConstant | undefined => {
  const conditional = single(expression.children.conditionalExpression);
  return conditional && signedLiteral(conditional);
};

/** The constant an annotation element value is: a signed literal or a {...} array of them. */
export function elementConstant(value: ElementValueCstNode): JavaConstant | undefined {
  const conditional = single(value.children.conditionalExpression);
  if (conditional) return signedLiteral(conditional);
  const array = single(value.children.elementValueArrayInitializer);
  if (!array) return undefined;
  const items = single(array.children.elementValueList)?.children.elementValue ?? [];
  const values = items.map(elementConstant);
  return values.every((v) => v !== undefined) ? (values as JavaConstant[]) : undefined;
}
