import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { forbidden, unauthenticated } from '../errors/app-errors';
import { Access, ACCESS_KEY, ALLOW_SILENCED_KEY } from './auth.decorators';
import { AccountStatus } from './roles';
import { TokenService } from './token.service';
import { hasRole, RequestContext, Viewer, VIEWER_SOURCE, ViewerSource } from './viewer';

/**
 * Establishes the viewer from the bearer token once per request and enforces @Authenticated,
 * @Roles and the silencing of sanctioned members on writes. A token that is present but invalid
 * (forged, expired, its session ended, or its member suspended) is refused even on public
 * operations, so a client never mistakes itself for signed in. The member and the session are
 * checked by one query, so ending sessions costs requests nothing extra.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly lookups = new WeakMap<RequestContext, Promise<Viewer | null>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Inject(VIEWER_SOURCE) private readonly viewers: ViewerSource,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const ctx = gql.getContext<RequestContext>();
    const viewer = await this.resolveViewer(ctx);
    const targets = [context.getHandler(), context.getClass()];
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, targets);
    if (!access) return true;
    if (!viewer) throw unauthenticated();
    if (access.kind === 'roles' && !hasRole(viewer, access.roles)) throw forbidden();
    const isMutation =
      gql.getInfo<{ operation: { operation: string } }>().operation.operation === 'mutation';
    const allowSilenced = this.reflector.get<boolean>(ALLOW_SILENCED_KEY, context.getHandler());
    if (isMutation && viewer.status === AccountStatus.SILENCED && !allowSilenced) {
      throw forbidden('Your account is silenced: you can read but not post, vote or flag');
    }
    return true;
  }

  private resolveViewer(ctx: RequestContext): Promise<Viewer | null> | Viewer | null {
    if (ctx.viewer !== undefined) return ctx.viewer;
    if (!ctx.token) {
      ctx.viewer = null;
      return null;
    }
    // The root fields of one operation are guarded at once: they share the first lookup, and
    // the request's later-stage loaders wait for it as for any read.
    let lookup = this.lookups.get(ctx);
    if (!lookup) {
      lookup = ctx.loaders.track(this.lookUpViewer(ctx, ctx.token));
      this.lookups.set(ctx, lookup);
    }
    return lookup;
  }

  private async lookUpViewer(ctx: RequestContext, token: string): Promise<Viewer | null> {
    const subject = this.tokens.verify(token);
    const viewer = subject ? await this.viewers.findViewer(subject) : null;
    if (!viewer || viewer.status === AccountStatus.SUSPENDED) {
      throw unauthenticated('Your session is not valid; please sign in again');
    }
    ctx.viewer = viewer;
    return viewer;
  }
}
