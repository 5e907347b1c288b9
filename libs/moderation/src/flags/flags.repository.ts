import { SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { FlagReason } from '../moderation.enums';
import { FlagEntity } from './flag.entity';

/** A flag as it is written. */
export interface NewFlag {
  id: string;
  targetType: string;
  targetId: string;
  reporterId: string;
  reason: FlagReason;
  note: string | null;
  weight: number;
  reviewItemId: string;
}

/** Members' flags: at most one per member per target (flags_one_per_member_key). */
@Injectable()
export class FlagsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts a flag; false when the member has already flagged the target. */
  async insert(flag: NewFlag, tx: Tx): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO flags (id, target_type, target_id, reporter_id, reason, note, weight, review_item_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ON CONSTRAINT flags_one_per_member_key DO NOTHING RETURNING id`,
      [
        flag.id,
        flag.targetType,
        flag.targetId,
        flag.reporterId,
        flag.reason,
        flag.note,
        flag.weight,
        flag.reviewItemId,
      ],
    );
    return inserted.length > 0;
  }

  /** A flag by UUID, or null. */
  byId(id: string): Promise<FlagEntity | null> {
    return this.dataSource.manager.findOneBy(FlagEntity, { id });
  }

  /** The flags of review items, oldest first (behind the request's loader). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  ofItems(reviewItemIds: readonly string[]): Promise<FlagEntity[]> {
    return this.dataSource.manager.find(FlagEntity, {
      where: { reviewItemId: In([...reviewItemIds]) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
