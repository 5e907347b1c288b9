import { badInput, byKeys, conflict, isUniqueViolation, requestLoader } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, Repository } from 'typeorm';
import { CreateBoardInput } from '../dto/create-board.input';
import { BoardKind } from '../forum.enums';
import { BoardEntity } from './board.entity';

/** Boards: the places where questions (or ideas) are asked. */
@Injectable()
export class BoardsService {
  constructor(@InjectRepository(BoardEntity) private readonly boards: Repository<BoardEntity>) {}

  /** Creates a board; a taken slug is CONFLICT. */
  async create(input: CreateBoardInput): Promise<BoardEntity> {
    const name = input.name.trim();
    if (!name) throw badInput('name', 'must not be blank');
    const id = randomUUID();
    try {
      await this.boards.insert({
        id,
        slug: input.slug,
        name,
        description: input.description.trim(),
        kind: input.kind,
        threadCount: 0,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(`A board with the slug "${input.slug}" already exists`);
      }
      throw error;
    }
    return this.boards.findOneByOrFail({ id });
  }

  /** Every board, by name. Boards are few (an operator's catalogue), so this list is not paged. */
  list(): Promise<BoardEntity[]> {
    return this.boards.find({ order: { name: 'ASC', id: 'ASC' }, take: 500 });
  }

  /** The kind of a board, or null when there is no such board. */
  async kindOf(id: string): Promise<BoardKind | null> {
    const board = await this.boards.findOneBy({ id });
    return board?.kind ?? null;
  }

  /**
   * Moves a board's count of published threads by `delta`, inside the caller's transaction: the
   * ideas of an IDEAS board are counted like the questions of a QUESTIONS board.
   */
  async countPublished(manager: EntityManager, boardId: string, delta: number): Promise<void> {
    if (delta !== 0) await manager.increment(BoardEntity, { id: boardId }, 'threadCount', delta);
  }

  findBySlug(slug: string): Promise<BoardEntity | null> {
    return this.boards.findOneBy({ slug });
  }

  /** Loads a board through the request's loader. */
  load(ctx: object, id: string): Promise<BoardEntity | null> {
    return requestLoader<string, BoardEntity | null>(ctx, 'boards.byId', async (ids) => {
      const rows = await this.boards.findBy({ id: In([...ids]) });
      return byKeys(ids, rows, (row) => row.id, null);
    }).load(id);
  }
}
