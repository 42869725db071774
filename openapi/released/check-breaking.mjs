#!/usr/bin/env node
// Breaking-change check between the last released contract and the working one.
//
//   node openapi/released/check-breaking.mjs [--base openapi/released/openapi.yaml]
//                                            [--head openapi/openapi.yaml]
//   node openapi/released/check-breaking.mjs --self-test [--base openapi/released/openapi.yaml]
//
// The rule: a breaking change requires a bumped major version (info.version's first number
// differs from the released one). Breaking means, for a client built on the released contract:
//   - a removed path or operation;
//   - a removed 2xx response status of an operation;
//   - a new required request parameter (new, or optional before), a request body that became
//     required, a new required request property (new, or optional before);
//   - a request property removed from a schema that forbids unknown properties
//     (additionalProperties: false: the old client's body is then refused);
//   - a removed response property, or one that is no longer required (clients rely on it);
//   - a changed type (parameter, request or response property, array items);
//   - a narrowed enum in a request (a value removed), a removed enum value in a response;
//   - a removed schema under components.schemas (generated client types are named by them).
// Adding optional request properties, response properties, operations, paths, schemas or enum
// values is not breaking.
//
// Needs the `yaml` package: from JIXIAO_NODE_TOOLS/node_modules (set by .ci/contract.sh) or
// from the usual module resolution. No network.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../..');

async function loadYaml() {
  if (process.env.JIXIAO_NODE_TOOLS) {
    return createRequire(join(resolve(process.env.JIXIAO_NODE_TOOLS), 'noop.js'))('yaml');
  }
  return import('yaml');
}
const YAML = await loadYaml();

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

// ---------------------------------------------------------------- reading

function deref(doc, node) {
  const seen = new Set();
  while (node && typeof node === 'object' && typeof node.$ref === 'string') {
    if (seen.has(node.$ref)) throw new Error(`circular $ref ${node.$ref}`);
    seen.add(node.$ref);
    if (!node.$ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${node.$ref}`);
    let target = doc;
    for (const raw of node.$ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      target = target?.[key];
    }
    if (target === undefined) throw new Error(`unresolvable $ref ${node.$ref}`);
    node = target;
  }
  return node;
}

// A schema with allOf flattened (properties, required, type, enum, items merged) and refs resolved.
// A oneOf/anyOf is read as the union of its alternatives: a property any of them has, required
// only where all require it, an enum holding every alternative's values. (A response that became
// a oneOf of variants keeps its promises when the variants together still do.)
function flatten(doc, schema) {
  schema = deref(doc, schema);
  if (!schema || typeof schema !== 'object') return {};
  const alternatives = schema.oneOf || schema.anyOf;
  if (Array.isArray(alternatives)) return union(alternatives.map((a) => flatten(doc, a)), schema);
  if (!Array.isArray(schema.allOf)) return schema;
  const out = { ...schema };
  delete out.allOf;
  for (const part of schema.allOf) {
    const p = flatten(doc, part);
    for (const k of ['type', 'format', 'enum', 'items', 'pattern', 'additionalProperties']) {
      if (p[k] !== undefined && out[k] === undefined) out[k] = p[k];
    }
    if (p.properties) out.properties = { ...(out.properties || {}), ...p.properties };
    if (p.required) out.required = [...new Set([...(out.required || []), ...p.required])];
  }
  return out;
}

function union(alts, own) {
  const out = { ...own };
  delete out.oneOf;
  delete out.anyOf;
  delete out.discriminator;
  const types = new Set(alts.map(typeOf).filter(Boolean));
  if (types.size === 1 && out.type === undefined) out.type = [...types][0];
  if (alts.length && alts.every((a) => Array.isArray(a.enum))) out.enum = [...new Set(alts.flatMap((a) => a.enum))];
  const props = {};
  for (const a of alts) {
    for (const [name, p] of Object.entries(a.properties || {})) {
      props[name] = name in props ? { anyOf: [props[name], p] } : p;
    }
  }
  if (Object.keys(props).length) out.properties = props;
  const required = alts.map((a) => new Set(a.required || []));
  out.required = alts.length ? [...required[0]].filter((n) => required.every((r) => r.has(n))) : [];
  const items = alts.map((a) => a.items).filter(Boolean);
  if (items.length) out.items = items.length === 1 ? items[0] : { anyOf: items };
  return out;
}

function typeOf(s) {
  if (s.type) return Array.isArray(s.type) ? s.type.slice().sort().join('|') : s.type;
  if (s.properties) return 'object';
  if (s.items) return 'array';
  return undefined;
}

function params(doc, pathItem, op) {
  const map = new Map();
  for (const p of [...(pathItem.parameters || []), ...(op.parameters || [])]) {
    const r = deref(doc, p);
    map.set(`${r.in}:${r.in === 'header' ? r.name.toLowerCase() : r.name}`, r);
  }
  return map;
}

function jsonContent(doc, holder) {
  const h = deref(doc, holder);
  if (!h || !h.content) return undefined;
  const key = Object.keys(h.content).find((k) => /^application\/([a-z0-9.+-]+\+)?json/.test(k));
  return key ? h.content[key] : undefined;
}

// ---------------------------------------------------------------- comparing

// mode 'request': the old client sends what the base schema allows; 'response': it reads what
// the base schema promised.
function compareSchemas(ctx, where, mode, baseS, headS, seen) {
  const b = flatten(ctx.base, baseS);
  const h = flatten(ctx.head, headS);
  const pairKey = `${mode}|${baseS?.$ref ?? ''}|${headS?.$ref ?? ''}`;
  if (baseS?.$ref && headS?.$ref) {
    if (seen.has(pairKey)) return;
    seen = new Set(seen).add(pairKey);
  }
  const bt = typeOf(b);
  const ht = typeOf(h);
  if (bt && ht && bt !== ht) {
    ctx.report('type-changed', `${where}: type ${bt} → ${ht}`);
    return;
  }
  if (Array.isArray(b.enum) || Array.isArray(h.enum)) {
    if (Array.isArray(b.enum) && Array.isArray(h.enum)) {
      const removed = b.enum.filter((v) => !h.enum.includes(v));
      if (removed.length) {
        ctx.report(mode === 'request' ? 'enum-narrowed-request' : 'enum-value-removed-response',
          `${where}: enum value(s) ${removed.map((v) => JSON.stringify(v)).join(', ')} removed` +
          (mode === 'request' ? ' (a request enum was narrowed)' : ' (from a response enum)'));
      }
    } else if (!Array.isArray(b.enum) && Array.isArray(h.enum) && mode === 'request') {
      ctx.report('enum-narrowed-request', `${where}: a request value became an enum`);
    }
  }
  if (b.items || h.items) {
    if (b.items && h.items) compareSchemas(ctx, `${where}[]`, mode, b.items, h.items, seen);
  }
  const bp = b.properties || {};
  const hp = h.properties || {};
  const bReq = new Set(b.required || []);
  const hReq = new Set(h.required || []);
  if (mode === 'request') {
    for (const name of hReq) {
      if (!(name in hp) && !(name in bp)) continue;
      if (!bReq.has(name)) {
        ctx.report('required-request-property',
          `${where}.${name}: ${name in bp ? 'became required' : 'new required property'}`);
      }
    }
    if (h.additionalProperties === false) {
      for (const name of Object.keys(bp)) {
        if (!(name in hp)) {
          ctx.report('request-property-removed',
            `${where}.${name}: removed, and the schema forbids unknown properties`);
        }
      }
    }
  } else {
    for (const name of Object.keys(bp)) {
      if (!(name in hp)) {
        ctx.report('response-property-removed', `${where}.${name}: removed from the response`);
      } else if (bReq.has(name) && !hReq.has(name)) {
        ctx.report('response-property-removed', `${where}.${name}: no longer required in the response`);
      }
    }
  }
  for (const name of Object.keys(bp)) {
    if (name in hp) compareSchemas(ctx, `${where}.${name}`, mode, bp[name], hp[name], seen);
  }
}

export function findBreakingChanges(base, head) {
  const changes = [];
  const ctx = { base, head, report: (kind, message) => changes.push({ kind, message }) };
  const bPaths = base.paths || {};
  const hPaths = head.paths || {};
  for (const [path, bItemRaw] of Object.entries(bPaths)) {
    const bItem = deref(base, bItemRaw);
    if (!(path in hPaths)) {
      ctx.report('path-removed', `${path}: path removed`);
      continue;
    }
    const hItem = deref(head, hPaths[path]);
    for (const m of METHODS) {
      const bOp = bItem[m];
      if (!bOp) continue;
      const hOp = hItem[m];
      const label = `${m.toUpperCase()} ${path}${bOp.operationId ? ` (${bOp.operationId})` : ''}`;
      if (!hOp) {
        ctx.report('operation-removed', `${label}: operation removed`);
        continue;
      }
      // parameters
      const bPar = params(base, bItem, bOp);
      const hPar = params(head, hItem, hOp);
      for (const [k, hp] of hPar) {
        const bp = bPar.get(k);
        if (hp.required && !(bp && bp.required)) {
          ctx.report('required-parameter', `${label}: ${bp ? 'parameter became required' : 'new required parameter'} ${hp.in} ${hp.name}`);
        }
        if (bp && bp.schema && hp.schema) {
          compareSchemas(ctx, `${label}: parameter ${hp.in} ${hp.name}`, 'request', bp.schema, hp.schema, new Set());
        }
      }
      // request body
      const bBody = bOp.requestBody ? deref(base, bOp.requestBody) : undefined;
      const hBody = hOp.requestBody ? deref(head, hOp.requestBody) : undefined;
      if (hBody?.required && !bBody?.required) {
        ctx.report('required-request-body', `${label}: the request body became required`);
      }
      const bReqC = bBody && jsonContent(base, bBody);
      const hReqC = hBody && jsonContent(head, hBody);
      if (bReqC?.schema && hReqC?.schema) {
        compareSchemas(ctx, `${label}: request body`, 'request', bReqC.schema, hReqC.schema, new Set());
      }
      // responses
      const bResp = bOp.responses || {};
      const hResp = hOp.responses || {};
      for (const [status, bR] of Object.entries(bResp)) {
        if (/^2/.test(status) && !(status in hResp)) {
          ctx.report('success-status-removed', `${label}: response ${status} removed`);
          continue;
        }
        if (!(status in hResp)) continue;
        const bC = jsonContent(base, bR);
        const hC = jsonContent(head, hResp[status]);
        if (bC?.schema && hC?.schema) {
          compareSchemas(ctx, `${label}: response ${status}`, 'response', bC.schema, hC.schema, new Set());
        } else if (bC?.schema && !hC?.schema && /^2/.test(status)) {
          ctx.report('response-property-removed', `${label}: response ${status} no longer has a JSON body`);
        }
      }
    }
  }
  for (const name of Object.keys(base.components?.schemas || {})) {
    if (!(name in (head.components?.schemas || {}))) {
      ctx.report('schema-removed', `components.schemas.${name}: schema removed`);
    }
  }
  // one message per distinct change (a schema used by several operations is reported per use)
  const seen = new Set();
  return changes.filter((c) => (seen.has(c.message) ? false : seen.add(c.message)));
}

function major(version) {
  const m = /^v?(\d+)/.exec(String(version ?? ''));
  return m ? Number(m[1]) : NaN;
}

// accepted: [{ kind, match (a regular expression on the message), reason }] — changes that break
// a generated client's signature but not the wire, each with its reason
// (openapi/released/accepted-breaking.yaml; empty again after the next release).
export function check(base, head, accepted = []) {
  const all = findBreakingChanges(base, head);
  const isAccepted = (c) => accepted.find((a) => a.kind === c.kind && new RegExp(a.match).test(c.message));
  const changes = all.filter((c) => !isAccepted(c));
  const acceptedChanges = all.filter((c) => isAccepted(c)).map((c) => ({ ...c, reason: isAccepted(c).reason }));
  const bMajor = major(base.info?.version);
  const hMajor = major(head.info?.version);
  const bumped = Number.isFinite(bMajor) && Number.isFinite(hMajor) && hMajor !== bMajor;
  return { changes, acceptedChanges, bumped, ok: changes.length === 0 || bumped, baseVersion: base.info?.version, headVersion: head.info?.version };
}

// ---------------------------------------------------------------- self-test

function selfTest(spec) {
  const clone = () => structuredClone(spec);
  const S = (d) => d.components.schemas;
  const op = (d, path, m) => d.paths[path][m];
  // Replace every {$ref: '#/components/schemas/NAME'} by a copy of the schema, then delete it.
  const inlineAndRemove = (d, name) => {
    const target = `#/components/schemas/${name}`;
    const copy = S(d)[name];
    const walk = (node) => {
      if (Array.isArray(node)) return node.forEach((v, i) => { if (v && v.$ref === target) node[i] = structuredClone(copy); else walk(v); });
      if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (v && typeof v === 'object' && v.$ref === target) node[k] = structuredClone(copy);
          else walk(v);
        }
      }
    };
    delete S(d)[name];
    walk(d);
  };
  const cases = [
    ['removed path', 'path-removed', (d) => { delete d.paths['/v1/projects/{projectId}']; }],
    ['removed operation', 'operation-removed', (d) => { delete d.paths['/v1/projects'].post; }],
    ['removed 2xx status', 'success-status-removed', (d) => {
      const r = op(d, '/v1/evaluations', 'post').responses; r['200'] = r['201']; delete r['201']; }],
    ['new required request property', 'required-request-property', (d) => {
      S(d).ProjectCreate.properties.budgetCode = { type: 'string' }; S(d).ProjectCreate.required.push('budgetCode'); }],
    ['optional request property became required', 'required-request-property', (d) => {
      S(d).EvaluationInput.required.push('weights'); }],
    ['new required query parameter', 'required-parameter', (d) => {
      op(d, '/v1/projects', 'get').parameters.push({ name: 'fiscalYear', in: 'query', required: true, schema: { type: 'integer' } }); }],
    ['optional parameter became required', 'required-parameter', (d) => {
      op(d, '/v1/evaluations', 'get').parameters.find((p) => p.name === 'district').required = true; }],
    ['optional request body became required', 'required-request-body', (d) => {
      op(d, '/v1/evaluations/{evaluationId}/finalization', 'post').requestBody.required = true; }],
    ['removed response property', 'response-property-removed', (d) => { delete S(d).Project.properties.station; S(d).Project.required = S(d).Project.required.filter((n) => n !== 'station'); }],
    ['nested response property removed', 'response-property-removed', (d) => { delete S(d).FrameworkItem.properties.nameEn; }],
    ['changed response property type', 'type-changed', (d) => { S(d).Project.properties.communities = { type: 'string' }; }],
    ['changed request property type', 'type-changed', (d) => { S(d).EvaluationInput.properties.fiscalYear = { type: 'string' }; }],
    ['changed parameter type', 'type-changed', (d) => {
      op(d, '/v1/evaluations', 'get').parameters.find((p) => p.name === 'fiscalYear').schema = { type: 'string' }; }],
    ['narrowed request enum', 'enum-narrowed-request', (d) => {
      S(d).EvaluationInput.properties.phase = { type: 'string', enum: ['MID_TERM'] }; }],
    ['removed response enum value', 'enum-value-removed-response', (d) => {
      S(d).Evaluation.properties.state = { type: 'string', enum: ['DRAFT', 'OPEN'] }; }],
    ['removed schema', 'schema-removed', (d) => { inlineAndRemove(d, 'FieldError'); }],
  ];
  const passing = [
    ['unchanged contract', (d) => d],
    ['added optional request and response property', (d) => {
      S(d).ProjectCreate.properties.remark = { type: 'string', maxLength: 200 };
      S(d).Project.properties.remark = { type: 'string' }; }],
    ['added optional query parameter and a new path', (d) => {
      op(d, '/v1/projects', 'get').parameters.push({ name: 'station', in: 'query', schema: { type: 'string' } });
      d.paths['/v1/reports'] = { get: structuredClone(op(d, '/v1/projects', 'get')) }; }],
    ['added request enum value', (d) => {
      S(d).EvaluationInput.properties.phase = { type: 'string', enum: ['MID_TERM', 'FINAL', 'SPECIAL'] }; }],
    ['breaking change with a bumped major version', (d) => {
      delete d.paths['/v1/projects/{projectId}']; d.info.version = `${major(d.info.version) + 1}.0.0`; }],
    ['response that became a oneOf of variants keeping every promise', (d) => {
      const r = op(d, '/v1/evaluations/{evaluationId}/result', 'get').responses['200'].content['application/json'];
      S(d).ProvisionalResultX = { allOf: [{ $ref: '#/components/schemas/EvaluationResult' }, { properties: { state: { type: 'string', enum: ['DRAFT', 'OPEN'] } } }] };
      S(d).FinalResultX = { allOf: [{ $ref: '#/components/schemas/EvaluationResult' }, { properties: { state: { type: 'string', enum: ['FINALIZED'] } } }] };
      r.schema = { oneOf: [{ $ref: '#/components/schemas/ProvisionalResultX' }, { $ref: '#/components/schemas/FinalResultX' }] }; }],
  ];
  {
    // a oneOf whose variants together lose a promised value is still breaking
    const head = clone();
    const r = op(head, '/v1/evaluations/{evaluationId}/result', 'get').responses['200'].content['application/json'];
    S(head).OnlyOpenX = { allOf: [{ $ref: '#/components/schemas/EvaluationResult' }, { properties: { state: { type: 'string', enum: ['OPEN'] } } }] };
    r.schema = { oneOf: [{ $ref: '#/components/schemas/OnlyOpenX' }] };
    cases.push(['oneOf variants that drop an enum value', 'enum-value-removed-response', (d) => Object.assign(d, structuredClone(head))]);
    // an accepted change passes only when it is listed
    const accept = [{ kind: 'required-parameter', match: 'header If-Match$', reason: 'self-test' }];
    const h2 = clone();
    op(h2, '/v1/projects/{projectId}', 'put').parameters = [{ name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } }];
    if (!check(spec, h2, accept).ok || check(spec, h2, []).ok) {
      console.log('breaking-self-test: FAILED an accepted change must pass when listed and fail when not');
      return false;
    }
    console.log('breaking-self-test: ok     an accepted change passes when listed, fails when not');
  }
  let passed = 0;
  let failed = 0;
  for (const [name, kind, mutate] of cases) {
    const head = clone();
    mutate(head);
    const r = check(spec, head);
    const hit = r.changes.some((c) => c.kind === kind);
    if (!r.ok && hit) {
      passed++;
      console.log(`breaking-self-test: ok     ${name} is breaking (${r.changes.find((c) => c.kind === kind).message})`);
    } else {
      failed++;
      console.log(`breaking-self-test: FAILED ${name} should be reported as ${kind}; got ${JSON.stringify(r.changes)}`);
    }
  }
  for (const [name, mutate] of passing) {
    const head = clone();
    mutate(head);
    const r = check(spec, head);
    if (r.ok) {
      passed++;
      console.log(`breaking-self-test: ok     ${name} passes${r.changes.length ? ` (${r.changes.length} breaking change(s) allowed by the major bump)` : ''}`);
    } else {
      failed++;
      console.log(`breaking-self-test: FAILED ${name} should pass; got ${JSON.stringify(r.changes)}`);
    }
  }
  console.log(`breaking-self-test: ${passed} passed, ${failed} failed`);
  return failed === 0;
}

// ---------------------------------------------------------------- main

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const read = (p) => YAML.parse(readFileSync(p, 'utf8'));

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--self-test')) {
    // Mutates the released contract (stable; the mutations name its paths and schemas).
    process.exit(selfTest(read(resolve(arg('--base', join(repo, 'openapi/released/openapi.yaml'))))) ? 0 : 1);
  }
  const headPath = resolve(arg('--head', join(repo, 'openapi/openapi.yaml')));
  const basePath = resolve(arg('--base', join(repo, 'openapi/released/openapi.yaml')));
  const acceptedPath = resolve(arg('--accepted', join(repo, 'openapi/released/accepted-breaking.yaml')));
  let accepted = [];
  try {
    accepted = read(acceptedPath)?.accepted ?? [];
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  const r = check(read(basePath), read(headPath), accepted);
  const rel = (p) => p.replace(`${repo}/`, '');
  for (const c of r.acceptedChanges) console.log(`  [${c.kind}] ${c.message} (accepted: ${rel(acceptedPath)})`);
  if (r.changes.length === 0) {
    console.log(`breaking-change check: no breaking change from ${rel(basePath)} (${r.baseVersion}) to ${rel(headPath)} (${r.headVersion})`);
    process.exit(0);
  }
  for (const c of r.changes) console.log(`  [${c.kind}] ${c.message}`);
  if (r.bumped) {
    console.log(`breaking-change check: ${r.changes.length} breaking change(s), allowed: the major version changed (${r.baseVersion} → ${r.headVersion})`);
    process.exit(0);
  }
  console.log(`breaking-change check: FAILED: ${r.changes.length} breaking change(s) from ${rel(basePath)} (${r.baseVersion}) to ${rel(headPath)} (${r.headVersion}).`);
  console.log('  Breaking changes require a bumped major version in info.version (and a new /vN path prefix);');
  console.log('  otherwise make the change compatible (optional fields, new operations).');
  process.exit(1);
}
