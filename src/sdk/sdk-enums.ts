// Whether an SDK class is an enum, read from its own source file in the SDK tree: an enum parameter travels as
// its constant's name (a JSON string).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJava, single } from './java-cst.ts';
import { SDK_PACKAGE_DIR } from './sdk-tree.ts';

const SDK_PACKAGE = 'org.zstack.sdk.';

/** A predicate over fully qualified class names, true for the enums the SDK at `sdkRoot` declares (cached). */
export function sdkEnumTest(sdkRoot: string): (className: string) => boolean {
  const known = new Map<string, boolean>();
  return (className) => {
    if (!className.startsWith(SDK_PACKAGE)) return false;
    if (!known.has(className)) {
      const file = join(sdkRoot, SDK_PACKAGE_DIR, ...className.slice(SDK_PACKAGE.length).split('.')) + '.java';
      const top = existsSync(file) ? parseJava(readFileSync(file, 'utf8'), file).children : undefined;
      const unit = top && 'ordinaryCompilationUnit' in top ? single(top.ordinaryCompilationUnit)?.children : undefined;
      const simpleName = className.slice(className.lastIndexOf('.') + 1);
      known.set(
        className,
        (unit?.typeDeclaration ?? []).some((t) =>
          single(t.children.classDeclaration)?.children.enumDeclaration?.some(
            (e) => e.children.typeIdentifier[0].children.Identifier[0].image === simpleName,
          ),
        ),
      );
    }
    return known.get(className)!;
  };
}
