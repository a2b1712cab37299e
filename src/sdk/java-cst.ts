// Java source into java-parser's concrete syntax tree (the parser prettier-plugin-java is built on), and the few
// helpers the SDK fact readers use to walk it. Nothing here reads Java text by pattern: every fact comes from the tree.
import { parse, type CompilationUnitCstNode, type CstNode, type IToken } from 'java-parser';

/** The compilation unit of one Java source; a lexing or parsing error becomes one line naming `file`. */
export function parseJava(source: string, file: string): CompilationUnitCstNode {
  try {
    // parse() starts at the compilationUnit rule but is typed as a bare CstNode.
    return parse(source) as CompilationUnitCstNode;
  } catch (e) {
    const [where, what] = (e as Error).message.split('\n');
    throw new Error(`${file}: ${[where, what].filter(Boolean).join(' ')}`);
  }
}

/** The one element of a child list, or undefined when there is none or more than one. */
export const single = <T>(list: readonly T[] | undefined): T | undefined => (list?.length === 1 ? list[0] : undefined);

/** The source text a node spans, exactly as written. */
export const sourceText = (source: string, node: CstNode): string =>
  source.slice(node.location.startOffset, node.location.endOffset + 1);

/** Identifier tokens joined with dots, in source order (the tree groups tokens by kind, so the dots are lost). */
export const dotted = (identifiers: readonly IToken[]): string =>
  [...identifiers]
    .sort((a, b) => a.startOffset - b.startOffset)
    .map((t) => t.image)
    .join('.');
