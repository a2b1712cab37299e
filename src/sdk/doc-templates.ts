// The server's API doc templates (*Doc_zh_cn.groovy) in a zstack checkout: which REST url an API message
// documents (with its category and per-parameter `since`), and which class a reply's or an inventory's `ref`
// field holds. The SDK has neither fact; the importer joins them to the SDK's actions by url and class name.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { type GroovyStatement, classArg, dottedArg, named, only, parseGroovyDoc, stringArg } from './groovy-doc.ts';

const SUFFIX = 'Doc_zh_cn.groovy';

export interface MessageDoc {
  /** path relative to the zstack repository root */
  file: string;
  /** the server package the template is in (org.zstack.header.vm) */
  package: string;
  category?: string;
  /** `METHOD /v1/path` as written */
  urls: string[];
  /** parameter name -> its column's `since`, as written */
  columnSince: Map<string, string>;
  /** the fully qualified reply or event class its `response { clz X.class }` names */
  replyClass?: string;
}

export interface ClassDoc {
  file: string;
  package: string;
  /** ref field name -> the fully qualified class its `clz` names */
  refs: Map<string, string>;
}

export interface DocTemplates {
  messages: MessageDoc[];
  /** by the fully qualified name of the class documented (package + file name minus Doc_zh_cn.groovy) */
  classes: Map<string, ClassDoc>;
}

/** A class name as written in a template, qualified by its imports or else its own package. */
function qualify(name: string, pkg: string, imports: readonly string[]): string {
  if (name.includes('.')) return name;
  return imports.find((i) => i.endsWith(`.${name}`)) ?? `${pkg}.${name}`;
}

function templateFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(SUFFIX)) out.push(path);
    }
  };
  walk(root);
  return out;
}

function readTemplate(
  root: string,
  path: string,
): { file: string; pkg: string; imports: string[]; doc?: GroovyStatement[] } {
  const file = relative(root, path).split(sep).join('/');
  const top = parseGroovyDoc(readFileSync(path, 'utf8'), file);
  const pkgStatement = only(top, 'package');
  return {
    file,
    pkg: pkgStatement ? dottedArg(pkgStatement) : '',
    imports: named(top, 'import').map(dottedArg),
    doc: only(top, 'doc')?.block,
  };
}

/** Every doc template under `repoRoot` (none when it holds only the SDK). */
export function readDocTemplates(repoRoot: string): DocTemplates {
  const messages: MessageDoc[] = [];
  const classes = new Map<string, ClassDoc>();
  for (const path of templateFiles(repoRoot)) {
    const { file, pkg, imports, doc } = readTemplate(repoRoot, path);
    if (!doc) continue;
    const rest = only(doc, 'rest')?.block;
    const requestBlock = only(rest, 'request')?.block;
    if (requestBlock) {
      const columnSince = new Map<string, string>();
      for (const params of named(requestBlock, 'params'))
        for (const column of named(params.block, 'column')) {
          const name = stringArg(only(column.block, 'name'));
          const since = stringArg(only(column.block, 'since'));
          if (name !== undefined && since !== undefined) columnSince.set(name, since);
        }
      const replyClass = classArg(only(only(rest, 'response')?.block, 'clz'));
      messages.push({
        file,
        package: pkg,
        category: stringArg(only(doc, 'category')),
        urls: named(requestBlock, 'url').flatMap((u) => stringArg(u) ?? []),
        columnSince,
        replyClass: replyClass && qualify(replyClass, pkg, imports),
      });
    }
    const refs = new Map<string, string>();
    for (const ref of named(doc, 'ref')) {
      const name = stringArg(only(ref.block, 'name'));
      const clz = classArg(only(ref.block, 'clz'));
      if (name !== undefined && clz !== undefined) refs.set(name, qualify(clz, pkg, imports));
    }
    const documented = `${pkg}.${path.slice(path.lastIndexOf(sep) + 1, -SUFFIX.length)}`;
    if (classes.has(documented))
      throw new Error(`two doc templates document ${documented}: ${classes.get(documented)!.file}, ${file}`);
    classes.set(documented, { file, package: pkg, refs });
  }
  return { messages, classes };
}
