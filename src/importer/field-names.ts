// The API-explorer page runs a field's name and type together ("isDefaultBoolean",
// "inventoryTicketFlowCollectionInventory").
// The split: the longest suffix that is a known doc type; else the longest one ending like an inventory or an enum
// (Inventory, Struct, Type, State, Event, Status, Mode). Anything else is not guessed.
import { DOC_SCALAR_TYPES } from './doc-types.ts';

const TYPE_ENDINGS = /(Inventory|Struct|Type|State|Event|Status|Mode)$/;

export function splitNameAndType(glued: string): { name: string; type: string } | undefined {
  const candidates: string[] = [];
  for (let k = 1; k < glued.length; k++) {
    const suffix = glued.slice(k);
    if (/^[A-Z]/.test(suffix) || DOC_SCALAR_TYPES.has(suffix)) candidates.push(suffix);
  }
  const known = candidates.filter(
    (c) => DOC_SCALAR_TYPES.has(c) && /^[a-z]/.test(glued.slice(0, glued.length - c.length)),
  );
  const pick = known[0] ?? candidates.find((c) => TYPE_ENDINGS.test(c) && /^[a-z]/.test(glued));
  if (!pick) return undefined;
  return { name: glued.slice(0, glued.length - pick.length), type: pick };
}
