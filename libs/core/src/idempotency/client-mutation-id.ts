import { applyDecorators } from '@nestjs/common';
import { IsOptional, IsString, Matches } from 'class-validator';
import { badInput } from '../errors/app-errors';

/** A client mutation id: 1 to 100 printable ASCII characters (space to tilde). */
export const CLIENT_MUTATION_ID_PATTERN = /^[\x20-\x7e]{1,100}$/;

export const CLIENT_MUTATION_ID_FIELD = 'clientMutationId';

const MESSAGE = 'must be 1 to 100 printable ASCII characters';

export const CLIENT_MUTATION_ID_DESCRIPTION =
  'An idempotency key chosen by the client (1 to 100 printable ASCII characters). Retrying ' +
  'with the same key within 24 hours returns the first result instead of writing again.';

/** Validates the optional `clientMutationId` of an input that creates content. */
export function IsOptionalClientMutationId(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    IsString({ message: MESSAGE }),
    Matches(CLIENT_MUTATION_ID_PATTERN, { message: MESSAGE }),
  );
}

/** The key itself, null when none was sent; BAD_USER_INPUT naming the field when malformed. */
export function clientMutationKey(
  value: string | null | undefined,
  field = CLIENT_MUTATION_ID_FIELD,
): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || !CLIENT_MUTATION_ID_PATTERN.test(value)) {
    throw badInput(field, MESSAGE);
  }
  return value;
}
