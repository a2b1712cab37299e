import { flowCollections } from './flow-collections.ts';
import { organizations } from './organizations.ts';
import { projects } from './projects.ts';
import type { ResourceModule } from './types.ts';
import { virtualIds } from './virtual-ids.ts';

export const RESOURCE_MODULES: ReadonlyMap<string, ResourceModule> = new Map(
  [organizations, projects, virtualIds, flowCollections].map((m) => [m.resource, m]),
);
