import { AccountStatus, Role } from '../auth/roles';
import { Viewer } from '../auth/viewer';
import { encodeCursor } from '../pagination/cursor';
import { PageRequest } from '../pagination/page-request';

/**
 * Marks the repository statements that matter for speed. `npm run queries` calls every marked
 * method with its sample arguments against an empty migrated database and writes the SQL it
 * issues to `queries/<repository>.sql`; a test fails when those files are stale, and
 * `npm run bench` EXPLAINs the statements they hold on its large dataset.
 */
export interface SqlSnapshotOptions {
  /** The arguments to call the method with; `SAMPLE.TX` stands for a transaction handle. */
  params: readonly unknown[];
  /** Tells apart two snapshots of one method (e.g. "first page", "after a cursor"). */
  name?: string;
}

export interface SqlSnapshotTarget {
  repository: abstract new (...args: never[]) => object;
  method: string;
  options: SqlSnapshotOptions;
}

const targets: SqlSnapshotTarget[] = [];

/** Sample arguments that give the same SQL on every run. */
export const SAMPLE = {
  UUID: '00000000-0000-4000-8000-000000000001',
  UUID_2: '00000000-0000-4000-8000-000000000002',
  DATE: new Date('2026-01-01T00:00:00.000Z'),
  TEXT: 'sample',
  /** Replaced by a transaction handle when the snapshot is taken. */
  TX: Symbol('SAMPLE.TX'),
} as const;

/** A signed-in member who wrote none of what they read and moderates nothing. */
export const SAMPLE_MEMBER: Viewer = {
  id: SAMPLE.UUID_2,
  handle: SAMPLE.TEXT,
  role: Role.MEMBER,
  status: AccountStatus.ACTIVE,
  sessionId: SAMPLE.UUID,
};

/** Sample pages: a first page of 20, and a page of 20 after a cursor of the sort's values. */
export const SAMPLE_PAGE = {
  FIRST: { direction: 'forward', limit: 20, cursor: null } satisfies PageRequest as PageRequest,
  after: (...values: Array<string | number>): PageRequest => ({
    direction: 'forward',
    limit: 20,
    cursor: encodeCursor([...values, SAMPLE.UUID]),
  }),
};

export function SqlSnapshot(options: SqlSnapshotOptions): MethodDecorator {
  return (target, method) => {
    targets.push({
      repository: target.constructor as SqlSnapshotTarget['repository'],
      method: String(method),
      options,
    });
  };
}

/** Every marked method of every repository loaded so far. */
export function sqlSnapshotTargets(): readonly SqlSnapshotTarget[] {
  return targets;
}
