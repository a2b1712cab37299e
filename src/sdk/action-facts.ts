// The facts of one SDK *Action.java: its class, superclass, REST route and every @Param field with the
// constraints written on it. The SDK's actions are generated from the server's API messages, so a @Param here
// mirrors the server's @APIParam: the validators a real ZStack enforces.
import type { ClassBodyDeclarationCstNode, FieldDeclarationCstNode, NormalClassDeclarationCstNode } from 'java-parser';
import { basename } from 'node:path';
import { dotted, parseJava, single, sourceText } from './java-cst.ts';
import { expressionConstant } from './java-constant.ts';
import type { JavaConstant } from './java-literal.ts';
import { type ParamConstraints, isParamAnnotation, paramConstraints } from './param-annotation.ts';
import { type RestFacts, restInfo } from './rest-info.ts';
import { nestedClass, publicFields } from './sdk-classes.ts';

export interface ParamFacts extends ParamConstraints {
  /** The field's type as written, generics included (`java.lang.String`, `java.util.List<String>`, `boolean`). */
  javaType: string;
  /** The field's initializer when it is a literal (`= false`, `= "Permissive"`, `= -1`). */
  initializer?: Exclude<JavaConstant, JavaConstant[]>;
}

export interface ActionFacts {
  /** Fully qualified: package and class name. */
  class: string;
  /** Path of the .java file relative to the zstack repository root. */
  file: string;
  /** Simple name of the superclass (AbstractAction, QueryAction, ...). */
  extends: string;
  rest: RestFacts;
  /** Every @Param field of the class itself, in declaration order (not @NonAPIParam, not inherited). */
  params: Record<string, ParamFacts>;
}

/** The top-level class the file is named after. */
function mainClass(
  types: readonly NormalClassDeclarationCstNode[],
  name: string,
  file: string,
): NormalClassDeclarationCstNode {
  const found = types.find((t) => t.children.typeIdentifier[0].children.Identifier[0].image === name);
  if (!found) throw new Error(`${file}: no top-level class ${name}`);
  return found;
}

/** The @Param fields one field declaration declares (`public String a, b;` declares two). */
function paramFields(source: string, field: FieldDeclarationCstNode, where: string): Array<[string, ParamFacts]> {
  const annotations = (field.children.fieldModifier ?? [])
    .flatMap((m) => m.children.annotation ?? [])
    .filter(isParamAnnotation);
  if (annotations.length === 0) return [];
  const type = sourceText(source, field.children.unannType[0]);
  return field.children.variableDeclaratorList[0].children.variableDeclarator.map((declarator) => {
    const id = declarator.children.variableDeclaratorId[0];
    const name = single(id.children.Identifier)?.image;
    if (!name) throw new Error(`${where}: a @Param field without a name`);
    const dims = single(id.children.dims);
    const facts: ParamFacts = {
      javaType: dims ? type + sourceText(source, dims) : type,
      ...paramConstraints(single(annotations) ?? fail(`${where}.${name}: more than one @Param`), `${where}.${name}`),
    };
    const expression = single(single(declarator.children.variableInitializer)?.children.expression);
    const initial = expression && expressionConstant(expression);
    if (initial !== undefined && !Array.isArray(initial)) facts.initializer = initial;
    return [name, facts];
  });
}

const fail = (message: string): never => {
  throw new Error(message);
};

/** The facts of one *Action.java source; `file` is its path relative to the zstack repository root. */
export const actionFacts = (source: string, file: string): ActionFacts => readAction(source, file).facts;

/** An action's facts and the type its nested Result class's `value` field has, as written (the SDK's result class). */
export function readAction(source: string, file: string): { facts: ActionFacts; resultType?: string } {
  const top = parseJava(source, file).children;
  const unit =
    ('ordinaryCompilationUnit' in top ? single(top.ordinaryCompilationUnit)?.children : undefined) ??
    fail(`${file}: a module, not a class`);
  const pkg = single(unit.packageDeclaration) ?? fail(`${file}: no package declaration`);
  const classes = (unit.typeDeclaration ?? []).flatMap(
    (t) => single(t.children.classDeclaration)?.children.normalClassDeclaration ?? [],
  );
  const simpleName = basename(file, '.java');
  const cls = mainClass(classes, simpleName, file);
  const superclass =
    single(cls.children.classExtends)?.children.classType[0].children.Identifier ??
    fail(`${file}: ${simpleName} extends nothing`);
  const body: readonly ClassBodyDeclarationCstNode[] = cls.children.classBody[0].children.classBodyDeclaration ?? [];
  const params: Record<string, ParamFacts> = {};
  for (const declaration of body) {
    for (const field of single(declaration.children.classMemberDeclaration)?.children.fieldDeclaration ?? []) {
      for (const [name, facts] of paramFields(source, field, `${file}: ${simpleName}`)) {
        if (name in params) fail(`${file}: ${simpleName}.${name} declared twice`);
        params[name] = facts;
      }
    }
  }
  const facts: ActionFacts = {
    class: `${dotted(pkg.children.Identifier)}.${simpleName}`,
    file,
    extends: superclass[superclass.length - 1].image,
    rest: restInfo(body, `${file}: ${simpleName}`),
    params,
  };
  const result = nestedClass(body, 'Result');
  const value =
    result &&
    publicFields(source, result.children.classBody[0].children.classBodyDeclaration ?? [], (n) => n).find(
      (f) => f.name === 'value',
    );
  return { facts, ...(value ? { resultType: value.javaType } : {}) };
}
