import { byKeys, requestLoader } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

/** Batches member lookups of one request into one query. */
@Injectable()
export class UsersLoader {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  /** Loads a member by UUID through the request's loader. */
  load(ctx: object, id: string): Promise<UserEntity | null> {
    return requestLoader<string, UserEntity | null>(ctx, 'users.byId', async (ids) => {
      const rows = await this.users.findBy({ id: In([...ids]) });
      return byKeys(ids, rows, (row) => row.id, null);
    }).load(id);
  }
}
