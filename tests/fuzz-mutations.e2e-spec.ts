import fc from 'fast-check';
import { checkCounters } from './support/counter-check';
import {
  BaseState,
  boundedAll,
  buildBaseState,
  freshToken,
  loadSchema,
  operationFor,
  problemsOf,
  refreshPool,
  rootFields,
  sendRaw,
  SESSION_ENDING,
  variablesArbitrary,
} from './support/fuzz';
import { TestApp } from './support/test-app';

/** Requests per mutation; FUZZ_RUNS raises it for a longer local run. */
const RUNS_PER_MUTATION = Number(process.env.FUZZ_RUNS ?? 200);
/** Requests of a batch, sent at once: the batch is what fast-check generates and shrinks. */
const BATCH = 8;
const ROLES = ['ANONYMOUS', 'MEMBER', 'AGENT', 'MODERATOR', 'PRODUCT_MANAGER', 'ADMIN'] as const;

/** Mutations that take content out of view or members out of play go last, so the rest find some. */
const DESTRUCTIVE = [
  'flag',
  'deletePost',
  'resolveReviewItem',
  'mergeIdea',
  'setIdeaStatus',
  'sanctionUser',
  'setUserRole',
];
const mutations = rootFields(loadSchema(), 'mutation').sort(
  (a, b) => DESTRUCTIVE.indexOf(a.name) - DESTRUCTIVE.indexOf(b.name),
);

/** A counterexample short enough to read: long strings cut, invisible characters escaped. */
function compact(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'string' && item.length > 80
      ? `${item.slice(0, 40)}…(${item.length} chars)`
      : item,
  ).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

describe('every mutation, fed arbitrary input by every role, answers as the contract says', () => {
  const app = new TestApp();
  let base: BaseState;

  beforeAll(async () => {
    await app.start();
    base = await buildBaseState(app);
  }, 120_000);
  afterAll(() => app.stop());

  it('covers every mutation of the schema', () => {
    expect(mutations.length).toBeGreaterThanOrEqual(30);
  });

  /** Sends batches of generated requests at once and fails on the first response off contract. */
  async function fuzz(
    label: string,
    request: fc.Arbitrary<{
      name: string;
      query: string;
      role: (typeof ROLES)[number];
      variables: object;
    }>,
    requests: number,
  ): Promise<void> {
    const details = await fc.check(
      fc.asyncProperty(fc.array(request, { minLength: 1, maxLength: BATCH }), async (batch) => {
        const responses = await boundedAll(batch, BATCH, async ({ name, query, role, variables }) =>
          sendRaw(
            app.url,
            query,
            variables,
            role === 'ANONYMOUS'
              ? undefined
              : SESSION_ENDING.has(name)
                ? await freshToken(app, base.actors[role])
                : base.actors[role].token,
          ),
        );
        const failures = responses.flatMap((response, i) =>
          problemsOf(response).map((problem) => ({ problem, role: batch[i].role })),
        );
        if (failures.length) throw new Error(JSON.stringify(failures));
      }),
      { numRuns: Math.ceil(requests / ((BATCH + 1) / 2)), endOnFailure: true },
    );
    if (details.failed) {
      throw new Error(
        `${label} failed after ${details.numRuns} batches (seed ${details.seed}): ${
          details.errorInstance instanceof Error ? details.errorInstance.message : ''
        }\ncounterexample: ${compact(details.counterexample)}`,
      );
    }
  }

  const requestFor = (field: (typeof mutations)[number]) =>
    fc.record({
      name: fc.constant(field.name),
      query: fc.constant(operationFor('mutation', field)),
      role: fc.constantFrom(...ROLES),
      variables: variablesArbitrary(field, base.pool),
    });

  it.each(mutations.map((field) => [field.name, field] as const))(
    '%s: never a 5xx, never INTERNAL_SERVER_ERROR, every error with a contract code',
    async (_name, field) => {
      await refreshPool(app, base.pool, Object.values(base.actors));
      await fuzz(field.name, requestFor(field), RUNS_PER_MUTATION);
    },
    120_000,
  );

  it('holds with every mutation interleaved in the same bursts', async () => {
    await refreshPool(app, base.pool, Object.values(base.actors));
    await fuzz('interleaved', fc.oneof(...mutations.map(requestFor)), RUNS_PER_MUTATION * 2);
  }, 120_000);

  it('leaves every counter exact after all of that', async () => {
    expect(await checkCounters(app)).toEqual([]);
  });
});
