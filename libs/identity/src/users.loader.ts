import { byKeys, RequestLoaders } from '@app/core';
import { Injectable } from '@nestjs/common';
import { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

/**
 * The request's loaders, or (until the resolvers of forum, moderation, ideas and reviews pass
 * `ctx.loaders` themselves) a context that holds them.
 */
export type LoadersSource = RequestLoaders | { loaders: RequestLoaders };

/** Batches member lookups of one request into one query. */
@Injectable()
export class UsersLoader {
  constructor(private readonly users: UsersRepository) {}

  /** Loads a member by UUID through the request's loaders. */
  load(source: LoadersSource, id: string): Promise<UserEntity | null> {
    const loaders = source instanceof RequestLoaders ? source : source.loaders;
    return loaders
      .get<
        string,
        UserEntity | null
      >('users.byId', async (ids) => byKeys(ids, await this.users.byIds(ids), (row) => row.id, null))
      .load(id);
  }
}
