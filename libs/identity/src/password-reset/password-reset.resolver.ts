import { EXPENSIVE_FIELD_COST, RequestContext } from '@app/core';
import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { AuthPayload } from '../dto/auth-payload.type';
import { RequestPasswordResetArgs } from '../dto/request-password-reset.args';
import { ResetPasswordArgs } from '../dto/reset-password.args';
import { PasswordResetService } from './password-reset.service';

@Resolver()
export class PasswordResetResolver {
  constructor(private readonly resets: PasswordResetService) {}

  @Mutation(() => Boolean, {
    // Weighed like a sign-in: an operation may run only a few.
    complexity: EXPENSIVE_FIELD_COST,
    description:
      'Emails a link to choose a new password, valid for an hour, when a member has this email. Always true, whether or not one has: the answer never tells.',
  })
  async requestPasswordReset(
    @Args() args: RequestPasswordResetArgs,
    @Context() ctx: RequestContext,
  ): Promise<boolean> {
    await this.resets.request(args.email, ctx.ip);
    return true;
  }

  @Mutation(() => AuthPayload, {
    complexity: EXPENSIVE_FIELD_COST,
    description:
      'Sets a new password with the token of a reset link, once. Ends every session of the member and signs them in with a new one.',
  })
  resetPassword(@Args() args: ResetPasswordArgs): Promise<AuthPayload> {
    return this.resets.reset(args);
  }
}
