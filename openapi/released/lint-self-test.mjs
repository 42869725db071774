#!/usr/bin/env node
// Self-test of openapi/.spectral.yaml: each house-style rule must fire on a contract broken in
// its way. Writes one mutated copy of the released contract (openapi/released/openapi.yaml)
// per rule under target/contract-self-test/<case>/openapi.yaml, lints them all in one Spectral
// run, and checks that each copy raises its rule at a place where the unmutated copy does not.
//
//   JIXIAO_NODE_TOOLS=target/tools/contract node openapi/released/lint-self-test.mjs
//
// (.ci/contract.sh runs it.) Needs `yaml` and `@stoplight/spectral-cli` in
// JIXIAO_NODE_TOOLS/node_modules.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');
const tools = resolve(process.env.JIXIAO_NODE_TOOLS || join(repo, 'target/tools/contract'));
const YAML = createRequire(join(tools, 'noop.js'))('yaml');
const spectral = join(tools, 'node_modules/.bin/spectral');

// The released contract: stable while the working one is being edited (the mutations below
// name its paths and schemas). The rules are what is under test, not the contract.
const spec = YAML.parse(readFileSync(join(repo, 'openapi/released/openapi.yaml'), 'utf8'));
const S = (d) => d.components.schemas;
const renamePath = (d, from, to) => {
  // keep the order of paths
  d.paths = Object.fromEntries(Object.entries(d.paths).map(([k, v]) => [k === from ? to : k, v]));
};

// [case, expected rule, mutation]
const cases = [
  ['no-v1-prefix', 'jixiao-path-v1-prefix', (d) => renamePath(d, '/v1/me', '/me')],
  ['camel-segment', 'jixiao-path-segments-kebab-case', (d) => renamePath(d, '/v1/projects/{projectId}/budget-lines', '/v1/projects/{projectId}/budgetLines')],
  ['snake-param', 'jixiao-path-segments-kebab-case', (d) => {
    renamePath(d, '/v1/frameworks/{frameworkId}', '/v1/frameworks/{framework_id}');
    d.paths['/v1/frameworks/{framework_id}'].parameters = [{ name: 'framework_id', in: 'path', required: true, schema: { type: 'string' } }];
  }],
  ['singular-collection', 'jixiao-path-collections-plural', (d) => renamePath(d, '/v1/organisations', '/v1/organisation')],
  ['singular-before-param', 'jixiao-path-collections-plural', (d) => {
    renamePath(d, '/v1/evaluations/{evaluationId}/submissions/{party}', '/v1/evaluations/{evaluationId}/submission/{party}');
  }],
  ['verb-segment', 'jixiao-path-no-verbs', (d) => renamePath(d, '/v1/evaluations/{evaluationId}/finalization', '/v1/evaluations/{evaluationId}/finalize')],
  ['operation-id-case', 'jixiao-operation-id-lower-camel', (d) => { d.paths['/v1/projects'].get.operationId = 'ListProjects'; }],
  ['operation-id-missing', 'operation-operationId', (d) => { delete d.paths['/v1/projects'].get.operationId; }],
  ['no-tags', 'operation-tags', (d) => { delete d.paths['/v1/projects'].get.tags; }],
  ['no-summary', 'jixiao-operation-summary', (d) => { delete d.paths['/v1/projects'].get.summary; }],
  ['no-4xx-problem', 'jixiao-operation-problem-4xx', (d) => {
    const r = d.paths['/v1/me'].get.responses;
    for (const k of Object.keys(r)) if (k.startsWith('4')) delete r[k];
  }],
  ['4xx-plain-json', 'jixiao-error-responses-problem-json', (d) => {
    d.paths['/v1/me'].get.responses['404'] = { description: 'x', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  }],
  ['2xx-no-example', 'jixiao-success-json-example', (d) => { delete d.paths['/v1/projects'].get.responses['200'].content['application/json'].example; }],
  ['no-global-security', 'jixiao-security-global-or-per-operation', (d) => { delete d.security; }],
  ['operation-security-exempt', 'jixiao-operation-security-not-exempt', (d) => { d.paths['/v1/projects'].get.security = []; }],
  ['anonymous-security', 'jixiao-operation-security-not-exempt', (d) => { d.paths['/v1/projects'].get.security = [{}]; }],
  ['snake-property', 'jixiao-properties-camel-case', (d) => {
    const p = S(d).Project.properties; p.staff_count = p.staffCount; delete p.staffCount;
  }],
  ['enum-lower', 'jixiao-enum-upper-snake', (d) => { S(d).ProjectStatus.enum = ['active', 'SUSPENDED', 'CLOSED']; }],
  ['inline-enum-kebab', 'jixiao-enum-upper-snake', (d) => { S(d).Transition.properties.action.enum = ['OPEN', 'FINALIZE', 're-open']; }],
  ['export-name-upper', 'jixiao-export-names-kebab-case', (d) => {
    d.paths['/v1/exports/{dataset}'] = { get: { operationId: 'exportDataset', parameters: [
      { name: 'dataset', in: 'path', required: true, schema: { type: 'string', enum: ['evaluations', 'AUDIT_EVENTS'] } },
    ], responses: { '200': { description: 'x', content: { 'text/csv': { schema: { type: 'string' } } } } } } };
  }],
  ['role-not-kebab', 'jixiao-role-names-kebab-case', (d) => { S(d).CurrentUser.properties.roles.items.enum = ['bureau', 'STREET_OFFICE']; }],
  ['bare-array', 'jixiao-no-bare-array-response', (d) => {
    d.paths['/v1/projects'].get.responses['200'].content['application/json'] = {
      schema: { type: 'array', items: { $ref: '#/components/schemas/Project' } }, example: [] };
  }],
  ['items-without-cursor', 'jixiao-collection-next-cursor', (d) => { delete S(d).ProjectPage.properties.nextCursor; }],
  ['required-cursor', 'jixiao-collection-next-cursor-optional', (d) => { S(d).ProjectPage.required.push('nextCursor'); }],
];

const out = join(repo, 'target/contract-self-test');
rmSync(out, { recursive: true, force: true });
const files = {};
const write = (name, doc) => {
  mkdirSync(join(out, name), { recursive: true });
  const f = join(out, name, 'openapi.yaml');
  writeFileSync(f, YAML.stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false }));
  files[name] = f;
};
write('baseline', spec);
for (const [name, , mutate] of cases) {
  const d = structuredClone(spec);
  mutate(d);
  write(name, d);
}

const run = spawnSync(spectral, ['lint', ...Object.values(files), '--ruleset', join(repo, 'openapi/.spectral.yaml'),
  '--format', 'json', '--quiet', '--fail-severity', 'error'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
let results;
try {
  results = JSON.parse(run.stdout);
} catch {
  console.error(run.stdout, run.stderr);
  console.error('lint-self-test: could not read spectral output');
  process.exit(1);
}
// A finding is its rule and where it is; a case passes when its rule finds something that the
// unmutated copy does not (the real contract may have findings of its own).
const findings = (f) => new Set(results.filter((r) => resolve(r.source) === f).map((r) => `${r.code} @ ${r.path.join('.')}`));
const baselineFindings = findings(files.baseline);
const newFindings = (f) => [...findings(f)].filter((x) => !baselineFindings.has(x));

let passed = 0;
let failed = 0;
for (const [name, rule] of cases) {
  const fresh = newFindings(files[name]);
  const hit = fresh.find((x) => x.startsWith(`${rule} @ `));
  if (hit) {
    passed++;
    console.log(`lint-self-test: ok     ${name}: ${hit}`);
  } else {
    failed++;
    console.log(`lint-self-test: FAILED ${name}: expected a new ${rule} finding; new findings: ${fresh.join('; ') || 'none'}`);
  }
}
// The CurrentUser.roles exception: realm role names must not trip the UPPER_SNAKE rule.
if (![...baselineFindings].some((x) => x.includes('components.schemas.CurrentUser.properties.roles'))) {
  passed++;
  console.log('lint-self-test: ok     CurrentUser.roles (street-office, …) is exempt from jixiao-enum-upper-snake');
} else {
  failed++;
  console.log('lint-self-test: FAILED the unmutated contract raises an enum rule (the CurrentUser.roles exception?)');
}
console.log(`lint-self-test: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
