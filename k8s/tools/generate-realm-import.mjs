#!/usr/bin/env node
// Writes k8s/base/keycloak/realm-import.json: a KeycloakRealmImport whose spec.realm is
// k8s/base/keycloak/jixiao-realm.json, the realm that local runs (src/main/scripts/run.sh)
// import. Kustomize cannot embed a JSON file into a field of a custom resource (a
// configMapGenerator makes a string in a ConfigMap, and the operator wants an object), so the
// resource is generated and committed, and `--check` (run by .ci/k8s-check.sh) fails when it
// no longer matches the realm file.
//
//   node k8s/tools/generate-realm-import.mjs           # after changing jixiao-realm.json
//   node k8s/tools/generate-realm-import.mjs --check   # exit 1 when realm-import.json drifted
//
// No dependencies: the resource is written as JSON, which kustomize reads as YAML.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../base/keycloak');
const realmFile = join(dir, 'jixiao-realm.json');
const outFile = join(dir, 'realm-import.json');

const realm = JSON.parse(readFileSync(realmFile, 'utf8'));
const resource = {
  apiVersion: 'k8s.keycloak.org/v2alpha1',
  kind: 'KeycloakRealmImport',
  metadata: {
    name: `${realm.realm}-realm`,
    labels: { 'app.kubernetes.io/name': 'keycloak' },
    annotations: {
      'jixiao.example.gov.cn/generated-from': 'k8s/base/keycloak/jixiao-realm.json (node k8s/tools/generate-realm-import.mjs)',
    },
  },
  spec: {
    keycloakCRName: 'keycloak',
    realm,
  },
};
const text = `${JSON.stringify(resource, null, 2)}\n`;

if (process.argv.includes('--check')) {
  const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (current !== text) {
    console.error('realm-import: FAILED k8s/base/keycloak/realm-import.json does not match jixiao-realm.json;');
    console.error('realm-import:   run `node k8s/tools/generate-realm-import.mjs` and commit the result');
    process.exit(1);
  }
  console.log('realm-import: ok: realm-import.json embeds jixiao-realm.json unchanged');
} else {
  writeFileSync(outFile, text);
  console.log(`realm-import: wrote ${outFile}`);
}
