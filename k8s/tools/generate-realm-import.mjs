#!/usr/bin/env node
// Writes the realm imports of the Keycloak operator from k8s/base/keycloak/jixiao-realm.json,
// the realm that local runs (src/main/scripts/run.sh) and the smoke test import:
//
//   k8s/base/keycloak/realm-import.json       KeycloakRealmImport, spec.realm = the file as is
//                                             (base and dev: demo users, the password-grant
//                                             client jixiao-cli for scripts and CI)
//   k8s/overlays/prod/realm-prod.patch.json   JSON patch replacing spec.realm with the
//                                             production realm: prodRealm() below
//
// Kustomize cannot embed a JSON file into a field of a custom resource (a configMapGenerator
// makes a string in a ConfigMap, and the operator wants an object), so both are generated and
// committed, and `--check` (run by .ci/k8s-check.sh) fails when either no longer matches.
//
//   node k8s/tools/generate-realm-import.mjs           # after changing jixiao-realm.json
//   node k8s/tools/generate-realm-import.mjs --check   # exit 1 when a generated file drifted
//
// No dependencies: both are written as JSON, which kustomize reads as YAML.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const k8s = join(dirname(fileURLToPath(import.meta.url)), '..');
const realmFile = join(k8s, 'base/keycloak/jixiao-realm.json');
const importFile = join(k8s, 'base/keycloak/realm-import.json');
const prodPatchFile = join(k8s, 'overlays/prod/realm-prod.patch.json');

// The production frontend's origin (PLACEHOLDER, as the Ingress host and JIXIAO_CORS_ORIGINS).
export const PROD_FRONTEND = 'https://jixiao.example.gov.cn';

/**
 * The production realm: the local realm's roles, user profile, mappers and frontend client,
 * with what only suits development taken out and what a government system needs put in.
 */
export function prodRealm(local) {
  const realm = structuredClone(local);
  // Demo users have a published password: development only. Real users come from the
  // district's directory or are created by its administrators.
  delete realm.users;
  // The password grant (jixiao-cli, for scripts and CI against dev) is not offered: people
  // sign in with the authorization code flow + PKCE through the frontend. A machine client,
  // when one is needed, is a confidential client with client credentials, made on purpose.
  realm.clients = realm.clients.filter((c) => c.directAccessGrantsEnabled !== true);
  for (const client of realm.clients) {
    client.directAccessGrantsEnabled = false;
    client.implicitFlowEnabled = false;
    client.attributes = {
      ...client.attributes,
      'pkce.code.challenge.method': 'S256',
      'oauth2.device.authorization.grant.enabled': 'false',
      'oidc.ciba.grant.enabled': 'false',
    };
    if (client.publicClient && client.standardFlowEnabled) {
      client.rootUrl = PROD_FRONTEND;
      client.redirectUris = [`${PROD_FRONTEND}/*`];
      client.webOrigins = [PROD_FRONTEND];
      client.attributes['post.logout.redirect.uris'] = `${PROD_FRONTEND}/*`;
    }
    // No offline tokens for browser sessions: a session ends with the working day.
    client.optionalClientScopes = (client.optionalClientScopes ?? []).filter((s) => s !== 'offline_access');
  }
  // Keycloak creates its command-line client admin-cli in every realm, with the password
  // grant, unless the import lists it: listed here, disabled (administrators use the master
  // realm's, inside the cluster). Seen in a real import (k8s/tools/try-realm-import.sh).
  realm.clients.push({
    clientId: 'admin-cli',
    name: '${client_admin-cli}',
    enabled: false,
    publicClient: true,
    protocol: 'openid-connect',
    standardFlowEnabled: false,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: false,
    serviceAccountsEnabled: false,
    fullScopeAllowed: false,
  });
  Object.assign(realm, {
    sslRequired: 'all',
    rememberMe: false,
    // Password guessing: after 5 failures the account waits 1 min, doubling up to 15 min;
    // failures are forgotten after 12 h; two attempts within 1 s wait 1 min.
    bruteForceProtected: true,
    permanentLockout: false,
    failureFactor: 5,
    waitIncrementSeconds: 60,
    maxFailureWaitSeconds: 900,
    maxDeltaTimeSeconds: 43200,
    quickLoginCheckMilliSeconds: 1000,
    minimumQuickLoginWaitSeconds: 60,
    passwordPolicy: 'length(12) and maxLength(128) and notUsername and notEmail and passwordHistory(5)',
    // Lifetimes: access tokens 5 min (the frontend refreshes them), an idle session ends after
    // 30 min, any session after 8 h (a working day); refresh tokens are single use.
    accessTokenLifespan: 300,
    accessCodeLifespan: 60,
    accessCodeLifespanUserAction: 300,
    accessCodeLifespanLogin: 1800,
    actionTokenGeneratedByUserLifespan: 300,
    actionTokenGeneratedByAdminLifespan: 43200,
    ssoSessionIdleTimeout: 1800,
    ssoSessionMaxLifespan: 28800,
    clientSessionIdleTimeout: 0,
    clientSessionMaxLifespan: 0,
    revokeRefreshToken: true,
    refreshTokenMaxReuse: 0,
    // Sign-in and administration are audited (events kept 180 days).
    eventsEnabled: true,
    eventsExpiration: 15552000,
    adminEventsEnabled: true,
    adminEventsDetailsEnabled: true,
  });
  // Not here: a limit of concurrent sessions per user (Keycloak's "User session count
  // limiter"). It needs a copy of the browser flow, and a realm import that lists any
  // authentication flow gets none of Keycloak's default browser, direct grant and registration
  // flows; k8s/README.md shows how to add it in the admin console after the import.
  return realm;
}

const realm = JSON.parse(readFileSync(realmFile, 'utf8'));
const outputs = [
  [importFile, {
    apiVersion: 'k8s.keycloak.org/v2alpha1',
    kind: 'KeycloakRealmImport',
    metadata: {
      name: `${realm.realm}-realm`,
      labels: { 'app.kubernetes.io/name': 'keycloak' },
      annotations: {
        'jixiao.example.gov.cn/generated-from': 'k8s/base/keycloak/jixiao-realm.json (node k8s/tools/generate-realm-import.mjs)',
      },
    },
    spec: { keycloakCRName: 'keycloak', realm },
  }],
  [prodPatchFile, [
    { op: 'replace', path: '/spec/realm', value: prodRealm(realm) },
    {
      op: 'replace',
      path: '/metadata/annotations/jixiao.example.gov.cn~1generated-from',
      value: 'k8s/base/keycloak/jixiao-realm.json through prodRealm() (node k8s/tools/generate-realm-import.mjs)',
    },
  ]],
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let drift = false;
  for (const [file, content] of outputs) {
    const text = `${JSON.stringify(content, null, 2)}\n`;
    const name = relative(join(k8s, '..'), file);
    if (process.argv.includes('--check')) {
      const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (current !== text) {
        console.error(`realm-import: FAILED ${name} does not match k8s/base/keycloak/jixiao-realm.json;`);
        drift = true;
      } else {
        console.log(`realm-import: ok: ${name} is generated from jixiao-realm.json`);
      }
    } else {
      writeFileSync(file, text);
      console.log(`realm-import: wrote ${name}`);
    }
  }
  if (drift) {
    console.error('realm-import:   run `node k8s/tools/generate-realm-import.mjs` and commit the result');
    process.exit(1);
  }
}
