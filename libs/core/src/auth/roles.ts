import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  MEMBER = 'MEMBER',
  AGENT = 'AGENT',
  MODERATOR = 'MODERATOR',
  PRODUCT_MANAGER = 'PRODUCT_MANAGER',
  ADMIN = 'ADMIN',
}

export enum AccountStatus {
  ACTIVE = 'ACTIVE',
  SILENCED = 'SILENCED',
  SUSPENDED = 'SUSPENDED',
}

registerEnumType(Role, { name: 'Role' });
registerEnumType(AccountStatus, { name: 'AccountStatus' });

/** Roles that act for the company in threads: official answers and corrections. */
export const STAFF_ROLES: readonly Role[] = [Role.AGENT, Role.MODERATOR, Role.ADMIN];

/** Roles that moderate: the queue, sanctions, any post. */
export const MODERATOR_ROLES: readonly Role[] = [Role.MODERATOR, Role.ADMIN];
