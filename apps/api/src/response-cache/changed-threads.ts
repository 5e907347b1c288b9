import { CommittedChange } from '@app/core';
import { MODERATION_EVENTS } from '@app/moderation';

/** Finds the thread of an answer, for a change that names the answer only. */
export type ThreadOfPost = (postId: string) => Promise<string | null>;

const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * The threads whose pages committed `changes` touched. Any change naming a `threadId` touches
 * that thread (answers, edits, kudos, solutions, and forum's notes of the changes no event
 * tells: kudos taken back, deletions, withdrawn solutions, moderators' status changes); a
 * correction names its answer only.
 */
export async function changedThreads(
  changes: readonly CommittedChange[],
  threadOfPost: ThreadOfPost,
): Promise<string[]> {
  const threads = new Set<string>();
  for (const { type, payload } of changes) {
    const fields = payload as Record<string, unknown>;
    if (isId(fields.threadId)) {
      threads.add(fields.threadId);
    } else if (type === MODERATION_EVENTS.postCorrected && isId(fields.postId)) {
      const threadId = await threadOfPost(fields.postId);
      if (threadId) threads.add(threadId);
    }
  }
  return [...threads];
}
