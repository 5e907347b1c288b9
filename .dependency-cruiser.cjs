/* global module */
// The layering rules of ARCHITECTURE.md ("What may import what"), checked by `npm run lint:arrows`
// (part of `npm run lint`, so of `npm test`):
//
//   - apps import libs; libs never import apps (nor bench or tests), except that a lib's medium
//     tests (*.medium-spec.ts) use their harness in tests/support and may wire higher libs.
//   - every domain lib may import core; core imports no domain lib and holds no lib's table: it
//     declares ports (ModerationLog) that the owning lib provides.
//   - domain libs import each other only through what a lib's index.ts exports, and only from a
//     lower floor to a higher one:
//       core ← identity ← moderation ← forum, reviews ← ideas, search ← care ← notifications ← apps
//     Libs on the same floor (forum and reviews; ideas and search) do not import each other.
//   - no cycles between libs.
//   - apps, the bench and the tests use a lib only through its index.ts, as other libs do.
//   - inside libs only repositories (and core's database folder) import typeorm or pg.
//   - apps/web (the site, its own workspace) imports no lib at all.
//
// Known exceptions are listed in KNOWN_EXCEPTIONS below, each with why it stays for now.

/** The floors, lowest first. A lib may import the libs on the floors below its own. */
const FLOORS = [
  ['core'],
  ['identity'],
  ['moderation'],
  ['forum', 'reviews'],
  ['ideas', 'search'],
  ['care'],
  ['notifications'],
];

const LIBS = FLOORS.flat();
const floorOf = (lib) => FLOORS.findIndex((floor) => floor.includes(lib));
const anyOf = (names) => `^libs/(${names.join('|')})/`;

/**
 * Imports that break a rule today and need a design change, not an import fix. Each is exempt
 * from the rule it breaks (by importing file and imported file) and stays visible here.
 */
const KNOWN_EXCEPTIONS = {
  'lib-internals-only-through-index': [
    // Tracing must patch http, graphql, pg and ioredis before they load, so the entry points
    // import the one tracing file directly: core's index.ts would load all of core (and with it
    // pg and ioredis) first. Stays until tracing has an entry of its own (e.g. a second,
    // side-effect-free export of core).
    { from: '^apps/api/src/tracing\\.ts$', to: '^libs/core/src/tracing/trace-process\\.ts$' },
    { from: '^apps/worker/src/tracing\\.ts$', to: '^libs/core/src/tracing/trace-process\\.ts$' },
    // The tests' global setup migrates the template database with the one migrate file: it runs
    // without the @app/* mapping, in the process that runs the tests in band, where core's index
    // would leave its GraphQL metadata behind for the test files.
    { from: '^tests/support/template-database\\.ts$', to: '^libs/core/src/database/migrate\\.ts$' },
  ],
};

/** Applies the known exceptions of `rule` to it: the exempted pairs are left out of `from`. */
function withExceptions(rule) {
  const exceptions = KNOWN_EXCEPTIONS[rule.name] ?? [];
  if (exceptions.length === 0) return [rule];
  // dependency-cruiser cannot pair a `from` with a `to` in one pathNot, so the rule is split:
  // one copy for the files with no exception, one per excepted file without its exempt target.
  const exceptedFroms = exceptions.map((e) => e.from);
  const rules = [
    { ...rule, from: { ...rule.from, pathNot: [...toArray(rule.from.pathNot), ...exceptedFroms] } },
  ];
  for (const from of new Set(exceptedFroms)) {
    const exemptTos = exceptions.filter((e) => e.from === from).map((e) => e.to);
    rules.push({
      ...rule,
      from: { ...rule.from, path: from },
      to: { ...rule.to, pathNot: [...toArray(rule.to.pathNot), ...exemptTos] },
    });
  }
  return rules;
}

function toArray(value) {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

const floorRules = LIBS.filter((lib) => lib !== 'core').map((lib) => {
  const notBelow = LIBS.filter((other) => other !== lib && floorOf(other) >= floorOf(lib));
  return {
    name: `${lib}-imports-only-lower-floors`,
    comment:
      `${lib} sits on floor ${floorOf(lib)} (${FLOORS.map((f) => f.join(', ')).join(' ← ')}); ` +
      `it may import only the libs below it. To reach ${notBelow.join(', ')}, define a port ` +
      `(an interface + injection token) that the higher lib provides.`,
    severity: 'error',
    // A medium test wires its lib as an app would, providing the ports that higher libs fill.
    from: { path: `^libs/${lib}/`, pathNot: '\\.medium-spec\\.ts$' },
    to: { path: anyOf(notBelow) },
  };
});

module.exports = {
  forbidden: [
    {
      name: 'libs-do-not-import-apps',
      comment: 'libs never import apps (nor the bench or the tests); apps import libs.',
      severity: 'error',
      from: { path: '^libs/', pathNot: '\\.medium-spec\\.ts$' },
      to: { path: '^(apps|bench|tests)/' },
    },
    {
      name: 'medium-tests-use-only-the-medium-harness',
      comment:
        'A medium test in a lib reaches tests/ only for its harness (tests/support/medium.ts).',
      severity: 'error',
      from: { path: '^libs/.*\\.medium-spec\\.ts$' },
      to: { path: '^(apps|bench|tests)/', pathNot: '^tests/support/(medium|databases)\\.ts$' },
    },
    {
      name: 'core-imports-no-domain-lib',
      comment: 'Every domain lib may import core; core imports no domain lib.',
      severity: 'error',
      from: { path: '^libs/core/' },
      to: { path: anyOf(LIBS.filter((lib) => lib !== 'core')) },
    },
    ...floorRules,
    ...withExceptions({
      name: 'lib-internals-only-through-index',
      comment:
        "Outside a lib, use only what its index.ts exports: import from '@app/<lib>', not from " +
        'a file inside it. (Inside a lib, relative imports are fine.)',
      severity: 'error',
      // $1 in `to` is what `from.path` captured: the importing lib (or apps, bench), so a lib's
      // own files are not "another lib's internals".
      from: { path: '^(libs/[^/]+|apps|bench|tests)/', pathNot: '^apps/web/' },
      to: { path: '^libs/', pathNot: ['^libs/[^/]+/src/index\\.ts$', '^$1/'] },
    }),
    {
      name: 'only-repositories-reach-the-database',
      comment:
        'Repositories (*.repository.ts) hold every statement. Services, handlers, processors, ' +
        "resolvers and loaders call them, and open transactions through core's Transactions; " +
        'they import nothing from typeorm (Tx, from core, is the handle they pass on).',
      severity: 'error',
      from: {
        path: '^libs/',
        pathNot: [
          '\\.repository\\.ts$',
          '\\.entity\\.ts$',
          '\\.module\\.ts$',
          '\\.(medium-)?spec\\.ts$',
          '^libs/core/src/database/',
          // They recognise the driver's errors and probe that Postgres answers; no data.
          '^libs/core/src/errors/',
          '^libs/core/src/startup/',
        ],
      },
      to: { path: '^node_modules/(typeorm|@nestjs/typeorm|pg)/' },
    },
    {
      name: 'no-cycles-between-libs',
      comment:
        'No cycles between libs: if a lower lib must reach a higher one, it defines a port ' +
        "(an interface + injection token) and the higher one provides it, as moderation's " +
        'Moderatable registry does.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { circular: true, viaSomeNot: '^libs/$1/' },
    },
    {
      name: 'web-imports-no-lib',
      comment:
        'apps/web is a separate workspace and talks to the API over GraphQL; it imports no lib.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^libs/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|build|\\.react-router)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports count too: a type from a higher floor is still an arrow the wrong way.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
    },
  },
};
