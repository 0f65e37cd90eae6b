import { QueryFailedError } from 'typeorm';

/** The unique constraint a failed statement violated, if that is why it failed. */
export function violatedUnique(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' ? driverError.constraint : undefined;
}
