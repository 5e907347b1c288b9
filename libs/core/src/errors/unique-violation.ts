import { QueryFailedError } from 'typeorm';

/**
 * Whether `error` is Postgres refusing a duplicate: of the unique constraint or index `name`
 * when given, of any otherwise.
 */
export function isUniqueViolation(error: unknown, name?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  return driverError?.code === '23505' && (name === undefined || driverError.constraint === name);
}
