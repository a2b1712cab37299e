import { isObject, type JsonObject } from '../../exchange/json.ts';

/** Flows in approval order: follow parentFlowUuid from the flow without one; list order when there is no chain. */
export function flowChain(flows: unknown): JsonObject[] {
  if (!Array.isArray(flows)) return [];
  const list = flows.filter(isObject);
  const first = list.filter((f) => f['parentFlowUuid'] == null);
  if (first.length !== 1) return list;
  const chain = [first[0]];
  while (chain.length < list.length) {
    const next = list.find((f) => f['parentFlowUuid'] === chain[chain.length - 1]['uuid']);
    if (!next) return list;
    chain.push(next);
  }
  return chain;
}
