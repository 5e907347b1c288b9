import { ContentStatus, nodeTypeOf, RequestLoaders, Tx, Viewer } from '@app/core';
import { Type } from '@nestjs/common';
import { createUnionType } from '@nestjs/graphql';

/** What moderation needs to know of a target, whatever lib owns it. */
export interface ModeratableTarget {
  type: string;
  id: string;
  authorId: string;
  status: ContentStatus;
  /** A short human label for messages ("your answer in “…”"). */
  label: string;
}

/**
 * How moderation acts on one kind of content. Content libs implement it (most simply by
 * extending ModeratableContent) and register it with the ModeratableRegistry, so that
 * moderation imports none of them.
 */
export interface ModeratableHandler {
  readonly type: string;
  /** Whether CORRECT applies (posts). */
  readonly correctable: boolean;
  /** Loads a target for change, locking its row until `tx` ends. */
  lock(id: string, tx: Tx): Promise<ModeratableTarget | null>;
  /** Changes the target's status, keeping its lib's counters right. */
  setStatus(id: string, status: ContentStatus, tx: Tx): Promise<void>;
  /** The GraphQL object of the target as `viewer` may see it, batched through `loaders`. */
  load(id: string, viewer: Viewer | null, loaders: RequestLoaders): Promise<object | null>;
  /** Who accepted this post as the solution, if it is one. */
  acceptedBy?(id: string, tx: Tx): Promise<string | null>;
  /** Withdraws the accepted-solution mark of a post (nothing if it is not the solution). */
  unaccept?(id: string, tx: Tx): Promise<void>;
}

// The GraphQL classes of moderatable content, registered by the content libs' modules.
const moderatableTypes: Type<unknown>[] = [];

/** Adds a member to the union; through ModeratableRegistry.registerType. */
export function addModeratableType(type: Type<unknown>): void {
  if (!moderatableTypes.includes(type)) moderatableTypes.push(type);
}

/** Thread | Post | … : whatever content the libs registered, told apart by node type. */
export const Moderatable = createUnionType({
  name: 'Moderatable',
  types: () => moderatableTypes,
  resolveType: (value: object) => nodeTypeOf(value),
  // Its members are only known at run time, so the compiler sees no instance type.
}) as object;
