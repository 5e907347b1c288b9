import { badInput, byKeys, conflict, isUniqueViolation, RequestLoaders, Tx } from '@app/core';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CreateBoardInput } from '../dto/create-board.input';
import { BoardKind } from '../forum.enums';
import { BoardEntity } from './board.entity';
import { BoardsRepository } from './boards.repository';

/** Boards are an operator's catalogue: listed whole, never paged. */
const MAX_BOARDS = 500;

/** Boards: the places where questions (or ideas) are asked. */
@Injectable()
export class BoardsService {
  constructor(private readonly repository: BoardsRepository) {}

  /** Creates a board; a taken slug is CONFLICT. */
  async create(input: CreateBoardInput): Promise<BoardEntity> {
    const name = input.name.trim();
    if (!name) throw badInput('name', 'must not be blank');
    const id = randomUUID();
    try {
      await this.repository.insert({
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
    return this.found(await this.repository.byId(id));
  }

  /** Every board, by name. */
  list(): Promise<BoardEntity[]> {
    return this.repository.list(MAX_BOARDS);
  }

  /** The kind of a board, or null when there is no such board. */
  async kindOf(id: string, tx?: Tx): Promise<BoardKind | null> {
    const board = await this.repository.byId(id, tx);
    return board?.kind ?? null;
  }

  /**
   * Moves a board's count of published threads by `delta`, inside the caller's transaction: the
   * ideas of an IDEAS board are counted like the questions of a QUESTIONS board.
   */
  async countPublished(tx: Tx, boardId: string, delta: number): Promise<void> {
    if (delta !== 0) await this.repository.moveThreadCount(boardId, delta, tx);
  }

  /** The board with this slug, or null. */
  findBySlug(slug: string): Promise<BoardEntity | null> {
    return this.repository.bySlug(slug);
  }

  /** Loads a board by UUID, batched through the request's loaders. */
  load(loaders: RequestLoaders, id: string): Promise<BoardEntity | null> {
    return loaders
      .get<
        string,
        BoardEntity | null
      >('boards.byId', async (ids) => byKeys(ids, await this.repository.byIds(ids), (row) => row.id, null))
      .load(id);
  }

  private found(board: BoardEntity | null): BoardEntity {
    if (!board) throw new Error('the board just written is missing');
    return board;
  }
}
