#!/usr/bin/env bash
# Kubernetes manifests: renders the base and every overlay with `kubectl kustomize` (offline),
# checks each rendered object strictly (k8s/tools/check-manifests.mjs: allow-listed kinds and
# fields, so an unknown field fails, plus the invariants: replicas, probes, resources, security
# context, no Secrets, TLS, database instances and backups, the Keycloak realm), checks that
# the KeycloakRealmImport still embeds k8s/base/keycloak/jixiao-realm.json, and runs the
# checker's self-test (mutated objects must fail).
#
#   bash .ci/k8s-check.sh
#
# Needs kubectl (≥ 1.27, for its built-in kustomize) and node ≥ 20 with npm (registry access
# on the first run, for the `yaml` package, into target/tools/k8s). Rendered output is kept in
# target/k8s/<overlay>.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

YAML_VERSION=2.9.1
TOOLS=$(realpath -m "${JIXIAO_TOOLS_DIR:-target/tools}/k8s")
OUT=target/k8s

if ! command -v kubectl >/dev/null; then
  echo "k8s-check: FAILED kubectl is not installed. It renders the overlays (kubectl kustomize, no cluster needed)." >&2
  echo "k8s-check:   Install kubectl ≥ 1.27 (https://kubernetes.io/docs/tasks/tools/) and run this again." >&2
  exit 1
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "k8s-check: FAILED node and npm are needed (Debian: apt-get install -y nodejs npm)" >&2
  exit 1
fi
if [[ ! -f "$TOOLS/node_modules/yaml/package.json" ]] ||
   [[ "$(node -p "require('$TOOLS/node_modules/yaml/package.json').version")" != "$YAML_VERSION" ]]; then
  echo "== k8s-check: installing yaml@$YAML_VERSION into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$TOOLS" "yaml@$YAML_VERSION"
fi
export JIXIAO_NODE_TOOLS=$TOOLS
echo "== k8s-check: $(kubectl version --client 2>/dev/null | head -n 2 | tr '\n' ' ')"

status=0
echo "== k8s-check: the KeycloakRealmImport embeds k8s/base/keycloak/jixiao-realm.json"
node k8s/tools/generate-realm-import.mjs --check || status=1

mkdir -p "$OUT"
for overlay in base dev prod; do
  dir=k8s/overlays/$overlay
  [[ $overlay == base ]] && dir=k8s/base
  echo "== k8s-check: kubectl kustomize $dir > $OUT/$overlay.yaml"
  if ! kubectl kustomize "$dir" >"$OUT/$overlay.yaml"; then
    echo "k8s-check: FAILED kubectl kustomize $dir"
    status=1
    continue
  fi
  node k8s/tools/check-manifests.mjs --overlay "$overlay" "$OUT/$overlay.yaml" || status=1
done

echo "== k8s-check: self-test (mutated objects must fail the check)"
if [[ -s "$OUT/prod.yaml" ]]; then
  node k8s/tools/check-manifests.mjs --self-test "$OUT/prod.yaml" || status=1
else
  echo "k8s-check: FAILED no rendered prod overlay for the self-test"
  status=1
fi

echo "== k8s-check: $([[ $status == 0 ]] && echo ok || echo FAILED) in $(( $(date +%s) - started )) s"
exit "$status"
