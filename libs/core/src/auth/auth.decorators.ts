import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext, Viewer } from './viewer';
import { Role } from './roles';

export const ACCESS_KEY = 'community:access';
export const ALLOW_SILENCED_KEY = 'community:allow-silenced';

/** Who may call an operation: any signed-in member, or only the listed roles (ADMIN always may). */
export type Access = { kind: 'authenticated' } | { kind: 'roles'; roles: Role[] };

/** Any signed-in member may call this operation. */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'authenticated' } satisfies Access);

/** Only members with one of these roles (or ADMIN) may call this operation. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies Access);

/** A mutation that only touches the caller's own private state, allowed while silenced. */
export const AllowWhileSilenced = (): MethodDecorator => SetMetadata(ALLOW_SILENCED_KEY, true);

/** The signed-in viewer (null when anonymous on a public operation). */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Viewer | null => {
    const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
    return ctx.viewer ?? null;
  },
);
