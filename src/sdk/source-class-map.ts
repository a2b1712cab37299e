// SourceClassMap.java: the SDK's table from server class to SDK class (`put("org.zstack.header.vm.VmInstanceInventory",
// "org.zstack.sdk.VmInstanceInventory")`), read from the tree: every put(...) call with two string literals.
import type { CstNode, IToken } from 'java-parser';
import { parseJava } from './java-cst.ts';
import { quotedValue } from './java-literal.ts';

/** Depth-first over the tree's tokens in source order. */
function tokensOf(node: CstNode): IToken[] {
  const out: IToken[] = [];
  const visit = (n: CstNode | IToken): void => {
    if ('image' in n) out.push(n);
    else for (const list of Object.values(n.children)) for (const c of list as Array<CstNode | IToken>) visit(c);
  };
  visit(node);
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

/** The variable declarator (name and initializer) of the field called `name`, anywhere in the tree. */
function declarator(node: CstNode, name: string): CstNode | undefined {
  if (node.name === 'variableDeclarator') {
    const id = (node.children['variableDeclaratorId']?.[0] as CstNode | undefined)?.children['Identifier']?.[0];
    if (id && 'image' in id && id.image === name) return node;
  }
  for (const list of Object.values(node.children))
    for (const c of list as Array<CstNode | IToken>) {
      const found = 'image' in c ? undefined : declarator(c, name);
      if (found) return found;
    }
  return undefined;
}

/** The field holding server class -> SDK class (the class also holds the reverse table, dstToSrcMapping). */
const FIELD = 'srcToDstMapping';

/** server class -> SDK class, sorted by server class; a server class put twice with two SDK classes fails. */
export function sourceClassMap(source: string, file: string): Record<string, string> {
  const field = declarator(parseJava(source, file), FIELD);
  if (!field) throw new Error(`${file}: no field ${FIELD}`);
  const tokens = tokensOf(field);
  const map = new Map<string, string>();
  const is = (i: number, image: string): boolean => tokens[i]?.image === image;
  const isString = (i: number): boolean => tokens[i]?.tokenType.name === 'StringLiteral';
  for (let i = 0; i < tokens.length; i++) {
    if (!(is(i, 'put') && is(i + 1, '(') && isString(i + 2) && is(i + 3, ',') && isString(i + 4) && is(i + 5, ')')))
      continue;
    const [from, to] = [quotedValue(tokens[i + 2].image), quotedValue(tokens[i + 4].image)];
    if (map.has(from) && map.get(from) !== to) throw new Error(`${file}: ${from} is mapped twice`);
    map.set(from, to);
  }
  if (map.size === 0) throw new Error(`${file}: no put("server class", "sdk class") calls`);
  return Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
