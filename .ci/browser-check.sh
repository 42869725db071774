#!/usr/bin/env bash
# Browser check of the API documentation a person reads: opens BASE_URL/docs/ (Redoc from the
# app's own webjar rendering /q/openapi) and BASE_URL/q/swagger-ui/ in headless Chromium, lets
# their scripts run, checks the rendered DOM shows the contract's operations, and keeps
# screenshots.
#
#   bash .ci/browser-check.sh http://localhost:8080
#
# Writes target/ci-artifacts/{docs,swagger-ui}.png and .dom.html. Installs Debian's chromium
# (and a CJK font, so the Chinese renders) with apt-get when it is missing (needs root).
# Exits non-zero, naming the page and what is missing, on any failure.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
started=$(date +%s)

if [[ $# -ne 1 || "$1" != http* ]]; then
  echo "usage: $0 BASE_URL   (e.g. http://localhost:8080)" >&2
  exit 2
fi
BASE=${1%/}
ART=target/ci-artifacts
mkdir -p "$ART"

# What every rendered page must show: operation ids (Redoc anchors operation/<id>, Swagger UI
# ids operations-<tag>-<id>) and summaries from openapi/openapi.yaml.
EXPECT_IDS=(listProjects getProject listEvaluations submitScores getEvaluationResult)
EXPECT_TEXT=("List the projects in the caller" "Submit the caller" "The weighted result of the evaluation")

browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null; then browser=$(command -v "$b"); break; fi
done
if [[ -z "$browser" ]]; then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null; then
    echo "browser-check: FAILED no chromium, and cannot apt-get install it here (need root and apt-get)" >&2
    exit 1
  fi
  echo "== browser-check: installing chromium and fonts-wqy-zenhei (apt-get)"
  if ! { apt-get update -q >/dev/null &&
         DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-wqy-zenhei >/dev/null; }; then
    echo "browser-check: FAILED apt-get install chromium" >&2
    exit 1
  fi
  browser=$(command -v chromium)
fi
if ! fc-list 2>/dev/null | grep -qiE 'wqy|noto.*cjk|droid.*fallback'; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "== browser-check: installing fonts-wqy-zenhei (apt-get) so Chinese text renders"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-wqy-zenhei >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-wqy-zenhei >/dev/null; } ||
      echo "browser-check: warning: no CJK font; Chinese shows as boxes in the screenshots"
  fi
fi
echo "== browser-check: $("$browser" --version 2>/dev/null | tail -n 1)"

PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT

chrome() { # ARGS... (one headless run with a fresh profile; at most 120 s)
  local profile
  profile=$(mktemp -d "$PROFILE/run.XXXXXX")
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --hide-scrollbars --lang=zh-CN --user-data-dir="$profile" \
    --virtual-time-budget=15000 --window-size=1400,2000 "$@" 2>>"$ART/chromium.log"
}

FAILED=0
PASSED=0
check_page() { # NAME URL
  local name=$1 url=$2 dom=$ART/$1.dom.html png=$ART/$1.png code missing=()
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$url") || code=000
  if [[ "$code" != 200 ]]; then
    echo "browser-check: FAILED $name: GET $url answered $code (is the app up, and does it serve it?)"
    FAILED=$((FAILED + 1))
    return
  fi
  chrome --dump-dom "$url" >"$dom" || true
  rm -f "$png"
  chrome --screenshot="$png" "$url" >/dev/null || true
  for id in "${EXPECT_IDS[@]}"; do grep -q "$id" "$dom" || missing+=("operation id $id"); done
  for text in "${EXPECT_TEXT[@]}"; do grep -qF "$text" "$dom" || missing+=("summary \"$text\""); done
  [[ -s "$png" ]] || missing+=("a screenshot ($png)")
  if (( ${#missing[@]} )); then
    echo "browser-check: FAILED $name ($url): the rendered page lacks: $(IFS=';'; echo "${missing[*]}")"
    echo "browser-check:   DOM in $dom ($(stat -c %s "$dom" 2>/dev/null || echo 0) bytes), Chromium's log in $ART/chromium.log"
    FAILED=$((FAILED + 1))
  else
    echo "browser-check: ok     $name ($url): ${#EXPECT_IDS[@]} operations and ${#EXPECT_TEXT[@]} summaries rendered; screenshot $png"
    PASSED=$((PASSED + 1))
  fi
}

: >"$ART/chromium.log"
check_page docs "$BASE/docs/"
check_page swagger-ui "$BASE/q/swagger-ui/"

echo "browser-check: finished in $(( $(date +%s) - started )) s"
echo "browser-check: $PASSED passed, $FAILED failed"
(( FAILED == 0 ))
