import { byKeys, RequestLoaders } from '@app/core';
import { Injectable } from '@nestjs/common';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

/**
 * Batches member lookups of one request into one query. Members are shown beside what they
 * wrote, so the loader runs at the last stage: the authors found at every depth of a page
 * (thread, answers, corrections, earlier versions) are read together.
 */
@Injectable()
export class UsersLoader {
  constructor(private readonly users: UsersRepository) {}

  /** Loads a member by UUID through the request's loaders. */
  load(loaders: RequestLoaders, id: string): Promise<UserEntity | null> {
    return loaders
      .get<
        string,
        UserEntity | null
      >('users.byId', async (ids) => byKeys(ids, await this.users.byIds(ids), (row) => row.id, null), 2)
      .load(id);
  }
}
