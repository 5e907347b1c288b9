import { Role } from '@app/core';
import { Client } from 'pg';

/** Gives the registered member with `email` a role, straight in the database (bootstraps the first admin). */
export async function grantRole(databaseUrl: string, email: string, role: string): Promise<string> {
  if (!Object.values(Role).includes(role as Role)) {
    throw new Error(`ROLE must be one of ${Object.values(Role).join(', ')} (got "${role}")`);
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ handle: string }>(
      'UPDATE users SET role = $2 WHERE lower(email) = lower($1) RETURNING handle',
      [email, role],
    );
    if (result.rowCount === 0) throw new Error(`no registered member has the email ${email}`);
    return result.rows[0].handle;
  } finally {
    await client.end();
  }
}
