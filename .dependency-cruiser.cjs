// The layering of the suite as dependency-cruiser rules (docs/architecture.md draws it). `npm run lint` runs
// them over the whole tree, one line per violation; tests/self/architecture.spec.ts plants a violation of each
// rule and watches it fail. Type-only imports count: a layer that needs a type from above is not below it.
// Layers, bottom up: contracts/index.ts and the configuration; src/exchange, src/contract-model, src/query-oracle;
// src/checks, src/generators; src/reporting; src/client; src/safety; src/resources, src/observe; src/suite.ts;
// src/scenarios, src/properties, src/pact; src/certification; then tests, fixtures, scripts and playwright/.

/** The configuration: the environment read and validated, below everything that is configured. */
const CONFIG = '^src/(config|config-error|safety-settings|run-workers)[.]ts$';
/** Code of this repository (what the `to` of a layer rule is about; npm packages and Node are free there). */
const OURS = '^(src|contracts|reference-server|tests|fixtures|scripts|playwright)/|^playwright[.]';

/** A layer that may import only `allowed` of this repository (anything from npm and Node). */
const layer = (name, from, allowed, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: OURS, pathNot: allowed },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'A cycle makes two modules one: neither can be read, tested or moved without the other. What both need goes into a third module.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    layer(
      'contracts-stand-alone',
      '^contracts/',
      '^contracts/',
      'contracts/ is the single source of truth, data and its typed loader: it depends on nothing that reads it.',
    ),
    {
      name: 'reference-server-reads-contracts-only',
      comment:
        'The reference server reads contracts/index.ts, its own modules and Node built-ins, nothing else of ours and no package: a mistake in src/ cannot hide in both the server and the checks that judge it.',
      severity: 'error',
      from: { path: '^reference-server/' },
      to: { pathNot: '^reference-server/|^contracts/index[.]ts$', dependencyTypesNot: ['core'] },
    },
    {
      name: 'fault-layer-installed-by-server-only',
      comment:
        'Fault modes are a layer over the honest server (reference-server/faults/, hooked in through hooks.ts); only server.ts and main.ts install it, so the honest code path names no fault.',
      severity: 'error',
      from: {
        path: '^reference-server/',
        pathNot: '^reference-server/(faults/|faults[.]ts$|server[.]ts$|main[.]ts$)',
      },
      to: { path: '^reference-server/(faults/|faults[.]ts$)' },
    },
    layer(
      'configuration-reads-only-the-environment',
      CONFIG,
      CONFIG,
      'The configuration (src/config.ts and the settings it reads) is below everything it configures: it imports no other layer, so a setting can be validated before anything else loads.',
    ),
    layer(
      'exchange-is-plain-data',
      '^src/exchange/',
      '^src/exchange/|^contracts/index[.]ts$',
      'src/exchange is what was sent and received (Exchange, Observation, JSON helpers): data with no behaviour of ours, so every layer can use it.',
    ),
    {
      name: 'exchange-takes-only-types-from-contracts',
      comment: 'The exchange model names descriptor types; it never loads the contracts.',
      severity: 'error',
      from: { path: '^src/exchange/' },
      to: { path: '^contracts/index[.]ts$', dependencyTypesNot: ['type-only'] },
    },
    layer(
      'contract-helpers-read-contracts-only',
      '^src/contract-model/',
      '^src/contract-model/|^contracts/index[.]ts$',
      'src/contract-model (descriptor validation, the Ajv registry, timestamps, Java text rules) serves the checks, the client and the tools alike, so it depends on none of them.',
    ),
    layer(
      'query-oracle-is-independent',
      '^src/query-oracle/',
      '^src/(query-oracle|exchange)/',
      "The suite's own answer to a query is computed from the rows alone: no client, no checks, no reference server.",
    ),
    {
      name: 'checks-are-pure',
      comment:
        'A check is a pure rule over observations: checks, the exchange model, the contracts and their schema, timestamp and Java-text helpers; no client, no redaction, no I/O (not even Node built-ins), so a recorded document is judged exactly as live traffic.',
      severity: 'error',
      from: { path: '^src/checks/' },
      to: {
        pathNot:
          '^src/checks/|^src/exchange/|^src/contract-model/(schemas|timestamps|java-text|sdk-classes)[.]ts$|^contracts/index[.]ts$',
      },
    },
    {
      name: 'checks-used-through-their-registry',
      comment:
        "Outside src/checks the checks are used through their registry (index.ts) and types; a check's helpers are its own business (a self-test may still import one check).",
      severity: 'error',
      from: { path: '^(src|reference-server|fixtures|scripts|playwright)/', pathNot: '^src/checks/' },
      to: { path: '^src/checks/', pathNot: '^src/checks/(index|types)[.]ts$' },
    },
    layer(
      'generators-draw-from-contracts-only',
      '^src/generators/',
      '^src/(generators|contract-model|exchange)/|^contracts/index[.]ts$',
      'The input generators draw values from the descriptors (fast-check arbitraries); they never send anything.',
    ),
    {
      name: 'reporting-never-the-client',
      comment:
        'src/reporting (curl lines, transcripts, redaction, failure blocks, test records) formats what happened; it never talks to the target and does no I/O.',
      severity: 'error',
      from: { path: '^src/reporting/' },
      to: { pathNot: '^src/(reporting|exchange|checks)/' },
    },
    {
      name: 'reporting-takes-only-types-from-checks',
      comment: 'Reporting names the results of checks; it never runs them.',
      severity: 'error',
      from: { path: '^src/reporting/' },
      to: { path: '^src/checks/', dependencyTypesNot: ['type-only'] },
    },
    layer(
      'client-uses-redaction-only',
      '^src/client/',
      `^src/client/|^src/exchange/|^src/reporting/redact[.]ts$|^contracts/index[.]ts$|${CONFIG}`,
      'The client talks to the target. Of reporting it imports redaction only (it registers the secrets it learns and redacts its own errors); never checks, guards, resources or anything that uses it.',
    ),
    layer(
      'safety-guards-sit-on-the-client',
      '^src/safety/',
      `^src/(safety|client|exchange)/|^src/reporting/redact[.]ts$|^contracts/index[.]ts$|${CONFIG}`,
      "The run's guards (breakers, read-only mode, the run directory) implement the client's SendGuard: above the client, below everything that opens one.",
    ),
    layer(
      'resources-and-observe-below-the-tests',
      '^src/(resources|observe)/',
      `^src/(resources|observe|safety|client|exchange|reporting|contract-model)/|^contracts/index[.]ts$|${CONFIG}`,
      'observe() and the ResourceKit build on the client for scenarios, properties and pacts; they never import those, nor the suite that composes them.',
    ),
    layer(
      'suite-composes-the-layers-below',
      '^src/suite[.]ts$',
      `^src/(contract-model|client|safety|resources)/|^contracts/index[.]ts$|${CONFIG}`,
      "src/suite.ts opens a logged-in client with the run's guards and ledger: it composes the layers below and is used by the ones above.",
    ),
    {
      name: 'scenarios-properties-pacts-stay-apart',
      comment:
        'The scenarios, the properties, the pacts and the query sweep are four ways of testing the target, side by side: none imports another (what they share lives below them).',
      severity: 'error',
      from: { path: '^src/(scenarios|properties|pact|sweep)/' },
      to: { path: '^src/(scenarios|properties|pact|sweep)/', pathNot: '^src/$1/' },
    },
    {
      name: 'certification-on-top',
      comment:
        'src/certification judges whole runs from what every kind of test records: nothing in src/ below it imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/certification/' },
      to: { path: '^src/certification/' },
    },
    {
      name: 'scenarios-used-by-tests-fixtures-scripts-only',
      comment:
        'The conformance scenarios are run by tests, fixtures and scripts; the rest of src/ gets them passed in (profile derivation, coverage), so nothing else depends on which scenarios exist.',
      severity: 'error',
      from: { path: '^(src|reference-server|contracts|playwright)/|^playwright[.]', pathNot: '^src/scenarios/' },
      to: { path: '^src/scenarios/' },
    },
    layer(
      'tools-read-contracts-only',
      '^src/(importer|openapi)/',
      '^src/(importer|openapi|contract-model)/|^contracts/index[.]ts$',
      'The doc-page importer and the OpenAPI export turn contracts into files and back: descriptors and their helpers only, nothing of the running suite.',
    ),
    layer(
      'diff-compares-recordings-only',
      '^src/diff/',
      '^src/(diff|recording|exchange|reporting)/|^src/contract-model/timestamps[.]ts$',
      'The comparison engine of differential runs works on recordings alone (the format, the exchange model, timestamps, redaction and transcripts): it never talks to an endpoint, so two recordings compare the same wherever they were made.',
    ),
    {
      name: 'sdk-reader-stands-alone',
      comment:
        "src/sdk reads the official SDK's Java into contracts/sdk/ with Node and java-parser only, so it depends on nothing the suite judges with.",
      severity: 'error',
      from: { path: '^src/sdk/' },
      to: { pathNot: '^src/sdk/|(^|/)node_modules/java-parser/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'product-never-imports-its-tests',
      comment:
        'src/, reference-server/ and contracts/ never import tests, fixtures, scripts or the Playwright hooks: those sit on top.',
      severity: 'error',
      from: { path: '^(src|reference-server|contracts)/' },
      to: { path: '^(tests|fixtures|scripts|playwright)/|^playwright[.]' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(reports|test-results|playwright-report|blob-report)/' },
    // type-only imports are dependencies too (see the header)
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
