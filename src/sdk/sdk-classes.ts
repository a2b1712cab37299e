// The SDK's classes and enums as facts read from their .java files with the Java parser: fully qualified name,
// superclass, public instance fields (type as written, resolved against the file's imports) and enum constants.
// Read lazily and cached: the importer needs the Result classes, the inventories and what they reference.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  ClassBodyDeclarationCstNode,
  EnumDeclarationCstNode,
  NormalClassDeclarationCstNode,
  OrdinaryCompilationUnitCstNode,
} from 'java-parser';
import { dotted, parseJava, single, sourceText } from './java-cst.ts';

export const SDK_PACKAGE = 'org.zstack.sdk';
/** The Java source root, relative to the SDK root. */
export const SOURCE_DIR = 'src/main/java';

export interface SdkField {
  name: string;
  /** the type as written, generics and array dims included */
  javaType: string;
  /** the erased type, fully qualified when it names a class the SDK declares or a java.* class */
  resolved: string;
}

export interface SdkClass {
  class: string;
  simpleName: string;
  /** path relative to the SDK root */
  file: string;
  kind: 'class' | 'enum';
  /** the fully qualified superclass, when the class extends one */
  extends?: string;
  /** public instance fields of the class itself, in declaration order */
  fields: SdkField[];
  /** enum constants in declaration order */
  constants: string[];
}

const JAVA_LANG = new Set([
  'String',
  'Integer',
  'Long',
  'Short',
  'Byte',
  'Float',
  'Double',
  'Boolean',
  'Character',
  'Object',
]);

export class SdkClasses {
  /** fully qualified name -> file relative to the SDK root, for every top-level .java file of the SDK package */
  private readonly files = new Map<string, string>();
  /** simple name -> fully qualified names (more than one is a clash) */
  readonly bySimpleName = new Map<string, string[]>();
  private readonly parsed = new Map<string, SdkClass>();

  constructor(private readonly sdkRoot: string) {
    // the whole source tree, not only org/zstack/sdk: a few actions live in other packages (org.zstack.heder...)
    for (const f of readdirSync(join(sdkRoot, SOURCE_DIR), { recursive: true, encoding: 'utf8' }).sort()) {
      const parts = f.split(/[\\/]/);
      // SourceClassMap.java sits at the root, outside its package's folder: it is read on its own
      if (!f.endsWith('.java') || parts.length < 2) continue;
      const simple = parts[parts.length - 1].slice(0, -'.java'.length);
      const fqn = [...parts.slice(0, -1), simple].join('.');
      this.files.set(fqn, [SOURCE_DIR, ...parts].join('/'));
      this.bySimpleName.set(simple, [...(this.bySimpleName.get(simple) ?? []), fqn]);
    }
  }

  /** The file of a class, relative to the SDK root. */
  fileOf = (fqn: string): string | undefined => this.files.get(fqn);

  has = (fqn: string): boolean => this.files.has(fqn);

  /** Every declared SDK class name, sorted. */
  names = (): string[] => [...this.files.keys()].sort();

  /** The facts of one SDK class (throws when the SDK does not declare it). */
  get(fqn: string): SdkClass {
    let found = this.parsed.get(fqn);
    if (!found) {
      const file = this.files.get(fqn);
      if (!file) throw new Error(`the SDK declares no ${fqn}`);
      found = this.read(fqn, file);
      this.parsed.set(fqn, found);
    }
    return found;
  }

  /** A simple or qualified type name as the file sees it: imports, own package, wildcard imports, java.lang. */
  private resolver(unit: OrdinaryCompilationUnitCstNode['children'], pkg: string): (name: string) => string {
    const single: string[] = [];
    const wildcard: string[] = [];
    for (const i of unit.importDeclaration ?? []) {
      const name = i.children.packageOrTypeName ? dotted(i.children.packageOrTypeName[0].children.Identifier) : '';
      if (!name || i.children.Static) continue;
      (i.children.Star ? wildcard : single).push(name);
    }
    return (name) => {
      if (name.includes('.')) return name;
      const imported = single.find((s) => s.endsWith(`.${name}`));
      if (imported) return imported;
      for (const p of [pkg, ...wildcard]) if (this.files.has(`${p}.${name}`)) return `${p}.${name}`;
      if (JAVA_LANG.has(name)) return `java.lang.${name}`;
      return name;
    };
  }

  private read(fqn: string, file: string): SdkClass {
    const source = readFileSync(join(this.sdkRoot, file), 'utf8');
    const top = parseJava(source, file).children;
    const unit = 'ordinaryCompilationUnit' in top ? single(top.ordinaryCompilationUnit)?.children : undefined;
    if (!unit) throw new Error(`${file}: a module, not a class`);
    const pkgNode = single(unit.packageDeclaration);
    const pkg = pkgNode ? dotted(pkgNode.children.Identifier) : '';
    if (`${pkg}.${fqn.slice(fqn.lastIndexOf('.') + 1)}` !== fqn)
      throw new Error(`${file}: package ${pkg} is not its folder's`);
    const resolve = this.resolver(unit, pkg);
    const simpleName = fqn.slice(fqn.lastIndexOf('.') + 1);
    const declarations = (unit.typeDeclaration ?? []).flatMap((t) => t.children.classDeclaration ?? []);
    const cls = declarations
      .flatMap((d) => d.children.normalClassDeclaration ?? [])
      .find((c) => c.children.typeIdentifier[0].children.Identifier[0].image === simpleName);
    const en = declarations
      .flatMap((d) => d.children.enumDeclaration ?? [])
      .find((e) => e.children.typeIdentifier[0].children.Identifier[0].image === simpleName);
    if (en) return { class: fqn, simpleName, file, kind: 'enum', fields: [], constants: enumConstants(en) };
    if (!cls) throw new Error(`${file}: no top-level class or enum ${simpleName}`);
    const superclass = single(cls.children.classExtends)?.children.classType[0];
    return {
      class: fqn,
      simpleName,
      file,
      kind: 'class',
      ...(superclass ? { extends: resolve(sourceText(source, superclass).replace(/<.*$/s, '').trim()) } : {}),
      fields: publicFields(source, cls.children.classBody[0].children.classBodyDeclaration ?? [], resolve),
      constants: [],
    };
  }
}

function enumConstants(en: EnumDeclarationCstNode): string[] {
  const list = single(en.children.enumBody[0].children.enumConstantList);
  return (list?.children.enumConstant ?? []).map((c) => c.children.Identifier[0].image);
}

/** The public, non-static fields a class body declares, in order. */
export function publicFields(
  source: string,
  body: readonly ClassBodyDeclarationCstNode[],
  resolve: (name: string) => string,
): SdkField[] {
  const out: SdkField[] = [];
  for (const declaration of body) {
    for (const field of single(declaration.children.classMemberDeclaration)?.children.fieldDeclaration ?? []) {
      const modifiers = (field.children.fieldModifier ?? []).flatMap((m) => [
        ...(m.children.Public ?? []),
        ...(m.children.Static ?? []),
      ]);
      if (!modifiers.some((t) => t.image === 'public') || modifiers.some((t) => t.image === 'static')) continue;
      const type = sourceText(source, field.children.unannType[0]);
      for (const declarator of field.children.variableDeclaratorList[0].children.variableDeclarator) {
        const id = declarator.children.variableDeclaratorId[0];
        const dims = single(id.children.dims);
        const javaType = dims ? type + sourceText(source, dims) : type;
        const erased = javaType.replace(/<.*$/s, '').trim();
        const name = single(id.children.Identifier)?.image;
        if (!name) continue; // `_` alone declares no field
        out.push({
          name,
          javaType,
          resolved: javaType.endsWith('[]') ? javaType : resolve(erased),
        });
      }
    }
  }
  return out;
}

/** A nested class of a class body by name (e.g. an action's Result). */
export function nestedClass(
  body: readonly ClassBodyDeclarationCstNode[],
  name: string,
): NormalClassDeclarationCstNode | undefined {
  return body
    .flatMap((d) => single(d.children.classMemberDeclaration)?.children.classDeclaration ?? [])
    .flatMap((c) => c.children.normalClassDeclaration ?? [])
    .find((c) => c.children.typeIdentifier[0].children.Identifier[0].image === name);
}
