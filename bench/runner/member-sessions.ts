import { Client } from 'pg';
import { signToken } from '../baseline/hs256';

/** A member signed in for the bench, and the bearer token of that session. */
export interface MemberSession {
  userId: string;
  token: string;
}

const DAY_SECONDS = 24 * 3600;

/**
 * Opens a session for each of `userIds` at once, straight in the database, and signs its token
 * with the API's secret: what `login` would give each member, without thousands of argon2
 * checks (one real login proves that path). The sessions come back in the order of `userIds`.
 */
export async function openSessions(
  databaseUrl: string,
  secret: string,
  userIds: readonly string[],
): Promise<MemberSession[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string; user_id: string }>(
      `INSERT INTO sessions (id, user_id, expires_at)
       SELECT gen_random_uuid(), u, now() + interval '1 day' FROM unnest($1::uuid[]) AS u
       RETURNING id, user_id`,
      [userIds],
    );
    const sessionOf = new Map(rows.map((row) => [row.user_id, row.id]));
    const issuedAt = Math.floor(Date.now() / 1000);
    return userIds.map((userId) => ({
      userId,
      token: signToken(secret, {
        sub: userId,
        jti: sessionOf.get(userId) ?? '',
        iat: issuedAt,
        exp: issuedAt + DAY_SECONDS,
      }),
    }));
  } finally {
    await db.end();
  }
}
