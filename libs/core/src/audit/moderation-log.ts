import { Tx } from '../database/transactions';

export interface ModerationLogEntry {
  actorId: string;
  /** What was done, e.g. RESOLVE_HIDE, CORRECT, SANCTION_SUSPENDED, ROLE_MODERATOR. */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  targetUserId?: string | null;
  reason?: string | null;
}

/**
 * The append-only moderation log, as the libs that moderate see it (sanctions and roles in
 * identity, the queue in moderation, statuses and merges in ideas). Moderation owns the table and
 * provides the implementation globally; this class is the injection token, so that core holds no
 * statement on another lib's table and identity need not import moderation, which sits above it.
 */
export abstract class ModerationLog {
  /** Appends one entry in the caller's transaction; once committed it stays (the table refuses updates and deletes). */
  abstract append(tx: Tx, entry: ModerationLogEntry): Promise<void>;
}
