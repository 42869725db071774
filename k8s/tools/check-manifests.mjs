#!/usr/bin/env node
// Checks a rendered overlay (`kubectl kustomize …`) offline, in two layers:
//
// 1. Schemas, with unknown fields rejected (what the API server does with
//    fieldValidation=Strict):
//    - core objects against the Kubernetes API schemas: kubernetes-models (types, enums,
//      required fields; compiled from the Kubernetes OpenAPI) and the field set of
//      @kubernetes/client-node's generated models (the same OpenAPI), walked recursively so
//      that any field the API does not know fails;
//    - custom resources against the operators' CRDs (the openAPIV3Schema of
//      ../shared/k8s-crds/*.yaml, or JIXIAO_CRD_DIR), with ajv, every object schema closed
//      unless it says x-kubernetes-preserve-unknown-fields;
//    - kinds whose CRD is not in that folder (the Barman Cloud plugin's ObjectStore,
//      prometheus-operator's PodMonitor, cert-manager's Issuer): the closed schemas of
//      k8s/tools/schemas/, written from those projects' API references for the fields used
//      here. A CRD in the folder takes precedence.
// 2. The project's own rules, each checking an intent rather than one spelling: at most one
//    app pod down at any replica count, probes on the management port, memory that fits,
//    no network policy that admits everything (the Keycloak operator's generated policy
//    included), backups through the plugin, the production realm, … (see rules()).
//
//   node k8s/tools/check-manifests.mjs --overlay prod target/k8s/prod.yaml
//   node k8s/tools/check-manifests.mjs --self-test target/k8s/prod.yaml
//
// Needs the packages of k8s/tools/package.json installed in $JIXIAO_NODE_TOOLS (.ci/k8s-check.sh).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const TOOLS = resolve(process.env.JIXIAO_NODE_TOOLS ?? join(REPO, 'target/tools/k8s'));
const MODULES = join(TOOLS, 'node_modules');
const requireTool = createRequire(join(TOOLS, 'package.json'));
const YAML = requireTool('yaml');
const Ajv = requireTool('ajv').default;
const k8sModels = await import(pathToFileURL(join(MODULES, '@kubernetes/client-node/dist/gen/models/all.js')));
const CRD_DIR = process.env.JIXIAO_CRD_DIR ?? resolve(REPO, '../shared/k8s-crds');
const LOCAL_SCHEMAS = join(HERE, 'schemas');

// ---------------------------------------------------------------------------------------------
// Layer 1: schemas

const CORE_GROUPS = new Set(['', 'apps', 'autoscaling', 'policy', 'networking.k8s.io', 'batch', 'rbac.authorization.k8s.io']);
const splitApiVersion = (av) => (av.includes('/') ? av.split('/') : ['', av]);

/** Fields the Kubernetes API knows, from the generated client's attribute maps. */
function unknownFields(value, type, path, out) {
  if (value === null || value === undefined) return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (Array.isArray(value)) value.forEach((v, i) => unknownFields(v, array[1], `${path}[${i}]`, out));
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (typeof value === 'object') for (const [k, v] of Object.entries(value)) unknownFields(v, map[1], `${path}.${k}`, out);
    return;
  }
  const model = k8sModels[type];
  if (!model?.attributeTypeMap || typeof value !== 'object' || Array.isArray(value)) return;
  const known = new Map(model.attributeTypeMap.map((a) => [a.baseName, a.type]));
  for (const [k, v] of Object.entries(value)) {
    if (!known.has(k)) out.push(`${path}.${k}: unknown field (not in the Kubernetes API's ${type})`);
    else unknownFields(v, known.get(k), `${path}.${k}`, out);
  }
}

async function validateCore(obj) {
  const [group, version] = splitApiVersion(obj.apiVersion);
  const errors = [];
  const file = join(MODULES, 'kubernetes-models', group || '', version, `${obj.kind}.js`);
  if (!existsSync(file)) return [`${obj.apiVersion} ${obj.kind}: not a Kubernetes API kind`];
  const mod = await import(pathToFileURL(file));
  try {
    new mod[obj.kind](obj).validate();
  } catch (e) {
    for (const err of e.errors ?? [{ instancePath: '', message: e.message }]) {
      errors.push(`${err.instancePath.replaceAll('/', '.') || '.'}: ${err.message}${err.params?.allowedValues ? ` (${err.params.allowedValues.join(', ')})` : ''}`);
    }
  }
  const modelName = `${version[0].toUpperCase()}${version.slice(1)}${obj.kind}`;
  if (!k8sModels[modelName]) errors.push(`no field list for ${modelName}`);
  unknownFields(obj, modelName, '', errors);
  return errors;
}

/** Closes every object schema (no unknown fields), as the API server prunes/rejects them. */
function closeSchema(schema) {
  if (Array.isArray(schema)) return schema.map(closeSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'x-kubernetes-validations') continue; // CEL: not evaluated offline
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, closeSchema(s)])) : closeSchema(v);
  }
  if (out.properties && out.additionalProperties === undefined && out['x-kubernetes-preserve-unknown-fields'] !== true) {
    out.additionalProperties = false;
  }
  if (out['x-kubernetes-int-or-string']) {
    delete out.type;
    out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  return out;
}

// spec.networkPolicy of the Keycloak CR arrived after operator 26.0.0 (the CRD in
// shared/k8s-crds); its documented shape (operator guide, "Network Policies"): enabled and a
// list of NetworkPolicy peers for each of http, https and management. Added to the 26.0.0
// schema when missing; peers are then checked against the Kubernetes schema too.
const PEERS = { type: 'array', items: { type: 'object', properties: { namespaceSelector: { type: 'object' }, podSelector: { type: 'object' }, ipBlock: { type: 'object' } } } };
const KEYCLOAK_NETWORK_POLICY = { type: 'object', properties: { enabled: { type: 'boolean' }, http: PEERS, https: PEERS, management: PEERS } };

function loadCrdSchemas() {
  const schemas = new Map(); // "group/version Kind" -> { schema, source }
  const add = (doc, source) => {
    if (doc?.kind !== 'CustomResourceDefinition') return;
    for (const v of doc.spec.versions) {
      const s = structuredClone(v.schema.openAPIV3Schema);
      if (doc.spec.names.kind === 'Keycloak' && s.properties?.spec?.properties && !s.properties.spec.properties.networkPolicy) {
        s.properties.spec.properties.networkPolicy = KEYCLOAK_NETWORK_POLICY;
        source += ' + spec.networkPolicy (operator ≥ 26.1)';
      }
      schemas.set(`${doc.spec.group}/${v.name} ${doc.spec.names.kind}`, { schema: s, source });
    }
  };
  for (const [dir, label] of [[LOCAL_SCHEMAS, 'k8s/tools/schemas'], [CRD_DIR, 'shared/k8s-crds']]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((n) => /\.(ya?ml|json)$/.test(n)).sort()) {
      for (const d of YAML.parseAllDocuments(readFileSync(join(dir, f), 'utf8'))) add(d.toJS(), `${label}/${f}`);
    }
  }
  return schemas;
}

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const crdSchemas = loadCrdSchemas();
const compiled = new Map();

function validateCustom(obj) {
  const key = `${obj.apiVersion} ${obj.kind}`;
  const entry = crdSchemas.get(key);
  if (!entry) return [`${key}: no CRD or schema to validate against (add its CRD to ${CRD_DIR})`];
  if (!compiled.has(key)) {
    const schema = closeSchema(entry.schema);
    schema.properties = { ...schema.properties, apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' } };
    compiled.set(key, ajv.compile(schema));
  }
  const validate = compiled.get(key);
  const errors = [];
  if (!validate(obj)) {
    for (const e of validate.errors) {
      const at = e.instancePath.replaceAll('/', '.') || '.';
      errors.push(e.keyword === 'additionalProperties'
        ? `${at}.${e.params.additionalProperty}: unknown field (not in ${entry.source})`
        : `${at}: ${e.message}${e.params?.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : ''}`);
    }
  }
  unknownFields(obj.metadata, 'V1ObjectMeta', '.metadata', errors);
  for (const [i, peer] of (obj.kind === 'Keycloak' ? ['http', 'https', 'management'].flatMap((p) => (obj.spec?.networkPolicy?.[p] ?? []).map((x, j) => [`${p}[${j}]`, x])) : [])) {
    unknownFields(peer, 'V1NetworkPolicyPeer', `.spec.networkPolicy.${i}`, errors);
  }
  return errors;
}

async function validateSchemas(docs) {
  const errors = [];
  for (const obj of docs) {
    const name = `${obj.kind}/${obj.metadata?.name}`;
    const [group] = splitApiVersion(String(obj.apiVersion));
    const errs = CORE_GROUPS.has(group) ? await validateCore(obj) : validateCustom(obj);
    errors.push(...errs.map((e) => `schema: ${name}: ${e}`));
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Layer 2: the project's rules

const MI = 1024 * 1024;
function bytes(q) {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(String(q));
  if (!m) return NaN;
  const f = { Ki: 1024, Mi: MI, Gi: 1024 * MI, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9, T: 1e12 }[m[2]] ?? 1;
  return Number(m[1]) * f;
}
/** JVM and PostgreSQL sizes: 512m, 1g, 256MB, 64k. */
function jvmBytes(v) {
  const m = /^(\d+)([kKmMgG])?[bB]?$/.exec(v);
  if (!m) return NaN;
  return Number(m[1]) * ({ k: 1024, m: MI, g: 1024 * MI }[(m[2] ?? '').toLowerCase()] ?? 1);
}
const fmt = (b) => `${Math.round(b / MI)}Mi`;

const matches = (selector, labels) =>
  Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v) &&
  (selector?.matchExpressions ?? []).every((e) => {
    const has = Object.hasOwn(labels ?? {}, e.key);
    if (e.operator === 'In') return has && e.values.includes(labels[e.key]);
    if (e.operator === 'NotIn') return !has || !e.values.includes(labels[e.key]);
    if (e.operator === 'Exists') return has;
    return !has;
  });

/** The NetworkPolicy the Keycloak operator makes from spec.networkPolicy (operator guide):
 * http (8080 when enabled), https (8443) and management (9000) each open to the listed peers,
 * or to every source when the list is missing or empty. */
function keycloakOperatorPolicy(kc) {
  const np = kc.spec?.networkPolicy;
  if (np?.enabled === false) return null;
  const rule = (port, peers) => (peers?.length ? { from: peers, ports: [{ protocol: 'TCP', port }] } : { ports: [{ protocol: 'TCP', port }] });
  const ingress = [];
  if (kc.spec?.http?.httpEnabled) ingress.push(rule(kc.spec.http.httpPort ?? 8080, np?.http));
  ingress.push(rule(kc.spec?.http?.httpsPort ?? 8443, np?.https));
  ingress.push(rule(9000, np?.management));
  return {
    kind: 'NetworkPolicy',
    metadata: { name: `${kc.metadata.name}-network-policy (made by the Keycloak operator)` },
    spec: { podSelector: { matchLabels: { app: 'keycloak', 'app.kubernetes.io/instance': kc.metadata.name } }, policyTypes: ['Ingress'], ingress },
  };
}

/** Why a peer admits everything (or anything outside the cluster), or null. */
function tooBroad(peer) {
  if (!peer || Object.keys(peer).length === 0) return 'an empty peer (every source)';
  if (peer.ipBlock) {
    const cidr = peer.ipBlock.cidr ?? '';
    const bits = Number(cidr.split('/')[1]);
    if (/^0\.0\.0\.0\/0$|^::\/0$/.test(cidr) || (cidr.includes('.') && bits < 8)) return `ipBlock ${cidr} (the whole internet)`;
    return null;
  }
  const allNs = peer.namespaceSelector && !peer.namespaceSelector.matchLabels && !peer.namespaceSelector.matchExpressions;
  const allPods = !peer.podSelector || (!peer.podSelector.matchLabels && !peer.podSelector.matchExpressions);
  if (allNs && allPods) return 'namespaceSelector {} (every pod of every namespace)';
  return null;
}

const podTemplate = (o) => o.spec?.template;
/** JSON with sorted keys (kustomize sorts them). */
const canonical = (v) => JSON.stringify(v, (k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x));
const containersOf = (o) => podTemplate(o)?.spec?.containers ?? [];

export function rules(docs, overlay) {
  const errors = [];
  const fail = (msg) => errors.push(`rule: ${msg}`);
  const all = (kind) => docs.filter((d) => d.kind === kind);
  const one = (kind, name) => docs.find((d) => d.kind === kind && d.metadata?.name === name);
  const production = overlay !== 'dev';

  // Nothing secret is committed: every secret is made in the cluster.
  for (const s of all('Secret')) fail(`Secret/${s.metadata.name}: no Secret objects in the manifests (made by the operators or cert-manager, see k8s/README.md)`);

  // --- the app's Deployment
  const app = one('Deployment', 'jixiao');
  if (!app) { fail('Deployment/jixiao is missing'); return errors; }
  const podLabels = podTemplate(app)?.metadata?.labels ?? {};
  const hpa = all('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef?.kind === 'Deployment' && h.spec.scaleTargetRef?.name === 'jixiao');
  const minReplicas = hpa ? hpa.spec.minReplicas ?? 1 : app.spec.replicas ?? 1;
  const maxReplicas = hpa ? hpa.spec.maxReplicas : app.spec.replicas ?? 1;
  if (production && minReplicas < 2) fail(`Deployment/jixiao: at least 2 replicas in ${overlay} (min ${minReplicas}): one pod's loss must not stop the service`);

  // At most one pod down by a voluntary disruption, at every replica count the HPA may pick,
  // and a drain always possible.
  const pdbs = all('PodDisruptionBudget').filter((p) => matches(p.spec.selector, podLabels));
  if (pdbs.length !== 1) fail(`PodDisruptionBudget: exactly one must select the app's pods (found ${pdbs.length})`);
  for (const pdb of pdbs) {
    for (const n of new Set([minReplicas, maxReplicas])) {
      let down;
      const pct = (v) => Number(String(v).replace('%', '')) / 100;
      if (pdb.spec.maxUnavailable !== undefined) {
        const v = pdb.spec.maxUnavailable;
        down = String(v).endsWith('%') ? Math.ceil(pct(v) * n) : Number(v);
      } else if (pdb.spec.minAvailable !== undefined) {
        const v = pdb.spec.minAvailable;
        down = n - (String(v).endsWith('%') ? Math.ceil(pct(v) * n) : Number(v));
      } else down = n;
      if (down > 1) fail(`PodDisruptionBudget/${pdb.metadata.name}: lets ${down} of ${n} app pods go down at once (at most one)`);
      if (down < 1) fail(`PodDisruptionBudget/${pdb.metadata.name}: with ${n} pods no pod may ever be evicted: every node drain blocks`);
    }
  }

  const env = (c, name) => {
    const direct = (c.env ?? []).find((e) => e.name === name);
    if (direct) return direct.value ?? direct.valueFrom;
    for (const ref of c.envFrom ?? []) {
      const cm = ref.configMapRef && all('ConfigMap').find((m) => m.metadata.name === ref.configMapRef.name);
      if (cm?.data?.[name] !== undefined) return cm.data[name];
    }
    return undefined;
  };
  // Ports: the API on 8080, the management interface on 9000 — only the latter for probes and
  // metrics, never behind the Service or the Ingress.
  const API_PORT = 8080;
  const MGMT_PORT = 9000;
  for (const c of containersOf(app)) {
    const portOf = (p) => (typeof p === 'number' ? p : (c.ports ?? []).find((x) => x.name === p)?.containerPort);
    if (!(c.ports ?? []).some((p) => p.containerPort === MGMT_PORT)) fail(`Deployment/jixiao ${c.name}: no container port ${MGMT_PORT} (the management interface)`);
    for (const [probe, path] of [['startupProbe', '/q/health/started'], ['livenessProbe', '/q/health/live'], ['readinessProbe', '/q/health/ready']]) {
      const p = c[probe];
      if (!p?.httpGet) { fail(`Deployment/jixiao ${c.name}: ${probe} must be an HTTP GET of ${path}`); continue; }
      if (p.httpGet.path !== path) fail(`Deployment/jixiao ${c.name}: ${probe} asks ${p.httpGet.path}, not ${path}`);
      const port = portOf(p.httpGet.port);
      if (port !== MGMT_PORT) fail(`Deployment/jixiao ${c.name}: ${probe} on port ${port ?? p.httpGet.port}, not the management port ${MGMT_PORT} (health is not served on the API port)`);
      if ((p.timeoutSeconds ?? 1) > (p.periodSeconds ?? 10)) fail(`Deployment/jixiao ${c.name}: ${probe} timeout longer than its period`);
    }
    // Readiness checks the database pool, which waits up to the acquisition timeout for a
    // connection: the probe must outwait the check, or a busy pool reads as a dead pod.
    const acquire = String(env(c, 'JIXIAO_DB_ACQUISITION_TIMEOUT') ?? '5S');
    const acquireSeconds = Number(/^(\d+)S?$/i.exec(acquire)?.[1] ?? NaN);
    if (c.readinessProbe && !((c.readinessProbe.timeoutSeconds ?? 1) > acquireSeconds)) {
      fail(`Deployment/jixiao ${c.name}: readinessProbe timeout ${c.readinessProbe.timeoutSeconds ?? 1}s does not outwait the database check (JIXIAO_DB_ACQUISITION_TIMEOUT ${acquire})`);
    }
    // preStop: the endpoints and the ingress controller stop sending before the app stops.
    const sleep = c.lifecycle?.preStop?.sleep?.seconds;
    const grace = podTemplate(app).spec.terminationGracePeriodSeconds ?? 30;
    if (!(sleep >= 3)) fail(`Deployment/jixiao ${c.name}: lifecycle.preStop.sleep of a few seconds is needed so rollouts drop no requests (the image has no shell: sleep, not exec)`);
    else if (sleep >= grace) fail(`Deployment/jixiao ${c.name}: preStop sleep ${sleep}s leaves nothing of the ${grace}s grace period for draining`);
    // The image: never a moving tag; in production, the digest of the tested build.
    if (/:latest$/.test(c.image) || !/[:@]/.test(c.image.split('/').pop())) fail(`Deployment/jixiao ${c.name}: image ${c.image} has no fixed version`);
    if (production && overlay === 'prod' && !/@sha256:[0-9a-f]{64}$/.test(c.image)) fail(`Deployment/jixiao ${c.name}: prod runs the image by digest (@sha256:…), not ${c.image}`);
  }
  for (const svc of all('Service').filter((s) => matches({ matchLabels: s.spec.selector }, podLabels))) {
    for (const sp of svc.spec.ports ?? []) {
      const target = sp.targetPort ?? sp.port;
      const port = typeof target === 'number' ? target : containersOf(app).flatMap((c) => c.ports ?? []).find((p) => p.name === target)?.containerPort;
      if (port !== API_PORT) fail(`Service/${svc.metadata.name}: routes port ${sp.port} to ${port ?? target}; only the API port ${API_PORT} belongs behind the Service`);
    }
  }

  // Ingress: TLS for every host; the app's public paths only; Keycloak's jixiao realm only.
  for (const ing of all('Ingress')) {
    const tlsHosts = new Set((ing.spec.tls ?? []).flatMap((t) => t.hosts ?? []));
    for (const r of ing.spec.rules ?? []) {
      if (!tlsHosts.has(r.host)) fail(`Ingress/${ing.metadata.name}: host ${r.host} without TLS`);
      for (const p of r.http?.paths ?? []) {
        const reach = (url) => (p.pathType === 'Exact' ? url === p.path : url === p.path.replace(/\/$/, '') || url.startsWith(p.path.endsWith('/') ? p.path : `${p.path}/`));
        for (const hidden of ['/q/health/ready', '/q/metrics', '/q/dev-ui', '/realms/master/protocol/openid-connect/token', '/realms/master', '/admin/master/console/', '/admin/realms/jixiao/users', '/metrics', '/health']) {
          if (reach(hidden)) fail(`Ingress/${ing.metadata.name}: path ${p.path} (${p.pathType}) makes ${hidden} public`);
        }
        const svc = p.backend?.service;
        const port = svc?.port?.number ?? all('Service').find((s) => s.metadata.name === svc?.name)?.spec.ports.find((x) => x.name === svc?.port?.name)?.port;
        if ([MGMT_PORT, 9187].includes(port)) fail(`Ingress/${ing.metadata.name}: routes ${p.path} to the operator-only port ${port}`);
      }
    }
  }

  // Security context of the app's pods.
  const pod = podTemplate(app).spec;
  if (pod.automountServiceAccountToken !== false) fail('Deployment/jixiao: automountServiceAccountToken must be false (the app never calls the Kubernetes API)');
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC) fail('Deployment/jixiao: no host namespaces');
  for (const c of [...containersOf(app), ...(pod.initContainers ?? [])]) {
    const sc = { ...pod.securityContext, ...c.securityContext };
    const who = `Deployment/jixiao ${c.name}`;
    if (sc.runAsNonRoot !== true || sc.runAsUser === 0) fail(`${who}: must run as non-root (runAsNonRoot: true)`);
    if (c.securityContext?.allowPrivilegeEscalation !== false) fail(`${who}: allowPrivilegeEscalation must be false`);
    if (c.securityContext?.privileged) fail(`${who}: privileged`);
    if (c.securityContext?.readOnlyRootFilesystem !== true) fail(`${who}: readOnlyRootFilesystem must be true`);
    if (!(c.securityContext?.capabilities?.drop ?? []).includes('ALL') || (c.securityContext?.capabilities?.add ?? []).length) fail(`${who}: capabilities: drop ALL, add none`);
    if (sc.seccompProfile?.type !== 'RuntimeDefault' && sc.seccompProfile?.type !== 'Localhost') fail(`${who}: seccompProfile RuntimeDefault`);
  }

  // Memory: request = limit for every container and database/Keycloak pod (not evictable
  // first), and the JVM's caps fit in the app's limit.
  const memoryReqLimit = (what, res) => {
    if (!res?.limits?.memory || !res?.requests?.memory) return fail(`${what}: memory request and limit are required`);
    if (!res.limits.cpu || !res.requests.cpu) fail(`${what}: cpu request and limit are required`);
    if (bytes(res.requests.memory) !== bytes(res.limits.memory)) fail(`${what}: memory request ${res.requests.memory} ≠ limit ${res.limits.memory} (a pod using more than its request is evicted first under node pressure)`);
  };
  for (const c of containersOf(app)) memoryReqLimit(`Deployment/jixiao ${c.name}`, c.resources);
  for (const kc of all('Keycloak')) memoryReqLimit(`Keycloak/${kc.metadata.name}`, kc.spec.resources);
  for (const cl of all('Cluster')) memoryReqLimit(`Cluster/${cl.metadata.name}`, cl.spec.resources);

  for (const c of containersOf(app)) {
    const opts = env(c, 'JDK_JAVA_OPTIONS');
    const limit = bytes(c.resources?.limits?.memory);
    if (typeof opts !== 'string') { fail(`Deployment/jixiao ${c.name}: JDK_JAVA_OPTIONS must set the JVM's memory (the image has no shell)`); continue; }
    const flag = (re) => [...opts.matchAll(re)].map((m) => m[1]).pop();
    if (!/-XX:\+Use(Serial|Parallel|G1|Z|Shenandoah)GC\b/.test(opts)) fail(`Deployment/jixiao ${c.name}: choose the GC explicitly in JDK_JAVA_OPTIONS (the JVM's pick depends on the node)`);
    const heap = jvmBytes(flag(/-Xmx(\S+)/g) ?? '');
    const caps = {
      heap,
      metaspace: jvmBytes(flag(/-XX:MaxMetaspaceSize=(\S+)/g) ?? ''),
      'code cache': jvmBytes(flag(/-XX:ReservedCodeCacheSize=(\S+)/g) ?? ''),
      'direct memory': jvmBytes(flag(/-XX:MaxDirectMemorySize=(\S+)/g) ?? ''),
    };
    const missing = Object.entries(caps).filter(([, v]) => Number.isNaN(v)).map(([k]) => k);
    if (missing.length) { fail(`Deployment/jixiao ${c.name}: JDK_JAVA_OPTIONS must cap ${missing.join(', ')} (-Xmx, -XX:MaxMetaspaceSize, -XX:ReservedCodeCacheSize, -XX:MaxDirectMemorySize)`); continue; }
    // What the caps do not cover (thread stacks, GC and JIT structures, symbols, the C heap):
    // measured at 80–100 MiB for this app (k8s/README.md "Memory"); 100 MiB kept free for it.
    const NATIVE_REST = 100 * MI;
    const total = Object.values(caps).reduce((a, b) => a + b, 0) + NATIVE_REST;
    if (total > limit) fail(`Deployment/jixiao ${c.name}: heap ${fmt(heap)} + metaspace ${fmt(caps.metaspace)} + code cache ${fmt(caps['code cache'])} + direct ${fmt(caps['direct memory'])} + ${fmt(NATIVE_REST)} native = ${fmt(total)} exceeds the ${c.resources.limits.memory} limit: the pod would be OOM-killed`);
    if (heap < 0.3 * limit) fail(`Deployment/jixiao ${c.name}: heap ${fmt(heap)} is under a third of the ${c.resources.limits.memory} limit: memory paid for and unused`);
  }

  // The database: TLS with the server checked, credentials from CloudNativePG's secret, and
  // reports on the replicas.
  for (const c of containersOf(app)) {
    const mounts = new Map((c.volumeMounts ?? []).map((m) => [m.name, m.mountPath]));
    for (const [name, host] of [['QUARKUS_DATASOURCE_JDBC_URL', 'jixiao-db-rw'], ['QUARKUS_DATASOURCE_REPORTING_JDBC_URL', 'jixiao-db-ro']]) {
      const url = env(c, name);
      if (typeof url !== 'string') { fail(`Deployment/jixiao ${c.name}: ${name} is not set`); continue; }
      const m = /^jdbc:postgresql:\/\/([^:/]+)(?::\d+)?\/[^?]+\?(.*)$/.exec(url);
      if (!m) { fail(`Deployment/jixiao ${c.name}: ${name} is not a PostgreSQL JDBC URL`); continue; }
      if (m[1].split('.')[0] !== host) fail(`Deployment/jixiao ${c.name}: ${name} goes to ${m[1]}, not ${host}${host.endsWith('-ro') ? ' (reports read from the replicas)' : ''}`);
      const params = new URLSearchParams(m[2]);
      if (params.get('sslmode') !== 'verify-full') fail(`Deployment/jixiao ${c.name}: ${name} needs sslmode=verify-full (the server's certificate and name checked), not ${params.get('sslmode')}`);
      const root = params.get('sslrootcert') ?? '';
      const volume = [...mounts].find(([, path]) => root.startsWith(`${path}/`))?.[0];
      const secret = pod.volumes?.find((v) => v.name === volume)?.secret;
      if (secret?.secretName !== 'jixiao-db-ca') fail(`Deployment/jixiao ${c.name}: ${name}'s sslrootcert ${root || '(none)'} is not the mounted CA of jixiao-db (secret jixiao-db-ca)`);
      else if (secret.items && !secret.items.every((i) => i.key === 'ca.crt')) fail(`Deployment/jixiao ${c.name}: only ca.crt of jixiao-db-ca belongs in the pod (the secret holds the CA's key too)`);
    }
    for (const name of ['QUARKUS_DATASOURCE_USERNAME', 'QUARKUS_DATASOURCE_PASSWORD', 'QUARKUS_DATASOURCE_REPORTING_USERNAME', 'QUARKUS_DATASOURCE_REPORTING_PASSWORD']) {
      const v = env(c, name);
      if (v?.secretKeyRef?.name !== 'jixiao-db-app') fail(`Deployment/jixiao ${c.name}: ${name} must come from the secret jixiao-db-app`);
    }
  }

  // Database clusters: replicas, backups through the Barman Cloud plugin, a schedule, memory.
  const PLUGIN = 'barman-cloud.cloudnative-pg.io';
  for (const cl of all('Cluster')) {
    const who = `Cluster/${cl.metadata.name}`;
    if (production && (cl.spec.instances ?? 1) < 3) fail(`${who}: 3 instances (a primary and two standbys) in ${overlay}`);
    if (cl.spec.backup?.barmanObjectStore) fail(`${who}: spec.backup.barmanObjectStore is the in-tree backup removed in CloudNativePG 1.31: use the Barman Cloud plugin (spec.plugins + ObjectStore)`);
    const plugin = (cl.spec.plugins ?? []).find((p) => p.name === PLUGIN);
    if (!plugin || plugin.isWALArchiver !== true || plugin.enabled === false) fail(`${who}: needs the ${PLUGIN} plugin as WAL archiver (continuous backup)`);
    const storeName = plugin?.parameters?.barmanObjectName;
    const store = all('ObjectStore').find((s) => s.metadata.name === storeName);
    if (plugin && !store) fail(`${who}: ObjectStore ${storeName} is not in the manifests`);
    if (store && !/^[1-9][0-9]*[dwm]$/.test(store.spec.retentionPolicy ?? '')) fail(`ObjectStore/${store.metadata.name}: needs a retentionPolicy`);
    const sched = all('ScheduledBackup').filter((b) => b.spec.cluster?.name === cl.metadata.name);
    if (!sched.length) fail(`${who}: no ScheduledBackup`);
    for (const b of sched) {
      if (b.spec.method !== 'plugin' || b.spec.pluginConfiguration?.name !== PLUGIN) fail(`ScheduledBackup/${b.metadata.name}: method plugin with pluginConfiguration.name ${PLUGIN} (the in-tree method goes away in 1.31)`);
    }
    const sb = jvmBytes(cl.spec.postgresql?.parameters?.shared_buffers ?? '128MB');
    const mem = bytes(cl.spec.resources?.limits?.memory);
    if (sb > 0.4 * mem) fail(`${who}: shared_buffers ${fmt(sb)} of a ${cl.spec.resources.limits.memory} limit leaves too little for connections and maintenance (about a quarter; OOM-kill otherwise)`);
    // Prometheus scrapes the exporter.
    const pm = all('PodMonitor').find((m) => m.spec.selector?.matchLabels?.['cnpg.io/cluster'] === cl.metadata.name && (m.spec.podMetricsEndpoints ?? []).some((e) => e.port === 'metrics'));
    if (!pm) fail(`${who}: no PodMonitor scrapes its exporter (port metrics, 9187)`);
  }
  if (!all('PodMonitor').some((m) => matches(m.spec.selector, podLabels) && (m.spec.podMetricsEndpoints ?? []).some((e) => (e.port === 'management' || e.portNumber === MGMT_PORT) && e.path === '/q/metrics'))) {
    fail('PodMonitor: none scrapes the app\'s /q/metrics on the management port');
  }

  // Keycloak.
  for (const kc of all('Keycloak')) {
    if (production && (kc.spec.instances ?? 1) < 2) fail(`Keycloak/${kc.metadata.name}: 2 instances in ${overlay}`);
  }

  // Network policies: default deny; no rule admits everything; every rule names its ports;
  // the Keycloak operator's generated policy counts too.
  const policies = [...all('NetworkPolicy'), ...all('Keycloak').map(keycloakOperatorPolicy).filter(Boolean)];
  if (!policies.some((p) => Object.keys(p.spec.podSelector ?? {}).length === 0 && ['Ingress', 'Egress'].every((t) => p.spec.policyTypes?.includes(t)) && !p.spec.ingress?.length && !p.spec.egress?.length)) {
    fail('NetworkPolicy: a default deny (podSelector {}, Ingress and Egress, no rules) is required');
  }
  for (const p of policies) {
    for (const [dir, key] of [['ingress', 'from'], ['egress', 'to']]) {
      (p.spec[dir] ?? []).forEach((r, i) => {
        const where = `NetworkPolicy/${p.metadata.name} ${dir}[${i}]`;
        if (!r[key]?.length) fail(`${where}: no ${key}: admits every source${dir === 'egress' ? '/destination' : ''}`);
        for (const peer of r[key] ?? []) { const why = tooBroad(peer); if (why) fail(`${where}: ${why}`); }
        if (!r.ports?.length) fail(`${where}: no ports: opens every port`);
      });
    }
  }
  // The app's management port: Prometheus only; never the ingress controller.
  for (const p of policies.filter((x) => matches(x.spec.podSelector, podLabels))) {
    for (const r of p.spec.ingress ?? []) {
      const mgmt = !r.ports?.length || r.ports.some((x) => x.port === MGMT_PORT || x.port === 'management');
      if (mgmt && (r.from ?? []).some((f) => f.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'] !== 'monitoring')) {
        fail(`NetworkPolicy/${p.metadata.name}: admits the app's management port ${MGMT_PORT} from outside the monitoring namespace`);
      }
    }
  }

  // The realm.
  const realmImport = one('KeycloakRealmImport', 'jixiao-realm');
  if (!realmImport) fail('KeycloakRealmImport/jixiao-realm is missing');
  else {
    const realm = realmImport.spec.realm;
    const local = JSON.parse(readFileSync(join(REPO, 'k8s/base/keycloak/jixiao-realm.json'), 'utf8'));
    if (!production || overlay === 'base') {
      if (canonical(realm) !== canonical(local)) fail(`KeycloakRealmImport: ${overlay} imports k8s/base/keycloak/jixiao-realm.json unchanged`);
    } else {
      const who = 'KeycloakRealmImport/jixiao-realm (prod)';
      if ((realm.users ?? []).some((u) => (u.credentials ?? []).length)) fail(`${who}: users with passwords (demo users are dev only)`);
      for (const c of realm.clients ?? []) {
        if (c.directAccessGrantsEnabled) fail(`${who}: client ${c.clientId} allows the password grant`);
        if (c.implicitFlowEnabled) fail(`${who}: client ${c.clientId} allows the implicit flow`);
        if (c.publicClient && c.standardFlowEnabled && c.attributes?.['pkce.code.challenge.method'] !== 'S256') fail(`${who}: public client ${c.clientId} without PKCE S256`);
        for (const u of [...(c.redirectUris ?? []), ...(c.webOrigins ?? [])]) {
          if (!/^https:\/\/[^*/]+/.test(u)) fail(`${who}: client ${c.clientId} redirect/origin ${u} is not an https origin`);
        }
        if ((c.optionalClientScopes ?? []).includes('offline_access') || (c.defaultClientScopes ?? []).includes('offline_access')) fail(`${who}: client ${c.clientId} offers offline tokens`);
      }
      const adminCli = (realm.clients ?? []).find((c) => c.clientId === 'admin-cli');
      if (!adminCli) fail(`${who}: admin-cli is not listed: Keycloak then creates it with the password grant`);
      if (realm.bruteForceProtected !== true) fail(`${who}: bruteForceProtected must be true`);
      if (!(realm.failureFactor <= 10)) fail(`${who}: brute-force failureFactor ≤ 10`);
      if (!/length\((\d+)\)/.test(realm.passwordPolicy ?? '') || Number(/length\((\d+)\)/.exec(realm.passwordPolicy)[1]) < 12) fail(`${who}: a password policy of at least 12 characters`);
      if (!(realm.accessTokenLifespan <= 900)) fail(`${who}: access tokens live ≤ 15 min (${realm.accessTokenLifespan}s)`);
      if (!(realm.ssoSessionIdleTimeout > 0 && realm.ssoSessionIdleTimeout <= 3600)) fail(`${who}: idle sessions end within an hour`);
      if (!(realm.ssoSessionMaxLifespan > 0 && realm.ssoSessionMaxLifespan <= 43200)) fail(`${who}: sessions end within 12 h`);
      if (realm.sslRequired !== 'all' && realm.sslRequired !== 'external') fail(`${who}: sslRequired`);
      if ((realm.authenticationFlows ?? []).length) fail(`${who}: lists authentication flows: the import then creates none of Keycloak's defaults (browser, direct grant, registration)`);
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------

/** k8s/restore: a recovery that reads the origin's archive and never writes into it. */
export function restoreRules(docs) {
  const errors = [];
  const fail = (msg) => errors.push(`rule: ${msg}`);
  const clusters = docs.filter((d) => d.kind === 'Cluster');
  if (!clusters.length) fail('restore: no Cluster');
  for (const cl of clusters) {
    const who = `Cluster/${cl.metadata.name}`;
    const rec = cl.spec.bootstrap?.recovery;
    const src = (cl.spec.externalClusters ?? []).find((e) => e.name === rec?.source);
    if (!src?.plugin || src.plugin.name !== 'barman-cloud.cloudnative-pg.io') { fail(`${who}: bootstrap.recovery.source must be an external cluster read through the Barman Cloud plugin`); continue; }
    if (!rec.recoveryTarget?.targetTime && !rec.recoveryTarget?.targetLSN) fail(`${who}: a point-in-time recovery names its recoveryTarget`);
    const from = src.plugin.parameters ?? {};
    const archiver = (cl.spec.plugins ?? []).find((p) => p.isWALArchiver);
    const to = archiver?.parameters ?? {};
    if (!archiver) fail(`${who}: the recovered cluster must archive its own WAL`);
    else if (to.barmanObjectName === from.barmanObjectName && (to.serverName ?? cl.metadata.name) === (from.serverName ?? src.name)) {
      fail(`${who}: archives into the server name it recovers from (${from.serverName}): the origin's archive would be overwritten`);
    }
  }
  for (const p of docs.filter((d) => d.kind === 'NetworkPolicy')) {
    for (const [dir, key] of [['ingress', 'from'], ['egress', 'to']]) {
      (p.spec[dir] ?? []).forEach((r, i) => {
        if (!r[key]?.length) fail(`NetworkPolicy/${p.metadata.name} ${dir}[${i}]: no ${key}: admits everything`);
        for (const peer of r[key] ?? []) { const why = tooBroad(peer); if (why) fail(`NetworkPolicy/${p.metadata.name} ${dir}[${i}]: ${why}`); }
      });
    }
  }
  return errors;
}

export async function check(docs, overlay) {
  return [...(await validateSchemas(docs)), ...(overlay === 'restore' ? restoreRules(docs) : rules(docs, overlay))];
}

const parse = (file) => YAML.parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS()).filter(Boolean);

/** Mutations of a correct prod rendering, each a real mistake the check must catch. */
function mutations() {
  const find = (docs, kind, name) => docs.find((d) => d.kind === kind && (!name || d.metadata.name === name));
  const app = (docs) => find(docs, 'Deployment', 'jixiao');
  const c0 = (docs) => app(docs).spec.template.spec.containers[0];
  const cm = (docs) => find(docs, 'ConfigMap');
  return [
    ['unknown field in a Deployment (replicaz)', /replicaz: unknown field/, (d) => { app(d).spec.replicaz = 3; }],
    ['unknown field in a container (imagePullPolicyy)', /imagePullPolicyy: unknown field/, (d) => { c0(d).imagePullPolicyy = 'Always'; }],
    ['unknown field deep in a pod (securityContext.runAsNonroot)', /runAsNonroot: unknown field/, (d) => { c0(d).securityContext.runAsNonroot = true; }],
    ['wrong type (containerPort as a string)', /containerPort: must be integer/, (d) => { c0(d).ports[0].containerPort = '8080'; }],
    ['wrong enum (imagePullPolicy Sometimes)', /imagePullPolicy/, (d) => { c0(d).imagePullPolicy = 'Sometimes'; }],
    ['unknown field in a Service port', /targetport: unknown field/, (d) => { find(d, 'Service', 'jixiao').spec.ports[0].targetport = 8080; }],
    ['unknown field in a NetworkPolicy', /podSelecter: unknown field/, (d) => { find(d, 'NetworkPolicy', 'jixiao-ingress').spec.podSelecter = {}; }],
    ['unknown field in a Cluster CR (spec.postgresql.parameterz)', /parameterz: unknown field \(not in shared/, (d) => { find(d, 'Cluster', 'jixiao-db').spec.postgresql.parameterz = {}; }],
    ['unknown field in a Cluster CR (spec.instancess)', /instancess: unknown field/, (d) => { find(d, 'Cluster', 'jixiao-db').spec.instancess = 3; }],
    ['wrong enum in a ScheduledBackup CR (method)', /method/, (d) => { find(d, 'ScheduledBackup').spec.method = 'barman'; }],
    ['unknown field in a Keycloak CR (spec.hostname.hostnam)', /hostnam: unknown field/, (d) => { find(d, 'Keycloak').spec.hostname.hostnam = 'x'; }],
    ['unknown field in the Keycloak CR\'s network policy peers', /podselector: unknown field/, (d) => { find(d, 'Keycloak').spec.networkPolicy.http[0].podselector = {}; }],
    ['unknown field in a KeycloakRealmImport (spec.realm.bruteForceProtect)', /bruteForceProtect: unknown field/, (d) => { find(d, 'KeycloakRealmImport').spec.realm.bruteForceProtect = true; }],
    ['unknown field in an ObjectStore', /retention: unknown field/, (d) => { find(d, 'ObjectStore').spec.retention = '30d'; }],
    ['unknown field in a PodMonitor', /podMetricEndpoints: unknown field/, (d) => { find(d, 'PodMonitor').spec.podMetricEndpoints = []; }],
    ['unknown field in metadata', /metadata\.label: unknown field/, (d) => { find(d, 'Cluster').metadata.label = {}; }],
    ['an unknown kind', /no CRD or schema/, (d) => { d.push({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }); }],
    ['a NetworkPolicy rule with no from (admits everything)', /admits every source/, (d) => { find(d, 'NetworkPolicy', 'keycloak').spec.ingress.push({ ports: [{ protocol: 'TCP', port: 8080 }] }); }],
    ['a NetworkPolicy peer of every namespace', /namespaceSelector \{\}/, (d) => { find(d, 'NetworkPolicy', 'jixiao-db').spec.ingress[0].from.push({ namespaceSelector: {} }); }],
    ['an egress to the whole internet', /0\.0\.0\.0\/0/, (d) => { find(d, 'NetworkPolicy', 'jixiao-egress').spec.egress.push({ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] }); }],
    ['a NetworkPolicy rule on every port', /opens every port/, (d) => { delete find(d, 'NetworkPolicy', 'jixiao-ingress').spec.ingress[0].ports; }],
    ['no default deny', /default deny/, (d) => { d.splice(d.indexOf(find(d, 'NetworkPolicy', 'default-deny-all')), 1); }],
    ['the Keycloak operator\'s policy without http peers (opens 8080 to all)', /made by the Keycloak operator.*admits every source/, (d) => { delete find(d, 'Keycloak').spec.networkPolicy.http; }],
    ['the Keycloak operator\'s policy without its settings', /made by the Keycloak operator/, (d) => { delete find(d, 'Keycloak').spec.networkPolicy; }],
    ['the app\'s management port opened to the ingress controller', /management port 9000 from outside/, (d) => { find(d, 'NetworkPolicy', 'jixiao-ingress').spec.ingress[0].ports.push({ protocol: 'TCP', port: 9000 }); }],
    ['a readiness probe on the API port', /readinessProbe on port 8080/, (d) => { c0(d).readinessProbe.httpGet.port = 'http'; }],
    ['a readiness timeout shorter than the database check', /does not outwait the database check/, (d) => { c0(d).readinessProbe.timeoutSeconds = 3; }],
    ['a liveness probe on a wrong path', /livenessProbe asks/, (d) => { c0(d).livenessProbe.httpGet.path = '/q/health'; }],
    ['the Service routing to the management port', /only the API port/, (d) => { find(d, 'Service', 'jixiao').spec.ports.push({ name: 'mgmt', port: 9000, targetPort: 'management', protocol: 'TCP' }); }],
    ['an Ingress path making /q/metrics public', /makes \/q\/metrics public/, (d) => { find(d, 'Ingress', 'jixiao').spec.rules[0].http.paths.push({ path: '/q', pathType: 'Prefix', backend: { service: { name: 'jixiao', port: { name: 'http' } } } }); }],
    ['the Keycloak Ingress exposing the master realm', /makes \/realms\/master public/, (d) => { find(d, 'Ingress', 'keycloak').spec.rules[0].http.paths[0].path = '/realms'; }],
    ['the Keycloak Ingress exposing the admin console', /makes \/admin/, (d) => { find(d, 'Ingress', 'keycloak').spec.rules[0].http.paths.push({ path: '/admin', pathType: 'Prefix', backend: { service: { name: 'keycloak-service', port: { number: 8080 } } } }); }],
    ['an Ingress host without TLS', /without TLS/, (d) => { find(d, 'Ingress', 'jixiao').spec.tls = []; }],
    ['a PDB allowing two pods down', /lets 2 of/, (d) => { find(d, 'PodDisruptionBudget').spec.maxUnavailable = 2; }],
    ['a PDB as minAvailable 1 (5 of 6 down at HPA max)', /lets 5 of 6/, (d) => { const p = find(d, 'PodDisruptionBudget'); delete p.spec.maxUnavailable; p.spec.minAvailable = 1; }],
    ['a PDB of 50 % unavailable', /lets 3 of 6/, (d) => { find(d, 'PodDisruptionBudget').spec.maxUnavailable = '50%'; }],
    ['a PDB blocking every drain', /every node drain blocks/, (d) => { const p = find(d, 'PodDisruptionBudget'); delete p.spec.maxUnavailable; p.spec.minAvailable = '100%'; }],
    ['one app replica in prod', /at least 2 replicas/, (d) => { find(d, 'HorizontalPodAutoscaler').spec.minReplicas = 1; }],
    ['memory request below limit (app)', /memory request 512Mi ≠ limit/, (d) => { c0(d).resources.requests.memory = '512Mi'; }],
    ['memory request below limit (database)', /Cluster\/jixiao-db: memory request/, (d) => { find(d, 'Cluster', 'jixiao-db').spec.resources.requests.memory = '1Gi'; }],
    ['memory request below limit (Keycloak)', /Keycloak\/keycloak: memory request/, (d) => { find(d, 'Keycloak').spec.resources.requests.memory = '1Gi'; }],
    ['no memory limit', /memory request and limit are required/, (d) => { delete c0(d).resources.limits.memory; }],
    ['a heap that does not fit the limit', /exceeds the 1Gi limit/, (d) => { const m = cm(d); m.data.JDK_JAVA_OPTIONS = m.data.JDK_JAVA_OPTIONS.replace(/-Xmx\S+/, '-Xmx900m'); }],
    ['the old MaxRAMPercentage=75 without caps', /must cap/, (d) => { cm(d).data.JDK_JAVA_OPTIONS = '-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError'; }],
    ['no explicit GC', /choose the GC/, (d) => { const m = cm(d); m.data.JDK_JAVA_OPTIONS = m.data.JDK_JAVA_OPTIONS.replace('-XX:+UseSerialGC ', ''); }],
    ['shared_buffers equal to the memory limit', /shared_buffers 2048Mi of a 2Gi limit/, (d) => { find(d, 'Cluster', 'jixiao-db').spec.postgresql.parameters.shared_buffers = '2GB'; }],
    ['the in-tree barmanObjectStore back', /removed in CloudNativePG 1.31/, (d) => { find(d, 'Cluster', 'jixiao-db').spec.backup = { barmanObjectStore: { destinationPath: 's3://b/x' } }; }],
    ['no WAL archiver plugin', /plugin as WAL archiver/, (d) => { find(d, 'Cluster', 'keycloak-db').spec.plugins = []; }],
    ['a plugin naming a missing ObjectStore', /ObjectStore nope is not/, (d) => { find(d, 'Cluster', 'jixiao-db').spec.plugins[0].parameters.barmanObjectName = 'nope'; }],
    ['a ScheduledBackup with the in-tree method', /method plugin/, (d) => { find(d, 'ScheduledBackup').spec.method = 'barmanObjectStore'; }],
    ['two database instances in prod', /3 instances/, (d) => { find(d, 'Cluster', 'jixiao-db').spec.instances = 2; }],
    ['no PodMonitor for the app', /scrapes the app/, (d) => { d.splice(d.indexOf(find(d, 'PodMonitor', 'jixiao')), 1); }],
    ['no PodMonitor for a database', /no PodMonitor scrapes its exporter/, (d) => { d.splice(d.indexOf(find(d, 'PodMonitor', 'keycloak-db')), 1); }],
    ['the image by tag in prod', /by digest/, (d) => { c0(d).image = 'registry.example.gov.cn/jixiao/jixiao:1.0.0'; }],
    ['the image :latest', /no fixed version/, (d) => { c0(d).image = 'registry.example.gov.cn/jixiao/jixiao:latest'; }],
    ['no preStop sleep', /preStop\.sleep/, (d) => { delete c0(d).lifecycle; }],
    ['JDBC sslmode=require', /sslmode=verify-full/, (d) => { const m = cm(d); m.data.QUARKUS_DATASOURCE_JDBC_URL = m.data.QUARKUS_DATASOURCE_JDBC_URL.replace('verify-full', 'require'); }],
    ['the CA not mounted', /not the mounted CA/, (d) => { c0(d).volumeMounts = c0(d).volumeMounts.filter((m) => m.name !== 'db-ca'); }],
    ['the CA\'s private key mounted', /only ca\.crt/, (d) => { app(d).spec.template.spec.volumes.find((v) => v.name === 'db-ca').secret.items.push({ key: 'ca.key', path: 'ca.key' }); }],
    ['reports on the primary', /goes to jixiao-db-rw, not jixiao-db-ro/, (d) => { const m = cm(d); m.data.QUARKUS_DATASOURCE_REPORTING_JDBC_URL = m.data.QUARKUS_DATASOURCE_REPORTING_JDBC_URL.replace('-ro', '-rw'); }],
    ['a database password in plain text', /must come from the secret/, (d) => { c0(d).env.find((e) => e.name === 'QUARKUS_DATASOURCE_PASSWORD').valueFrom.secretKeyRef.name = 'other'; }],
    ['runAsNonRoot false', /non-root/, (d) => { app(d).spec.template.spec.securityContext.runAsNonRoot = false; c0(d).securityContext.runAsNonRoot = false; }],
    ['a writable root filesystem', /readOnlyRootFilesystem/, (d) => { c0(d).securityContext.readOnlyRootFilesystem = false; }],
    ['a capability added', /capabilities/, (d) => { c0(d).securityContext.capabilities.add = ['NET_ADMIN']; }],
    ['the service account token mounted', /automountServiceAccountToken/, (d) => { app(d).spec.template.spec.automountServiceAccountToken = true; }],
    ['a Secret in the manifests', /no Secret objects/, (d) => { d.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { password: 'x' } }); }],
    ['the password grant in the prod realm', /allows the password grant/, (d) => { find(d, 'KeycloakRealmImport').spec.realm.clients[0].directAccessGrantsEnabled = true; }],
    ['Keycloak\'s admin-cli left to its default (password grant)', /admin-cli is not listed/, (d) => { const r = find(d, 'KeycloakRealmImport').spec.realm; r.clients = r.clients.filter((c) => c.clientId !== 'admin-cli'); }],
    ['admin-cli with the password grant', /client admin-cli allows the password grant/, (d) => { find(d, 'KeycloakRealmImport').spec.realm.clients.find((c) => c.clientId === 'admin-cli').directAccessGrantsEnabled = true; }],
    ['brute-force protection off in prod', /bruteForceProtected/, (d) => { find(d, 'KeycloakRealmImport').spec.realm.bruteForceProtected = false; }],
    ['demo users in the prod realm', /users with passwords/, (d) => { find(d, 'KeycloakRealmImport').spec.realm.users = [{ username: 'x', credentials: [{ type: 'password', value: 'jixiao-demo' }] }]; }],
    ['a localhost redirect in the prod realm', /not an https origin/, (d) => { find(d, 'KeycloakRealmImport').spec.realm.clients[0].redirectUris.push('http://localhost:5173/*'); }],
    ['24-hour sessions in prod', /sessions end within 12 h|idle sessions/, (d) => { find(d, 'KeycloakRealmImport').spec.realm.ssoSessionMaxLifespan = 86400; }],
    ['a partial list of authentication flows in prod', /creates none of Keycloak's defaults/, (d) => { find(d, 'KeycloakRealmImport').spec.realm.authenticationFlows = [{ alias: 'x', providerId: 'basic-flow', topLevel: true, builtIn: false, authenticationExecutions: [] }]; }],
  ];
}

async function selfTest(file) {
  const base = parse(file);
  const clean = await check(structuredClone(base), 'prod');
  if (clean.length) {
    console.error(`self-test: FAILED the unmutated rendering does not pass:\n  ${clean.join('\n  ')}`);
    return 1;
  }
  let failed = 0;
  const list = mutations();
  for (const [what, expect, mutate] of list) {
    const docs = structuredClone(base);
    mutate(docs);
    const errors = await check(docs, 'prod');
    const hit = errors.find((e) => expect.test(e));
    if (hit) console.log(`self-test: caught ${what}: ${hit}`);
    else {
      failed++;
      console.error(`self-test: MISSED ${what} (expected /${expect.source}/; got: ${errors.join(' | ') || 'no error'})`);
    }
  }
  console.log(`self-test: ${list.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args[0] === '--self-test') process.exit(await selfTest(args[1]));
  const overlay = args[0] === '--overlay' ? args[1] : 'base';
  const file = args[0] === '--overlay' ? args[2] : args[0];
  const docs = parse(file);
  const errors = await check(docs, overlay);
  for (const e of errors) console.error(`check-manifests: ${overlay}: ${e}`);
  const kinds = [...new Set(docs.map((d) => d.kind))].sort().join(', ');
  console.log(`check-manifests: ${overlay}: ${docs.length} objects (${kinds}): ${errors.length ? `FAILED, ${errors.length} problem(s)` : 'ok'}`);
  process.exit(errors.length ? 1 : 0);
}
