#!/usr/bin/env bash
# TypeScript client (clients/typescript): installs its locked dev dependencies, checks that its
# package version equals the contract's info.version, generates src/schema.d.ts from
# openapi/openapi.yaml, and builds it with tsc (strict). With --against-live-app it then runs
# its test against a running app and Keycloak (JIXIAO_API, default http://localhost:8080;
# JIXIAO_OIDC, default http://localhost:8180/realms/jixiao), e.g. from the smoke run.
#
#   bash .ci/ts-client.sh [--against-live-app]
#
# Needs node ≥ 20 and npm (registry access on the first run).
set -euo pipefail
cd "$(dirname "$0")/../clients/typescript"
started=$(date +%s)

live=false
case "${1:-}" in
  --against-live-app) live=true ;;
  "") ;;
  *) echo "usage: $0 [--against-live-app]" >&2; exit 2 ;;
esac

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "ts-client: node and npm are needed (Debian: apt-get install -y nodejs npm)" >&2
  exit 1
fi

echo "== ts-client: npm ci (typescript 5, openapi-typescript 7, @types/node, yaml; locked)"
npm ci --no-audit --no-fund --loglevel=error

echo "== ts-client: the package version follows the contract's info.version"
node --input-type=module -e "
  import { readFileSync } from 'node:fs';
  import YAML from 'yaml';
  const contract = YAML.parse(readFileSync('../../openapi/openapi.yaml', 'utf8')).info.version;
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')).version;
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')).version;
  if (pkg !== contract || lock !== contract) {
    console.error('ts-client: FAILED clients/typescript/package.json version ' + pkg + ' (package-lock.json ' + lock +
      ') differs from openapi/openapi.yaml info.version ' + contract +
      ': run  (cd clients/typescript && npm version --no-git-tag-version ' + contract + ')');
    process.exit(1);
  }
  console.log('ts-client: version ' + pkg + ' = info.version ' + contract);
"

echo "== ts-client: generate src/schema.d.ts from openapi/openapi.yaml"
npm run --silent generate

echo "== ts-client: build (tsc, strict)"
rm -rf dist
npx tsc -p tsconfig.json --strict
node -e "require('fs').copyFileSync('src/schema.d.ts', 'dist/src/schema.d.ts')"
echo "ts-client: built dist/ in $(( $(date +%s) - started )) s"

if $live; then
  echo "== ts-client: test against the live app (JIXIAO_API=${JIXIAO_API:-http://localhost:8080}, JIXIAO_OIDC=${JIXIAO_OIDC:-http://localhost:8180/realms/jixiao})"
  npm test
fi
echo "== ts-client: ok in $(( $(date +%s) - started )) s"
