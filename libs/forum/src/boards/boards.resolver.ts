import { Role, Roles } from '@app/core';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CreateBoardInput } from '../dto/create-board.input';
import { BoardEntity } from './board.entity';
import { BoardType } from './board.type';
import { BoardsService } from './boards.service';

@Resolver(() => BoardType)
export class BoardsResolver {
  constructor(private readonly boards: BoardsService) {}

  @Mutation(() => BoardType)
  @Roles(Role.ADMIN)
  createBoard(@Args('input') input: CreateBoardInput): Promise<BoardEntity> {
    return this.boards.create(input);
  }

  @Query(() => [BoardType], { name: 'boards' })
  listBoards(): Promise<BoardEntity[]> {
    return this.boards.list();
  }

  @Query(() => BoardType, { nullable: true })
  board(@Args('slug') slug: string): Promise<BoardEntity | null> {
    return this.boards.findBySlug(slug);
  }
}
