// One API call as the honest code and the hooks see it, once its parameters have passed the type check.
// A module of its own: the hooks (hooks.ts) and the resource modules (resources/types.ts) both name it, and
// the resource modules' contract names the server context, which names the hooks.
import type { ApiDescriptor } from '../contracts/index.ts';

export interface ApiCall {
  api: ApiDescriptor;
  /** body parameters, already type-verified and trimmed; query parameters for DELETE */
  params: Record<string, unknown>;
  pathParams: Record<string, string>;
  systemTags: string[];
  userTags: string[];
}
