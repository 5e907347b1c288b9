import {
  cappedCount,
  encodeCursor,
  keysetPage,
  KeysetSort,
  PageRequest,
  SAMPLE,
  SAMPLE_PAGE,
  SqlSnapshot,
  Tx,
} from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository, SelectQueryBuilder } from 'typeorm';
import { CaseMessageEntity } from './case-message.entity';

// Oldest first: the conversation as it happened.
const MESSAGE_SORT: KeysetSort = {
  tail: {
    columns: [
      { sql: 'm.created_at', part: 'timestamp' },
      { sql: 'm.id', part: 'uuid' },
    ],
    order: 'ASC',
  },
};

/** The statements on case messages: a case's page, the batch read, the insert. */
@Injectable()
export class CaseMessagesRepository {
  constructor(
    @InjectRepository(CaseMessageEntity) private readonly messages: Repository<CaseMessageEntity>,
  ) {}

  async insert(message: CaseMessageEntity, tx: Tx): Promise<void> {
    await tx.getRepository(CaseMessageEntity).insert(message);
  }

  /** The messages of these ids that exist, in no particular order (the loaders' batch read). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  byIds(ids: readonly string[]): Promise<CaseMessageEntity[]> {
    return this.messages.findBy({ id: In([...ids]) });
  }

  /** One page (limit + 1 rows) of a case's messages, oldest first; internal notes when asked. */
  @SqlSnapshot({ name: 'for staff', params: [SAMPLE.UUID, true, SAMPLE_PAGE.FIRST] })
  @SqlSnapshot({ name: 'for the member', params: [SAMPLE.UUID, false, SAMPLE_PAGE.FIRST] })
  @SqlSnapshot({
    name: 'for the member after a cursor',
    params: [SAMPLE.UUID, false, SAMPLE_PAGE.after(SAMPLE.DATE.getTime())],
  })
  page(caseId: string, withInternal: boolean, page: PageRequest): Promise<CaseMessageEntity[]> {
    return keysetPage(this.ofCase(caseId, withInternal), page, MESSAGE_SORT).getMany();
  }

  @SqlSnapshot({ params: [SAMPLE.UUID, true] })
  count(caseId: string, withInternal: boolean): Promise<number> {
    return cappedCount(this.ofCase(caseId, withInternal));
  }

  cursorOf(message: CaseMessageEntity): string {
    return encodeCursor([message.createdAt.getTime(), message.id]);
  }

  private ofCase(caseId: string, withInternal: boolean): SelectQueryBuilder<CaseMessageEntity> {
    const qb = this.messages.createQueryBuilder('m').where('m.case_id = :caseId', { caseId });
    return withInternal ? qb : qb.andWhere('m.internal = false');
  }
}
