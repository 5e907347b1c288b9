import { SAMPLE, SqlSnapshot, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { BoardEntity } from './board.entity';

/** A new board's row; the database fills in its creation time. */
export type NewBoard = Omit<BoardEntity, 'createdAt'>;

/** The board statements. Boards are few (an operator's catalogue). */
@Injectable()
export class BoardsRepository {
  constructor(@InjectRepository(BoardEntity) private readonly boards: Repository<BoardEntity>) {}

  /** Inserts a board; a taken slug raises the unique violation for the service to name. */
  async insert(board: NewBoard): Promise<void> {
    await this.boards.insert(board);
  }

  /** Up to `limit` boards by name. */
  list(limit: number): Promise<BoardEntity[]> {
    return this.boards.find({ order: { name: 'ASC', id: 'ASC' }, take: limit });
  }

  byId(id: string, tx?: Tx): Promise<BoardEntity | null> {
    return (tx ? tx.getRepository(BoardEntity) : this.boards).findOneBy({ id });
  }

  bySlug(slug: string): Promise<BoardEntity | null> {
    return this.boards.findOneBy({ slug });
  }

  /** The boards of these ids that exist, in no particular order (the loaders' batch read). */
  @SqlSnapshot({ params: [[SAMPLE.UUID, SAMPLE.UUID_2]] })
  byIds(ids: readonly string[]): Promise<BoardEntity[]> {
    return this.boards.findBy({ id: In([...ids]) });
  }

  /** Moves a board's count of published threads by `delta`, in one UPDATE. */
  @SqlSnapshot({ params: [SAMPLE.UUID, 1, SAMPLE.TX] })
  async moveThreadCount(id: string, delta: number, tx: Tx): Promise<void> {
    await tx.getRepository(BoardEntity).increment({ id }, 'threadCount', delta);
  }
}
