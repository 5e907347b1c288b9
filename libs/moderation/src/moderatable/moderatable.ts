import { ContentStatus, nodeTypeOf, Viewer } from '@app/core';
import { Type } from '@nestjs/common';
import { createUnionType } from '@nestjs/graphql';
import { EntityManager } from 'typeorm';

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
 * How moderation acts on one kind of content. Content libs implement it and register it with the
 * ModeratableRegistry, so that moderation imports none of them.
 */
export interface ModeratableHandler {
  readonly type: string;
  /** Whether CORRECT applies (posts and comments). */
  readonly correctable: boolean;
  /** Loads a target for change, locking its row in `manager`'s transaction. */
  lock(manager: EntityManager, id: string): Promise<ModeratableTarget | null>;
  /** Changes the target's status, keeping its lib's counters right. */
  setStatus(manager: EntityManager, id: string, status: ContentStatus): Promise<void>;
  /** The GraphQL object of the target as `viewer` may see it. */
  load(ctx: object, id: string, viewer: Viewer | null): Promise<object | null>;
  /** Who accepted this post as the solution, if it is one. */
  acceptedBy?(manager: EntityManager, id: string): Promise<string | null>;
  /** Withdraws the accepted-solution mark of a post (nothing if it is not the solution). */
  unaccept?(manager: EntityManager, id: string): Promise<void>;
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
