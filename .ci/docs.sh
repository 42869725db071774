#!/usr/bin/env bash
# API documentation: builds a self-contained HTML reference of openapi/openapi.yaml with Redocly
# (Redoc scripts inlined, so the page works offline) into target/generated-docs/index.html.
# The build adds target/generated-docs as a resource under META-INF/resources/docs, so the app
# serves it at /docs/. Run it before `mvn verify`.
#
#   bash .ci/docs.sh
#
# Needs node ≥ 20.19 and npm (registry access on the first run). Installs @redocly/cli into
# target/tools/docs (JIXIAO_TOOLS_DIR overrides target/tools).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

REDOCLY_VERSION=2.77.0
TOOLS=$(realpath -m "${JIXIAO_TOOLS_DIR:-target/tools}/docs")
OUT=target/generated-docs/index.html
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "docs: node and npm are needed (Debian: apt-get install -y nodejs npm)" >&2
  exit 1
fi

if [[ ! -f "$TOOLS/node_modules/@redocly/cli/package.json" ]] ||
   [[ "$(node -p "require('$TOOLS/node_modules/@redocly/cli/package.json').version")" != "$REDOCLY_VERSION" ]]; then
  echo "== docs: installing @redocly/cli@$REDOCLY_VERSION into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$TOOLS" "@redocly/cli@$REDOCLY_VERSION"
fi

echo "== docs: redocly build-docs openapi/openapi.yaml --output $OUT --inlineBundle"
mkdir -p "$(dirname "$OUT")"
rm -f "$OUT"
# Redocly prints a framed Node.js deprecation notice on Node 20; keep the log readable.
"$TOOLS/node_modules/.bin/redocly" build-docs openapi/openapi.yaml --output "$OUT" --inlineBundle \
  --title "Jixiao API reference" 2>&1 | grep -vE '^\s*[║╔╚]|^\s*$' || true

# The page must exist, carry the contract's operations, and load no script from elsewhere.
fail() { echo "docs: FAILED $*" >&2; exit 1; }
[[ -s "$OUT" ]] || fail "$OUT was not written"
for op in listProjects submitScores getEvaluationResult; do
  grep -q "$op" "$OUT" || fail "$OUT does not mention the operation $op"
done
if grep -qE '<script[^>]+src="https?://' "$OUT"; then
  fail "$OUT loads a script from the network (is --inlineBundle still honoured?)"
fi
echo "docs: ok: $OUT ($(( $(stat -c %s "$OUT") / 1024 )) KiB) in $(( $(date +%s) - started )) s"
