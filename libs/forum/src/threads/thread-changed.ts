import { noteChange, Tx } from '@app/core';

/** What `threadChanged` notes; read by this process's AfterCommit listeners only. */
export const THREAD_CHANGED = 'thread.changed';

/**
 * Notes that what a thread's page shows changed in `tx` where no recorded event says so (a kudo
 * taken back, an answer deleted, a solution withdrawn, a moderator's status change), so that
 * the copies of the page kept for anonymous readers are dropped once `tx` commits.
 */
export function threadChanged(tx: Tx, threadId: string): void {
  noteChange(tx, { type: THREAD_CHANGED, payload: { threadId } });
}
