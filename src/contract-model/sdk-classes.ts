// The official SDK's class tree as the generated schemas record it (x-sdk-class, x-sdk-extends) and the server
// classes it casts through (SourceClassMap.java, contracts.classMap): whether a class a reply's schema map names
// can stand where an API's inventory class is expected (docs/zstack-protocol.md#the-schema-map).
import { zstackClassOf, type Contracts } from '../../contracts/index.ts';

/** `org.zstack.sdk.HostInventory` -> `HostInventory` */
const simpleName = (c: string): string => c.slice(c.lastIndexOf('.') + 1);

/** Two class names are one class: equal, or equal simple names when one of them is written without its package. */
export const sameClass = (a: string, b: string): boolean =>
  a === b || ((!a.includes('.') || !b.includes('.')) && simpleName(a) === simpleName(b));

interface SdkTree {
  /** SDK class (as its schema writes it) -> the SDK class it extends */
  parentOf: Map<string, string>;
}

const trees = new WeakMap<Contracts, SdkTree>();

function treeOf(contracts: Contracts): SdkTree {
  let tree = trees.get(contracts);
  if (!tree) {
    const parentOf = new Map<string, string>();
    for (const schema of contracts.schemas.values()) {
      const cls = schema['x-sdk-class'];
      const parent = schema['x-sdk-extends'];
      if (typeof cls === 'string' && typeof parent === 'string') {
        parentOf.set(cls, parent);
        parentOf.set(simpleName(cls), parent);
      }
    }
    tree = { parentOf };
    trees.set(contracts, tree);
  }
  return tree;
}

/** The SDK class of an inventory schema: its x-sdk-class, else what SourceClassMap maps its server class to. */
export function sdkClassOfSchema(contracts: Contracts, schemaName: string): string | undefined {
  const own = contracts.schemas.get(schemaName)?.['x-sdk-class'];
  if (typeof own === 'string') return own;
  const server = zstackClassOf(contracts, schemaName);
  return server === undefined ? undefined : contracts.classMap.get(server);
}

/** Whether SDK class `cls` is `ancestor` or extends it, following x-sdk-extends. */
export function sdkExtends(contracts: Contracts, cls: string, ancestor: string): boolean {
  const { parentOf } = treeOf(contracts);
  const seen = new Set<string>();
  for (
    let c: string | undefined = cls;
    c !== undefined && !seen.has(c);
    c = parentOf.get(c) ?? parentOf.get(simpleName(c))
  ) {
    if (sameClass(c, ancestor)) return true;
    seen.add(c);
  }
  return false;
}

/**
 * Whether the server class a schema map names for a row can be read as the API's inventory schema: the very
 * class, or one whose SDK class is that schema's SDK class or a subclass of it (a real QueryHost answers
 * KVMHostInventory rows).
 */
export function castableTo(contracts: Contracts, serverClass: string, schemaName: string): boolean {
  const expected = zstackClassOf(contracts, schemaName);
  if (expected !== undefined && serverClass === expected) return true;
  const expectedSdk = sdkClassOfSchema(contracts, schemaName);
  const sdk = contracts.classMap.get(serverClass);
  return expectedSdk !== undefined && sdk !== undefined && sdkExtends(contracts, sdk, expectedSdk);
}
