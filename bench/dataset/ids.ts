import { hash32 } from './random';

/** What an id names; part of the id, so ids of different tables never collide. */
export enum Kind {
  Member = 1,
  Board,
  Thread,
  Post,
  Idea,
  Product,
  Review,
  Case,
  CaseMessage,
  Segment,
  ReviewItem,
  Flag,
  Correction,
}

const hex = (value: number, digits: number): string => value.toString(16).padStart(digits, '0');

/**
 * The UUID of row `index` of `kind`: computable anywhere (a post's thread, a kudo's post)
 * without reading the database back. The leading group is hashed so that ids spread over the
 * key space as random UUIDs do; the index in the last group keeps them unique.
 */
export function uuidOf(kind: Kind, index: number): string {
  return `${hex(hash32(kind, index, 0x1d), 8)}-${hex(kind, 4)}-4000-8000-${hex(index, 12)}`;
}
