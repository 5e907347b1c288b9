import { Followable, notFound, Viewer } from '@app/core';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IdeasService } from './ideas.service';

/** Following an idea to hear of its status changes (voters, authors and commenters do too). */
@Injectable()
export class IdeaFollowable implements Followable {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ideas: IdeasService,
  ) {}

  async follow(ctx: object, viewer: Viewer, id: string): Promise<void> {
    await this.visible(ctx, viewer, id);
    await this.dataSource.query(
      `INSERT INTO idea_subscriptions (idea_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
      [id, viewer.id],
    );
  }

  async unfollow(ctx: object, viewer: Viewer, id: string): Promise<void> {
    await this.visible(ctx, viewer, id);
    await this.dataSource.query(
      `DELETE FROM idea_subscriptions WHERE idea_id = $1 AND user_id = $2`,
      [id, viewer.id],
    );
  }

  private async visible(ctx: object, viewer: Viewer, id: string): Promise<void> {
    if (!(await this.ideas.findVisible(ctx, id, viewer))) throw notFound('Idea');
  }
}
