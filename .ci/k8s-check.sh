#!/usr/bin/env bash
# Kubernetes manifests: renders the base and every overlay with `kubectl kustomize` (offline)
# and checks each rendered object with k8s/tools/check-manifests.mjs:
#   - core objects against the Kubernetes API schemas (kubernetes-models + the field set of
#     @kubernetes/client-node's models: unknown fields fail), custom resources against the
#     operators' CRDs in ../shared/k8s-crds (CloudNativePG 1.30, Keycloak operator 26; unknown
#     fields fail), and the few kinds without a CRD there against k8s/tools/schemas/;
#   - the project's rules (at most one app pod down, probes and metrics on the management
#     port, memory that fits, no network policy that admits everything — the Keycloak
#     operator's included —, backups through the Barman Cloud plugin, the production realm…);
# then that the realm imports are generated from k8s/base/keycloak/jixiao-realm.json, and the
# checker's self-test (real mistakes planted in the prod rendering must each be caught).
#
#   bash .ci/k8s-check.sh
#
# Needs kubectl (≥ 1.27, for its built-in kustomize; on the machine image) and node ≥ 20 with
# npm (registry access on the first run: the versions locked in k8s/tools/package-lock.json go
# to target/tools/k8s). Rendered output is kept in target/k8s/<overlay>.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

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
# The checker's packages, exactly as locked; reinstalled when the lock changes.
if ! cmp -s k8s/tools/package-lock.json "$TOOLS/package-lock.json" || [[ ! -d $TOOLS/node_modules ]]; then
  echo "== k8s-check: installing the checker's packages (k8s/tools/package-lock.json) into $TOOLS"
  mkdir -p "$TOOLS"
  cp k8s/tools/package.json k8s/tools/package-lock.json "$TOOLS/"
  (cd "$TOOLS" && npm ci --no-audit --no-fund --loglevel=error --engine-strict=false)
fi
export JIXIAO_NODE_TOOLS=$TOOLS
echo "== k8s-check: $(kubectl version --client 2>/dev/null | head -n 2 | tr '\n' ' ')"

status=0
echo "== k8s-check: the realm imports are generated from k8s/base/keycloak/jixiao-realm.json"
node k8s/tools/generate-realm-import.mjs --check || status=1

mkdir -p "$OUT"
for overlay in base dev prod restore; do
  dir=k8s/overlays/$overlay
  [[ $overlay == base ]] && dir=k8s/base
  [[ $overlay == restore ]] && dir=k8s/restore   # the point-in-time recovery template
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
  node k8s/tools/check-manifests.mjs --self-test "$OUT/prod.yaml" 2>&1 | tee "$OUT/self-test.log" | grep -v '^self-test: caught' || true
  grep -qE '^self-test: [0-9]+ passed, 0 failed$' "$OUT/self-test.log" || status=1
else
  echo "k8s-check: FAILED no rendered prod overlay for the self-test"
  status=1
fi

echo "== k8s-check: $([[ $status == 0 ]] && echo ok || echo FAILED) in $(( $(date +%s) - started )) s"
exit "$status"
