// Where the SDK's action classes are in a zstack checkout (or in its sdk/ folder alone).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The SDK's Java package folder, relative to the SDK root (the zstack repository's sdk/). */
export const SDK_PACKAGE_DIR = 'src/main/java/org/zstack/sdk';

/** The SDK root: `dir` itself when it is the sdk/ folder, else `dir/sdk`. */
export function findSdkRoot(dir: string): string {
  const root = [dir, join(dir, 'sdk')].find((d) => existsSync(join(d, SDK_PACKAGE_DIR)));
  if (!root) throw new Error(`${dir} has no ${SDK_PACKAGE_DIR}, neither in it nor in its sdk/ folder`);
  return root;
}

/** Every <Name>Action.java under the SDK package, as API name → paths relative to the SDK root (sorted). */
export function actionFiles(sdkRoot: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const files = readdirSync(join(sdkRoot, SDK_PACKAGE_DIR), { recursive: true, encoding: 'utf8' }).sort();
  for (const file of files) {
    const name = file.split(/[\\/]/).pop()!;
    if (!name.endsWith('Action.java') || name === 'Action.java') continue;
    const api = name.slice(0, -'Action.java'.length);
    found.set(api, [...(found.get(api) ?? []), join(SDK_PACKAGE_DIR, file)]);
  }
  return found;
}
