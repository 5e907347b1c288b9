import { QueryFailedError } from 'typeorm';

/** Whether `error` is Postgres refusing a duplicate of the unique constraint or index `name`. */
export function isUniqueViolation(error: unknown, name: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  return driverError?.code === '23505' && driverError.constraint === name;
}
