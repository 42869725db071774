#!/usr/bin/env bash
# Contract quality: lints openapi/openapi.yaml against the house style (openapi/.spectral.yaml,
# warnings fail too), proves each house-style rule still fires (lint self-test), proves the
# breaking-change check still catches each kind of break (--self-test), then compares the
# working contract with the last released one (openapi/released/openapi.yaml).
#
#   bash .ci/contract.sh
#
# The breaking-change check is openapi-diff (org.openapitools.openapidiff:openapi-diff-core from
# Maven Central) run by tools/openapi-diff/CheckBreaking.java, with the house rules on top (a
# break needs a new major version; a removed named schema breaks generated clients).
# Needs node ≥ 20 and npm (lint), Java 17 and Maven (breaking-change check); registry access on
# the first run. Installs its tools into target/tools/contract and target/tools/openapi-diff
# (JIXIAO_TOOLS_DIR overrides target/tools). Exits non-zero on any finding. Release: copy openapi/openapi.yaml to openapi/released/openapi.yaml when a version
# ships; breaking changes after that need a new major info.version.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

SPECTRAL_VERSION=6.16.3
YAML_VERSION=2.9.1
TOOLS=$(realpath -m "${JIXIAO_TOOLS_DIR:-target/tools}/contract")
DIFF_LIB=$(realpath -m "${JIXIAO_TOOLS_DIR:-target/tools}/openapi-diff/lib")

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "contract: node and npm are needed (Debian: apt-get install -y nodejs npm)" >&2
  exit 1
fi

installed() { # DIR PACKAGE VERSION
  [[ -f "$1/node_modules/$2/package.json" ]] &&
    [[ "$(node -p "require('$1/node_modules/$2/package.json').version")" == "$3" ]]
}
if ! installed "$TOOLS" @stoplight/spectral-cli "$SPECTRAL_VERSION" || ! installed "$TOOLS" yaml "$YAML_VERSION"; then
  echo "== contract: installing @stoplight/spectral-cli@$SPECTRAL_VERSION and yaml@$YAML_VERSION into $TOOLS"
  mkdir -p "$TOOLS"
  npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$TOOLS" \
    "@stoplight/spectral-cli@$SPECTRAL_VERSION" "yaml@$YAML_VERSION"
fi
export JIXIAO_NODE_TOOLS=$TOOLS

# openapi-diff and what it needs, from Maven Central (once; the pom pins the version).
if [[ ! -f "$DIFF_LIB/.complete" || tools/openapi-diff/pom.xml -nt "$DIFF_LIB/.complete" ]]; then
  echo "== contract: fetching openapi-diff (tools/openapi-diff/pom.xml) into $DIFF_LIB"
  rm -rf "$DIFF_LIB"
  mvn -B -q -f tools/openapi-diff/pom.xml dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$DIFF_LIB"
  touch "$DIFF_LIB/.complete"
fi
check_breaking() { java -cp "$DIFF_LIB/*" tools/openapi-diff/CheckBreaking.java "$@"; }
spectral=$TOOLS/node_modules/.bin/spectral

status=0

echo "== contract: spectral lint openapi/openapi.yaml (ruleset openapi/.spectral.yaml, --fail-severity=warn)"
if "$spectral" lint openapi/openapi.yaml --ruleset openapi/.spectral.yaml --fail-severity=warn; then
  echo "contract: lint ok"
else
  echo "contract: FAILED lint: fix the findings above in openapi/openapi.yaml"
  status=1
fi

echo "== contract: lint self-test (each house-style rule fires on a contract broken its way)"
node openapi/released/lint-self-test.mjs || status=1

echo "== contract: breaking-change check self-test (openapi-diff on the released contract broken each way)"
check_breaking --self-test --base openapi/released/openapi.yaml || status=1

echo "== contract: breaking changes since the released contract (openapi-diff)"
check_breaking --base openapi/released/openapi.yaml --head openapi/openapi.yaml || status=1

echo "== contract: $([[ $status == 0 ]] && echo ok || echo FAILED) in $(( $(date +%s) - started )) s"
exit "$status"
