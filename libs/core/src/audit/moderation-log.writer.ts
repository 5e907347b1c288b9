import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

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
 * Appends to the moderation log in the caller's transaction. Shared by every lib that moderates
 * (sanctions and roles in identity, the queue in moderation, statuses and merges in ideas); the
 * table refuses updates and deletes, so an entry, once committed, stays.
 */
@Injectable()
export class ModerationLogWriter {
  /** Appends one entry through `manager`. */
  async append(manager: EntityManager, entry: ModerationLogEntry): Promise<void> {
    await manager.query(
      `INSERT INTO moderation_actions (id, actor_id, action, target_type, target_id, target_user_id, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        randomUUID(),
        entry.actorId,
        entry.action,
        entry.targetType ?? null,
        entry.targetId ?? null,
        entry.targetUserId ?? null,
        entry.reason ?? null,
      ],
    );
  }
}
