import { idPages } from '@app/core';
import { Injectable } from '@nestjs/common';
import { VotesRepository } from '../votes/votes.repository';
import { IdeaFollowersRepository } from './idea-followers.repository';

/** Who hears about an idea, read in pages so that fan-outs never load everyone at once. */
@Injectable()
export class IdeaAudience {
  constructor(
    private readonly followers: IdeaFollowersRepository,
    private readonly votes: VotesRepository,
  ) {}

  /** The idea's voters, author and followers, each once, in pages ordered by id. */
  everyone(ideaId: string, pageSize?: number): AsyncGenerator<string[]> {
    return idPages((after, limit) => this.followers.audiencePage(ideaId, after, limit), pageSize);
  }

  /** The idea's voters, in pages ordered by id. */
  voters(ideaId: string, pageSize?: number): AsyncGenerator<string[]> {
    return idPages((after, limit) => this.votes.voterPage(ideaId, after, limit), pageSize);
  }
}
