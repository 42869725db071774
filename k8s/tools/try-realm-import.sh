#!/usr/bin/env bash
# Imports the realms of the rendered overlays into a real Keycloak (the distribution that
# src/main/scripts/run.sh uses, from the local Maven repository) with `kc.sh import` on a
# throwaway file database, and checks what the production realm became by exporting it again.
# Not part of CI (Keycloak takes ~1 min); run it after changing the realm or prodRealm():
#
#   flock /tmp/jixiao-test.lock bash k8s/tools/try-realm-import.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
KC_VERSION=$(sed -nE 's/^KC_VERSION=([0-9.]+)$/\1/p' src/main/scripts/run.sh)
ZIP=~/.m2/repository/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip
WORK=target/kc
mkdir -p "$WORK"
[[ -d $WORK/keycloak-$KC_VERSION ]] || unzip -q "$ZIP" -d "$WORK"
KC=$WORK/keycloak-$KC_VERSION
export YAML_MODULE=$(realpath -m "${JIXIAO_TOOLS_DIR:-target/tools}/k8s/node_modules/yaml")  # installed by .ci/k8s-check.sh
for overlay in dev prod; do
  kubectl kustomize "k8s/overlays/$overlay" | node -e '
    const { parseAllDocuments } = require(process.env.YAML_MODULE);
    const docs = parseAllDocuments(require("fs").readFileSync(0, "utf8")).map((d) => d.toJS());
    const ri = docs.find((d) => d && d.kind === "KeycloakRealmImport");
    process.stdout.write(JSON.stringify(ri.spec.realm));' >"$WORK/realm-$overlay.json"
  rm -rf "$KC/data"
  echo "== try-realm-import: $overlay"
  "$KC/bin/kc.sh" import --file "$WORK/realm-$overlay.json" --db dev-file >"$WORK/import-$overlay.log" 2>&1 ||
    { tail -40 "$WORK/import-$overlay.log"; echo "try-realm-import: FAILED $overlay"; exit 1; }
  "$KC/bin/kc.sh" export --realm jixiao --file "$WORK/export-$overlay.json" --db dev-file >"$WORK/export-$overlay.log" 2>&1 ||
    { tail -40 "$WORK/export-$overlay.log"; echo "try-realm-import: FAILED export $overlay"; exit 1; }
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const flows = r.authenticationFlows.map((f) => f.alias).sort();
    console.log(JSON.stringify({ browserFlow: r.browserFlow, directGrantFlow: r.directGrantFlow,
      clientAuthenticationFlow: r.clientAuthenticationFlow, bruteForceProtected: r.bruteForceProtected,
      clients: r.clients.map((c) => c.clientId + (c.enabled === false ? "(disabled)" : "") + (c.directAccessGrantsEnabled ? "(password grant)" : "")),
      users: (r.users ?? []).length, flows }, null, 1));' "$WORK/export-$overlay.json"
done
echo "try-realm-import: ok"
