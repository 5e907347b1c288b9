import {
  CurrentUser,
  EXPENSIVE_FIELD_COST,
  fromGlobalId,
  RequestContext,
  Roles,
  MODERATOR_ROLES,
  Role,
  toGlobalId,
  Viewer,
} from '@app/core';
import { Args, Context, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthService } from './auth.service';
import { AuthPayload } from './dto/auth-payload.type';
import { LoginInput } from './dto/login.input';
import { RegisterInput } from './dto/register.input';
import { SanctionInput } from './dto/sanction.input';
import { effectiveStatus, rankFor } from './reputation';
import { UserEntity } from './user.entity';
import { UsersLoader } from './users.loader';
import { UsersService } from './users.service';
import { UserType } from './user.type';

@Resolver(() => UserType)
export class UsersResolver {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly loader: UsersLoader,
  ) {}

  @Mutation(() => AuthPayload, { complexity: EXPENSIVE_FIELD_COST })
  register(@Args('input') input: RegisterInput): Promise<AuthPayload> {
    return this.auth.register(input);
  }

  @Mutation(() => AuthPayload, { complexity: EXPENSIVE_FIELD_COST })
  login(@Args('input') input: LoginInput, @Context() ctx: RequestContext): Promise<AuthPayload> {
    return this.auth.login(input, ctx.ip);
  }

  @Query(() => UserType, { nullable: true })
  viewer(
    @CurrentUser() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<UserEntity | null> | null {
    return viewer ? this.loader.load(ctx.loaders, viewer.id) : null;
  }

  @Query(() => UserType, { nullable: true })
  user(@Args('handle') handle: string): Promise<UserEntity | null> {
    return this.users.findByHandle(handle);
  }

  @Mutation(() => UserType)
  @Roles(Role.ADMIN)
  setUserRole(
    @CurrentUser() viewer: Viewer,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => Role }) role: Role,
  ): Promise<UserEntity> {
    return this.users.setRole(viewer, fromGlobalId(userId, 'User', 'userId'), role);
  }

  @Mutation(() => UserType)
  @Roles(...MODERATOR_ROLES)
  sanctionUser(
    @CurrentUser() viewer: Viewer,
    @Args('input') input: SanctionInput,
  ): Promise<UserEntity> {
    const userId = fromGlobalId(input.userId, 'User', 'userId');
    return this.users.sanction(viewer, { ...input, userId });
  }

  // The member's fields take graphql-js's parent argument instead of @Parent(): Nest then calls
  // them directly, not through its per-call pipeline, once for every byline of a page.

  @ResolveField('id', () => ID)
  id(user: UserEntity): string {
    return toGlobalId('User', user.id);
  }

  @ResolveField()
  rank(user: UserEntity): string {
    return rankFor(user.reputation);
  }

  @ResolveField()
  status(user: UserEntity): string {
    return effectiveStatus(user.status, user.statusUntil);
  }
}
