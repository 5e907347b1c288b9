import { badInput } from '../errors/app-errors';
import { DecodedId, parseGlobalId } from '../ids/global-id';

/** The most objects one `nodes(ids)` call loads: a page's worth, as a list's `first` allows. */
export const MAX_NODE_IDS = 100;

/** Refuses a `nodes(ids)` call for more objects than MAX_NODE_IDS. */
export function checkNodeIdCount(count: number): void {
  if (count > MAX_NODE_IDS) throw badInput('ids', `at most ${MAX_NODE_IDS} IDs at once`);
}

/**
 * Decodes the ids of `nodes(ids)`, in order. One malformed id refuses the whole call
 * (BAD_USER_INPUT naming its position): a null there would read as "not found", hiding the
 * client's mistake. An id of an unknown type is well formed and loads as null, as in node(id).
 */
export function parseNodeIds(ids: readonly string[]): DecodedId[] {
  checkNodeIdCount(ids.length);
  return ids.map((id, index) => {
    const decoded = parseGlobalId(id);
    if (!decoded) throw badInput('ids', `item ${index} is not a valid ID`);
    return decoded;
  });
}
