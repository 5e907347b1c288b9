/** Events the identity lib records in the outbox; consumers import these types from @app/identity. */
export const IDENTITY_EVENTS = {
  passwordResetRequested: 'password_reset.requested',
} as const;

/**
 * A member asked for a password reset email. It carries no token: the worker makes the token
 * when it sends the email, so the token is never in the outbox, in Redis or in any log.
 */
export interface PasswordResetRequestedEvent {
  userId: string;
}

declare module '@app/core' {
  interface DomainEventMap {
    [IDENTITY_EVENTS.passwordResetRequested]: PasswordResetRequestedEvent;
  }
}
