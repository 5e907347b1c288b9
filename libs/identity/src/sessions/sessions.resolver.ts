import { AllowWhileSilenced, Authenticated, CurrentUser, Viewer } from '@app/core';
import { Mutation, Resolver } from '@nestjs/graphql';
import { SessionsService } from './sessions.service';

@Resolver()
export class SessionsResolver {
  constructor(private readonly sessions: SessionsService) {}

  @Mutation(() => Boolean, {
    description:
      'Ends the session of the token sent with this request: the token stops working at once. Other sessions of the member stay open.',
  })
  @Authenticated()
  // Signing out touches only the caller's own session; a silenced member may leave too.
  @AllowWhileSilenced()
  async signOut(@CurrentUser() viewer: Viewer): Promise<boolean> {
    await this.sessions.end(viewer);
    return true;
  }
}
