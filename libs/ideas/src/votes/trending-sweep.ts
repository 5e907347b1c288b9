import { Injectable } from '@nestjs/common';
import { IdeasRepository } from '../ideas/ideas.repository';

/**
 * Recomputes the trending scores of ideas with votes in the window, so that votes age and drop
 * out after a week (see trending.ts). Reads only recent votes, through their time index.
 */
@Injectable()
export class TrendingSweep {
  constructor(private readonly ideas: IdeasRepository) {}

  /** Refreshes the scores of ideas with recent votes, then zeroes those whose votes all aged out. */
  async sweep(): Promise<void> {
    await this.ideas.refreshTrendingScores();
    await this.ideas.clearStaleTrendingScores();
  }
}
