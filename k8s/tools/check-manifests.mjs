#!/usr/bin/env node
// Strict check of rendered Kubernetes manifests (the output of `kubectl kustomize`).
//
//   node k8s/tools/check-manifests.mjs --overlay prod target/k8s/prod.yaml
//   node k8s/tools/check-manifests.mjs --self-test target/k8s/prod.yaml
//
// 1. Strict parsing: every object's kind must be one we use, with the apiVersion we use, and
//    every field must be in a hand-written allow-list of the fields these manifests use (below,
//    FIELDS). An unknown or misspelt field (`replicaz`) fails. This is a whitelist of what we
//    use, not the full Kubernetes/CRD schemas: a correct field that we have not used before
//    fails too, and is then added here on purpose. (kubeconform and the CRD schemas are not
//    available offline.)
// 2. Invariants (below, checkInvariants): replicas, probes on /q/health/*, resources,
//    security context, no Secret objects, TLS, database instances and backups, the realm.
//
// Needs the `yaml` package (JIXIAO_NODE_TOOLS/node_modules, set by .ci/k8s-check.sh).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const YAML = process.env.JIXIAO_NODE_TOOLS
  ? createRequire(join(resolve(process.env.JIXIAO_NODE_TOOLS), 'noop.js'))('yaml')
  : await import('yaml');
const REALM_FILE = join(here, '../base/keycloak/jixiao-realm.json');

// ------------------------------------------------------------------ allow-list of fields

const S = 'string';
const I = 'integer';
const B = 'boolean';
const Q = 'quantity'; // "500m", "1Gi", 2
const IS = 'int-or-string';
const MAP = 'map<string,string>';
const ANY = 'any';

const metadata = { name: S, namespace: S, labels: MAP, annotations: MAP };
const labelSelector = { matchLabels: MAP, matchExpressions: [{ key: S, operator: S, values: [S] }] };
const secretKeySelector = { name: S, key: S, optional: B };
const resources = { requests: { cpu: Q, memory: Q }, limits: { cpu: Q, memory: Q } };
const probe = {
  httpGet: { path: S, port: IS, scheme: S },
  initialDelaySeconds: I, periodSeconds: I, timeoutSeconds: I, failureThreshold: I, successThreshold: I,
};
const container = {
  name: S, image: S, imagePullPolicy: S,
  ports: [{ name: S, containerPort: I, protocol: S }],
  envFrom: [{ configMapRef: { name: S }, secretRef: { name: S } }],
  env: [{ name: S, value: S, valueFrom: { secretKeyRef: secretKeySelector, configMapKeyRef: secretKeySelector, fieldRef: { fieldPath: S } } }],
  resources,
  startupProbe: probe, livenessProbe: probe, readinessProbe: probe,
  securityContext: {
    runAsNonRoot: B, runAsUser: I, runAsGroup: I, allowPrivilegeEscalation: B, readOnlyRootFilesystem: B,
    capabilities: { drop: [S], add: [S] }, seccompProfile: { type: S },
  },
  volumeMounts: [{ name: S, mountPath: S, readOnly: B }],
};
const podSpec = {
  serviceAccountName: S, automountServiceAccountToken: B, terminationGracePeriodSeconds: I,
  securityContext: { runAsNonRoot: B, runAsUser: I, runAsGroup: I, fsGroup: I, seccompProfile: { type: S } },
  topologySpreadConstraints: [{ maxSkew: I, topologyKey: S, whenUnsatisfiable: S, labelSelector }],
  containers: [container],
  volumes: [{ name: S, emptyDir: { sizeLimit: Q, medium: S } }],
};
const netPeer = { podSelector: labelSelector, namespaceSelector: labelSelector, ipBlock: { cidr: S, except: [S] } };
const netPort = { protocol: S, port: IS, endPort: I };
const cnpgCluster = {
  instances: I, primaryUpdateStrategy: S, imageName: S,
  bootstrap: { initdb: { database: S, owner: S } },
  postgresql: { parameters: MAP },
  storage: { size: Q, storageClass: S },
  resources,
  affinity: { enablePodAntiAffinity: B, topologyKey: S },
  backup: {
    retentionPolicy: S,
    barmanObjectStore: {
      destinationPath: S, endpointURL: S,
      s3Credentials: { accessKeyId: secretKeySelector, secretAccessKey: secretKeySelector },
      wal: { compression: S }, data: { compression: S },
    },
  },
};

const top = (spec, extra = {}) => ({ apiVersion: S, kind: S, metadata, ...(spec ? { spec } : {}), ...extra });

// kind → [apiVersion, allowed fields of the whole object]
export const FIELDS = {
  Namespace: ['v1', top(null)],
  ServiceAccount: ['v1', top(null, { automountServiceAccountToken: B })],
  ConfigMap: ['v1', top(null, { data: MAP })],
  Deployment: ['apps/v1', top({
    replicas: I, revisionHistoryLimit: I, selector: labelSelector,
    strategy: { type: S, rollingUpdate: { maxUnavailable: IS, maxSurge: IS } },
    template: { metadata: { labels: MAP, annotations: MAP }, spec: podSpec },
  })],
  Service: ['v1', top({ type: S, selector: MAP, ports: [{ name: S, port: I, targetPort: IS, protocol: S }] })],
  Ingress: ['networking.k8s.io/v1', top({
    ingressClassName: S,
    tls: [{ hosts: [S], secretName: S }],
    rules: [{ host: S, http: { paths: [{ path: S, pathType: S, backend: { service: { name: S, port: { name: S, number: I } } } }] } }],
  })],
  HorizontalPodAutoscaler: ['autoscaling/v2', top({
    scaleTargetRef: { apiVersion: S, kind: S, name: S }, minReplicas: I, maxReplicas: I,
    metrics: [{ type: S, resource: { name: S, target: { type: S, averageUtilization: I } } }],
  })],
  PodDisruptionBudget: ['policy/v1', top({ minAvailable: IS, maxUnavailable: IS, selector: labelSelector })],
  NetworkPolicy: ['networking.k8s.io/v1', top({
    podSelector: labelSelector, policyTypes: [S],
    ingress: [{ from: [netPeer], ports: [netPort] }],
    egress: [{ to: [netPeer], ports: [netPort] }],
  })],
  Cluster: ['postgresql.cnpg.io/v1', top(cnpgCluster)],
  ScheduledBackup: ['postgresql.cnpg.io/v1', top({
    schedule: S, immediate: B, backupOwnerReference: S, method: S, cluster: { name: S },
  })],
  Keycloak: ['k8s.keycloak.org/v2alpha1', top({
    instances: I,
    db: { vendor: S, host: S, port: I, database: S, usernameSecret: secretKeySelector, passwordSecret: secretKeySelector },
    http: { httpEnabled: B, httpPort: I },
    hostname: { hostname: S, backchannelDynamic: B },
    proxy: { headers: S },
    ingress: { enabled: B },
    resources,
  })],
  // The realm itself is Keycloak's RealmRepresentation: checked against jixiao-realm.json.
  KeycloakRealmImport: ['k8s.keycloak.org/v2alpha1', top({ keycloakCRName: S, realm: ANY })],
  Issuer: ['cert-manager.io/v1', top({ selfSigned: {} })],
};

function typeOk(v, t) {
  switch (t) {
    case S: return typeof v === 'string';
    case I: return Number.isInteger(v);
    case B: return typeof v === 'boolean';
    case Q: return typeof v === 'string' ? /^[0-9.]+(m|Ki|Mi|Gi|Ti|k|M|G)?$/.test(v) : typeof v === 'number';
    case IS: return Number.isInteger(v) || typeof v === 'string';
    default: return false;
  }
}

function walk(v, spec, path, errors) {
  if (spec === ANY) return;
  if (spec === MAP) {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return errors.push(`${path}: expected a map of strings`);
    for (const [k, x] of Object.entries(v)) if (typeof x !== 'string') errors.push(`${path}.${k}: expected a string, got ${JSON.stringify(x)}`);
    return;
  }
  if (typeof spec === 'string') {
    if (!typeOk(v, spec)) errors.push(`${path}: expected ${spec}, got ${JSON.stringify(v)}`);
    return;
  }
  if (Array.isArray(spec)) {
    if (!Array.isArray(v)) return errors.push(`${path}: expected a list`);
    v.forEach((x, i) => walk(x, spec[0], `${path}[${i}]`, errors));
    return;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return errors.push(`${path}: expected an object`);
  for (const [k, x] of Object.entries(v)) {
    if (!(k in spec)) errors.push(`${path}.${k}: unknown field (not in the allow-list of k8s/tools/check-manifests.mjs)`);
    else walk(x, spec[k], `${path}.${k}`, errors);
  }
}

export function checkFields(objects) {
  const errors = [];
  for (const o of objects) {
    const id = `${o?.kind ?? '?'}/${o?.metadata?.name ?? '?'}`;
    if (o?.kind === 'Secret') {
      errors.push(`${id}: a Secret in the manifests; secrets are created in the cluster and only referenced here`);
      continue;
    }
    const entry = FIELDS[o?.kind];
    if (!entry) {
      errors.push(`${id}: kind ${o?.kind} is not one the manifests use (add it to FIELDS on purpose)`);
      continue;
    }
    if (o.apiVersion !== entry[0]) errors.push(`${id}: apiVersion ${o.apiVersion}, expected ${entry[0]}`);
    if (!o.metadata?.name) errors.push(`${id}: metadata.name is missing`);
    walk(o, entry[1], id, errors);
  }
  return errors;
}

// ------------------------------------------------------------------ invariants

const selects = (selector, labels) =>
  Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels?.[k] === v) &&
  (selector?.matchExpressions ?? []).every((e) => {
    const has = labels && e.key in labels;
    if (e.operator === 'In') return has && e.values.includes(labels[e.key]);
    if (e.operator === 'NotIn') return !has || !e.values.includes(labels[e.key]);
    if (e.operator === 'Exists') return has;
    if (e.operator === 'DoesNotExist') return !has;
    return false;
  });

const EXPECT = {
  base: { minReplicas: 2, hpaMin: 2, hpaMax: 6, keycloakInstances: 2, realmWithoutUsers: false, pdbMinAvailable: true },
  dev: { minReplicas: 1, hpaMin: 1, hpaMax: undefined, keycloakInstances: 1, realmWithoutUsers: false, pdbMinAvailable: false },
  prod: { minReplicas: 2, hpaMin: 2, hpaMax: 6, keycloakInstances: 2, realmWithoutUsers: true, pdbMinAvailable: true },
};

export function checkInvariants(objects, overlay) {
  const ex = EXPECT[overlay];
  if (!ex) throw new Error(`unknown overlay ${overlay} (base, dev, prod)`);
  const errors = [];
  const err = (m) => errors.push(m);
  const all = (kind) => objects.filter((o) => o?.kind === kind);
  const one = (kind, name) => objects.find((o) => o?.kind === kind && o.metadata?.name === name);

  for (const o of objects) {
    if (o?.kind !== 'Namespace' && o?.metadata?.namespace !== 'jixiao') err(`${o?.kind}/${o?.metadata?.name}: namespace ${o?.metadata?.namespace}, expected jixiao`);
    if (o?.data && o.kind !== 'ConfigMap') err(`${o.kind}/${o.metadata?.name}: carries data`);
  }

  // --- the app
  const dep = one('Deployment', 'jixiao');
  if (!dep) err('Deployment/jixiao is missing');
  const configMaps = all('ConfigMap');
  if (dep) {
    const id = 'Deployment/jixiao';
    const spec = dep.spec ?? {};
    if (!(spec.replicas >= ex.minReplicas)) err(`${id}: replicas ${spec.replicas}, expected ≥ ${ex.minReplicas} in ${overlay}`);
    const pod = spec.template?.spec ?? {};
    const podLabels = spec.template?.metadata?.labels ?? {};
    if (!selects(spec.selector, podLabels)) err(`${id}: the selector does not select the pod template`);
    if (pod.automountServiceAccountToken !== false) err(`${id}: automountServiceAccountToken must be false`);
    const sa = one('ServiceAccount', pod.serviceAccountName);
    if (!sa) err(`${id}: service account ${pod.serviceAccountName} is not in the manifests`);
    else if (sa.automountServiceAccountToken !== false) err(`ServiceAccount/${sa.metadata.name}: automountServiceAccountToken must be false`);
    const psc = pod.securityContext ?? {};
    if (psc.seccompProfile?.type !== 'RuntimeDefault') err(`${id}: pod seccompProfile must be RuntimeDefault`);
    if (psc.runAsNonRoot === false) err(`${id}: pod runAsNonRoot must not be false`);
    const containers = pod.containers ?? [];
    if (containers.length === 0) err(`${id}: no containers`);
    for (const c of containers) {
      const cid = `${id} container ${c.name}`;
      const sc = c.securityContext ?? {};
      const eff = (k) => sc[k] ?? psc[k];
      if (eff('runAsNonRoot') !== true) err(`${cid}: runAsNonRoot must be true`);
      if (eff('runAsUser') !== 185) err(`${cid}: runAsUser must be 185 (the Quarkus UBI image user), got ${eff('runAsUser')}`);
      if (sc.readOnlyRootFilesystem !== true) err(`${cid}: readOnlyRootFilesystem must be true`);
      if (sc.allowPrivilegeEscalation !== false) err(`${cid}: allowPrivilegeEscalation must be false`);
      if (!(sc.capabilities?.drop ?? []).includes('ALL')) err(`${cid}: capabilities must drop ALL`);
      if ((sc.capabilities?.add ?? []).length) err(`${cid}: adds capabilities`);
      if ((sc.seccompProfile?.type ?? psc.seccompProfile?.type) !== 'RuntimeDefault') err(`${cid}: seccompProfile must be RuntimeDefault`);
      for (const kind of ['requests', 'limits']) {
        for (const r of ['cpu', 'memory']) {
          if (c.resources?.[kind]?.[r] === undefined) err(`${cid}: resources.${kind}.${r} is missing`);
        }
      }
      if (!/^[^:@]+(:[A-Za-z0-9._-]+|@sha256:[0-9a-f]{64})$/.test(c.image ?? '') || /:latest$/.test(c.image)) {
        err(`${cid}: image ${c.image} must carry a fixed tag or digest`);
      }
      const probes = { startupProbe: '/q/health/started', livenessProbe: '/q/health/live', readinessProbe: '/q/health/ready' };
      const ports = new Set((c.ports ?? []).flatMap((p) => [p.name, p.containerPort]));
      for (const [p, path] of Object.entries(probes)) {
        if (c[p]?.httpGet?.path !== path) err(`${cid}: ${p} must GET ${path}, got ${c[p]?.httpGet?.path}`);
        else if (!ports.has(c[p].httpGet.port)) err(`${cid}: ${p} port ${c[p].httpGet.port} is not a container port`);
      }
      const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === '/tmp');
      const vol = tmp && (pod.volumes ?? []).find((v) => v.name === tmp.name);
      if (!vol?.emptyDir) err(`${cid}: needs an emptyDir mounted at /tmp (read-only root filesystem)`);
      for (const e of c.env ?? []) {
        if (/PASSWORD|SECRET|TOKEN|CREDENTIAL/i.test(e.name) && !e.valueFrom?.secretKeyRef) {
          err(`${cid}: env ${e.name} must come from a secretKeyRef, not a literal`);
        }
        if (e.valueFrom?.secretKeyRef && !(e.valueFrom.secretKeyRef.name && e.valueFrom.secretKeyRef.key)) err(`${cid}: env ${e.name}: secretKeyRef needs name and key`);
      }
      const refs = (c.env ?? []).filter((e) => e.valueFrom?.secretKeyRef?.name === 'jixiao-db-app').map((e) => e.valueFrom.secretKeyRef.key).sort();
      if (!isDeepStrictEqual(refs, ['password', 'username'])) err(`${cid}: the database credentials must come from secret jixiao-db-app (username, password)`);
      for (const ef of c.envFrom ?? []) {
        if (ef.secretRef) err(`${cid}: envFrom secretRef: reference single keys instead`);
        if (ef.configMapRef && !configMaps.some((m) => m.metadata.name === ef.configMapRef.name)) err(`${cid}: envFrom ConfigMap ${ef.configMapRef.name} is not in the manifests`);
      }
      const cm = configMaps.find((m) => (c.envFrom ?? []).some((ef) => ef.configMapRef?.name === m.metadata.name));
      const d = cm?.data ?? {};
      if (!/^jdbc:postgresql:\/\/jixiao-db-rw[:/]/.test(d.QUARKUS_DATASOURCE_JDBC_URL ?? '')) err(`${cid}: QUARKUS_DATASOURCE_JDBC_URL must point at jixiao-db-rw, got ${d.QUARKUS_DATASOURCE_JDBC_URL}`);
      if (!/\/realms\/jixiao$/.test(d.OIDC_AUTH_SERVER_URL ?? '')) err(`${cid}: OIDC_AUTH_SERVER_URL must name the realm jixiao`);
      if (d.JIXIAO_EMBEDDED_POSTGRES !== 'false') err(`${cid}: JIXIAO_EMBEDDED_POSTGRES must be "false"`);
      if (d.QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING !== 'true' || d.QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED !== 'true') err(`${cid}: proxy address forwarding must be on`);
      if (!d.QUARKUS_HTTP_PROXY_TRUSTED_PROXIES) err(`${cid}: QUARKUS_HTTP_PROXY_TRUSTED_PROXIES must be set`);
      if (!/-XX:MaxRAMPercentage=75/.test(d.JDK_JAVA_OPTIONS ?? '') || !/-XX:\+ExitOnOutOfMemoryError/.test(d.JDK_JAVA_OPTIONS ?? '')) err(`${cid}: JDK_JAVA_OPTIONS must set -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError`);
      for (const k of Object.keys(d)) if (/PASSWORD|SECRET/i.test(k)) err(`ConfigMap/${cm.metadata.name}: ${k} looks secret; use a secretKeyRef`);
    }

    // Service, HPA, PDB follow the Deployment
    const svc = one('Service', 'jixiao');
    if (!svc || !selects({ matchLabels: svc.spec?.selector }, podLabels)) err('Service/jixiao must select the app pods');
    const hpa = all('HorizontalPodAutoscaler').find((h) => h.spec?.scaleTargetRef?.name === 'jixiao');
    if (!hpa) err('no HorizontalPodAutoscaler scales Deployment/jixiao');
    else {
      const cpu = (hpa.spec.metrics ?? []).find((m) => m.resource?.name === 'cpu');
      if (hpa.spec.scaleTargetRef.kind !== 'Deployment') err('HorizontalPodAutoscaler/jixiao: must target the Deployment');
      if (!(hpa.spec.minReplicas >= ex.hpaMin)) err(`HorizontalPodAutoscaler/jixiao: minReplicas ${hpa.spec.minReplicas}, expected ≥ ${ex.hpaMin}`);
      if (ex.hpaMax !== undefined && hpa.spec.maxReplicas !== ex.hpaMax) err(`HorizontalPodAutoscaler/jixiao: maxReplicas ${hpa.spec.maxReplicas}, expected ${ex.hpaMax}`);
      if (!(hpa.spec.maxReplicas >= hpa.spec.minReplicas)) err('HorizontalPodAutoscaler/jixiao: maxReplicas below minReplicas');
      if (overlay !== 'dev' && !(hpa.spec.minReplicas <= spec.replicas)) err('HorizontalPodAutoscaler/jixiao: minReplicas above the Deployment replicas');
      if (cpu?.resource?.target?.type !== 'Utilization' || cpu.resource.target.averageUtilization !== 70) err('HorizontalPodAutoscaler/jixiao: CPU target must be 70 % utilization');
    }
    const pdb = all('PodDisruptionBudget').find((p) => selects(p.spec?.selector, podLabels));
    if (!pdb) err('no PodDisruptionBudget covers the app pods');
    else if (ex.pdbMinAvailable && pdb.spec.minAvailable !== 1) err(`PodDisruptionBudget/${pdb.metadata.name}: minAvailable must be 1`);

    // network policies of the app pods
    const nps = all('NetworkPolicy');
    const denyAll = nps.find((n) => Object.keys(n.spec?.podSelector ?? {}).length === 0 &&
      ['Ingress', 'Egress'].every((t) => (n.spec.policyTypes ?? []).includes(t)) && !n.spec.ingress && !n.spec.egress);
    if (!denyAll) err('no default-deny NetworkPolicy (podSelector {}, Ingress and Egress, no rules)');
    const portsOf = (rule) => (rule.ports ?? []).map((p) => `${p.protocol ?? 'TCP'}/${p.port}`);
    const ns = (peer) => peer.namespaceSelector?.matchLabels?.['kubernetes.io/metadata.name'];
    for (const n of nps.filter((x) => selects(x.spec?.podSelector, podLabels))) {
      const nid = `NetworkPolicy/${n.metadata.name}`;
      for (const r of n.spec.ingress ?? []) {
        const fromOk = (r.from ?? []).length > 0 && r.from.every((p) => ns(p) === 'ingress-nginx' && !p.ipBlock);
        const portsOk = portsOf(r).length > 0 && portsOf(r).every((p) => p === 'TCP/8080');
        if (!fromOk || !portsOk) err(`${nid}: the app admits ingress only from the ingress-nginx namespace on TCP 8080, got ${JSON.stringify(r)}`);
      }
      for (const r of n.spec.egress ?? []) {
        const to = r.to ?? [];
        const ports = portsOf(r);
        const dns = to.length > 0 && to.every((p) => ns(p) === 'kube-system' && !p.ipBlock) && ports.length > 0 && ports.every((p) => /^(UDP|TCP)\/53$/.test(p));
        const db = to.length > 0 && to.every((p) => p.podSelector?.matchLabels?.['cnpg.io/cluster'] === 'jixiao-db' && !p.namespaceSelector && !p.ipBlock) && ports.length > 0 && ports.every((p) => p === 'TCP/5432');
        const kc = to.length > 0 && to.every((p) => p.podSelector?.matchLabels?.app === 'keycloak' && !p.namespaceSelector && !p.ipBlock) && ports.length > 0 && ports.every((p) => p === 'TCP/8080' || p === 'TCP/8443');
        if (!dns && !db && !kc) err(`${nid}: the app may reach only jixiao-db:5432, Keycloak:8080/8443 and DNS in kube-system:53, got ${JSON.stringify(r)}`);
      }
    }
  }

  // --- ingress
  const ing = one('Ingress', 'jixiao');
  if (!ing) err('Ingress/jixiao is missing');
  for (const i of all('Ingress')) {
    const iid = `Ingress/${i.metadata.name}`;
    const tls = i.spec?.tls ?? [];
    if (tls.length === 0) err(`${iid}: no tls`);
    const tlsHosts = new Set(tls.flatMap((t) => t.hosts ?? []));
    for (const r of i.spec?.rules ?? []) if (!tlsHosts.has(r.host)) err(`${iid}: host ${r.host} is not covered by tls`);
    if (i.metadata.annotations?.['nginx.ingress.kubernetes.io/ssl-redirect'] !== 'true') err(`${iid}: needs nginx.ingress.kubernetes.io/ssl-redirect "true"`);
    for (const r of i.spec?.rules ?? []) {
      for (const p of r.http?.paths ?? []) {
        const name = p.backend?.service?.name;
        if (name === 'jixiao' && !one('Service', 'jixiao')) err(`${iid}: backend Service jixiao is missing`);
      }
    }
  }
  if (ing && !(ing.spec?.tls ?? []).some((t) => t.secretName === 'jixiao-tls')) err('Ingress/jixiao: tls secret must be jixiao-tls');

  // --- databases
  const db = one('Cluster', 'jixiao-db');
  if (!db) err('Cluster/jixiao-db is missing');
  for (const c of all('Cluster')) {
    const cid = `Cluster/${c.metadata.name}`;
    if (c.spec?.instances !== 3) err(`${cid}: instances ${c.spec?.instances}, expected 3`);
    const b = c.spec?.backup;
    const store = b?.barmanObjectStore;
    if (!store) err(`${cid}: no backup.barmanObjectStore`);
    else {
      if (!/^s3:\/\//.test(store.destinationPath ?? '')) err(`${cid}: backup destinationPath must be an s3:// URL`);
      const cr = store.s3Credentials ?? {};
      if (!(cr.accessKeyId?.name && cr.accessKeyId?.key && cr.secretAccessKey?.name && cr.secretAccessKey?.key)) err(`${cid}: s3Credentials must reference a secret (name and key)`);
    }
    if (b?.retentionPolicy !== '30d') err(`${cid}: backup.retentionPolicy must be "30d"`);
    if (!all('ScheduledBackup').some((s) => s.spec?.cluster?.name === c.metadata.name)) err(`${cid}: no ScheduledBackup`);
    if (!c.spec?.storage?.size) err(`${cid}: storage.size is missing`);
  }
  for (const s of all('ScheduledBackup')) {
    if (!one('Cluster', s.spec?.cluster?.name)) err(`ScheduledBackup/${s.metadata.name}: cluster ${s.spec?.cluster?.name} is not in the manifests`);
    if ((s.spec?.schedule ?? '').trim().split(/\s+/).length !== 6) err(`ScheduledBackup/${s.metadata.name}: CloudNativePG schedules have six fields (seconds first)`);
  }

  // --- Keycloak
  const kc = one('Keycloak', 'keycloak');
  if (!kc) err('Keycloak/keycloak is missing');
  else {
    if (!(kc.spec?.instances >= ex.keycloakInstances)) err(`Keycloak/keycloak: instances ${kc.spec?.instances}, expected ≥ ${ex.keycloakInstances}`);
    const d = kc.spec?.db ?? {};
    if (!(d.usernameSecret?.name && d.usernameSecret?.key && d.passwordSecret?.name && d.passwordSecret?.key)) err('Keycloak/keycloak: db credentials must reference a secret');
    if (!/^https:\/\//.test(kc.spec?.hostname?.hostname ?? '')) err('Keycloak/keycloak: hostname must be an https:// URL');
    const host = (kc.spec?.hostname?.hostname ?? '').replace(/^https:\/\//, '').replace(/\/.*$/, '');
    const kcIng = one('Ingress', 'keycloak');
    if (!kcIng || !(kcIng.spec?.rules ?? []).some((r) => r.host === host)) err(`Keycloak/keycloak: no Ingress serves its hostname ${host}`);
  }
  const imports = all('KeycloakRealmImport');
  if (imports.length !== 1) err(`expected one KeycloakRealmImport, found ${imports.length}`);
  const realmFile = JSON.parse(readFileSync(REALM_FILE, 'utf8'));
  for (const ri of imports) {
    const rid = `KeycloakRealmImport/${ri.metadata.name}`;
    if (!one('Keycloak', ri.spec?.keycloakCRName)) err(`${rid}: keycloakCRName ${ri.spec?.keycloakCRName} is not a Keycloak in the manifests`);
    const expected = structuredClone(realmFile);
    if (ex.realmWithoutUsers) delete expected.users;
    if (!isDeepStrictEqual(ri.spec?.realm, expected)) {
      err(`${rid}: spec.realm is not k8s/base/keycloak/jixiao-realm.json${ex.realmWithoutUsers ? ' less its users' : ''} (regenerate: node k8s/tools/generate-realm-import.mjs)`);
    }
    if (ex.realmWithoutUsers && (ri.spec?.realm?.users ?? []).length) err(`${rid}: the demo users (public password) must not be imported in ${overlay}`);
  }
  return errors;
}

export function parseRendered(text) {
  const docs = YAML.parseAllDocuments(text, { uniqueKeys: true, strict: true, prettyErrors: true });
  const errors = [];
  const objects = [];
  for (const d of docs) {
    for (const e of d.errors) errors.push(`YAML: ${e.message}`);
    const o = d.toJS();
    if (o !== null && o !== undefined) objects.push(o);
  }
  return { objects, errors };
}

export function checkAll(objects, overlay) {
  return [...checkFields(objects), ...checkInvariants(objects, overlay)];
}

// ------------------------------------------------------------------ self-test

function selfTest(objects) {
  const find = (o, kind, name) => o.find((x) => x.kind === kind && x.metadata.name === name);
  const dep = (o) => find(o, 'Deployment', 'jixiao');
  const ctr = (o) => dep(o).spec.template.spec.containers[0];
  const cases = [
    ['unknown field replicaz', 'unknown field', (o) => { dep(o).spec.replicaz = 2; }],
    ['unknown field in a container', 'unknown field', (o) => { ctr(o).livenesProbe = ctr(o).livenessProbe; }],
    ['unknown kind', 'is not one the manifests use', (o) => { o.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x', namespace: 'jixiao' } }); }],
    ['wrong apiVersion', 'expected autoscaling/v2', (o) => { find(o, 'HorizontalPodAutoscaler', 'jixiao').apiVersion = 'autoscaling/v1'; }],
    ['missing limits', 'resources.limits.cpu is missing', (o) => { delete ctr(o).resources.limits; }],
    ['missing memory request', 'resources.requests.memory is missing', (o) => { delete ctr(o).resources.requests.memory; }],
    ['runAsNonRoot false', 'runAsNonRoot', (o) => { dep(o).spec.template.spec.securityContext.runAsNonRoot = false; ctr(o).securityContext.runAsNonRoot = false; }],
    ['writable root filesystem', 'readOnlyRootFilesystem must be true', (o) => { ctr(o).securityContext.readOnlyRootFilesystem = false; }],
    ['privilege escalation', 'allowPrivilegeEscalation must be false', (o) => { delete ctr(o).securityContext.allowPrivilegeEscalation; }],
    ['service account token mounted', 'automountServiceAccountToken must be false', (o) => { dep(o).spec.template.spec.automountServiceAccountToken = true; }],
    ['one replica in prod', 'replicas 1', (o) => { dep(o).spec.replicas = 1; }],
    ['liveness probe elsewhere', 'livenessProbe must GET /q/health/live', (o) => { ctr(o).livenessProbe.httpGet.path = '/health'; }],
    ['no startup probe', 'startupProbe must GET /q/health/started', (o) => { delete ctr(o).startupProbe; }],
    ['latest image', 'fixed tag', (o) => { ctr(o).image = 'registry.example.gov.cn/jixiao/jixiao:latest'; }],
    ['literal password', 'must come from a secretKeyRef', (o) => { ctr(o).env.push({ name: 'QUARKUS_DATASOURCE_PASSWORD', value: 'hunter2' }); }],
    ['Secret with data', 'a Secret in the manifests', (o) => { o.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'jixiao-db-app', namespace: 'jixiao' }, data: { password: 'aHVudGVyMg==' } }); }],
    ['ingress without tls', 'Ingress/jixiao: no tls', (o) => { delete find(o, 'Ingress', 'jixiao').spec.tls; }],
    ['no default deny', 'no default-deny', (o) => { o.splice(o.indexOf(find(o, 'NetworkPolicy', 'default-deny-all')), 1); }],
    ['app egress anywhere', 'the app may reach only', (o) => { find(o, 'NetworkPolicy', 'jixiao-egress').spec.egress.push({ ports: [{ protocol: 'TCP', port: 443 }] }); }],
    ['app ingress from anywhere', 'admits ingress only from the ingress-nginx', (o) => { find(o, 'NetworkPolicy', 'jixiao-ingress').spec.ingress[0].from = [{ ipBlock: { cidr: '0.0.0.0/0' } }]; }],
    ['one database instance', 'instances 1, expected 3', (o) => { find(o, 'Cluster', 'jixiao-db').spec.instances = 1; }],
    ['no backup', 'no backup.barmanObjectStore', (o) => { delete find(o, 'Cluster', 'jixiao-db').spec.backup; }],
    ['unknown CNPG field', 'unknown field', (o) => { find(o, 'Cluster', 'jixiao-db').spec.instanceCount = 3; }],
    ['unknown Keycloak field', 'unknown field', (o) => { find(o, 'Keycloak', 'keycloak').spec.hostnames = {}; }],
    ['realm drift', 'spec.realm is not', (o) => { o.find((x) => x.kind === 'KeycloakRealmImport').spec.realm.sslRequired = 'none'; }],
    ['demo users in prod', 'spec.realm is not', (o) => { o.find((x) => x.kind === 'KeycloakRealmImport').spec.realm.users = [{ username: 'mzj' }]; }],
  ];
  const base = checkAll(objects, 'prod');
  let passed = 0;
  let failed = 0;
  if (base.length === 0) {
    passed++;
    console.log('k8s-self-test: ok     the rendered prod overlay passes unchanged');
  } else {
    failed++;
    console.log(`k8s-self-test: FAILED the rendered prod overlay does not pass unchanged: ${base.join('; ')}`);
  }
  for (const [name, expect, mutate] of cases) {
    const o = structuredClone(objects);
    mutate(o);
    const errs = checkAll(o, 'prod');
    const hit = errs.find((e) => e.includes(expect));
    if (hit) {
      passed++;
      console.log(`k8s-self-test: ok     ${name}: ${hit}`);
    } else {
      failed++;
      console.log(`k8s-self-test: FAILED ${name}: expected an error containing "${expect}", got ${errs.length ? errs.join('; ') : 'none'}`);
    }
  }
  console.log(`k8s-self-test: ${passed} passed, ${failed} failed`);
  return failed === 0;
}

// ------------------------------------------------------------------ main

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--overlay');
  if (!file) {
    console.error('usage: check-manifests.mjs --overlay base|dev|prod RENDERED.yaml | --self-test RENDERED-PROD.yaml');
    process.exit(2);
  }
  const { objects, errors: parseErrors } = parseRendered(readFileSync(file, 'utf8'));
  if (parseErrors.length) {
    for (const e of parseErrors) console.log(`  ${e}`);
    process.exit(1);
  }
  if (args.includes('--self-test')) process.exit(selfTest(objects) ? 0 : 1);
  const overlay = args[args.indexOf('--overlay') + 1];
  const errors = checkAll(objects, overlay);
  const kinds = [...new Set(objects.map((o) => o.kind))].sort().join(', ');
  if (errors.length) {
    for (const e of errors) console.log(`  ${e}`);
    console.log(`k8s-check: FAILED ${overlay}: ${errors.length} problem(s) in ${objects.length} objects`);
    process.exit(1);
  }
  console.log(`k8s-check: ok     ${overlay}: ${objects.length} objects (${kinds})`);
}
