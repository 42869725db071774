#!/usr/bin/env bash
# shellcheck disable=SC2317  # functions run from traps or through check()
# End-to-end smoke test, run by CI after the tests: starts the whole thing with
# src/main/scripts/run.sh (local Keycloak with the demo realm, the app, the demo data), calls
# the API as real users with real tokens, then stops run.sh with SIGINT (as Ctrl-C would) and
# checks that nothing is left running.
#
#   bash .ci/smoke.sh
#
# Needs bash, curl, sed, grep, awk and what run.sh needs. Ports 8080 (QUARKUS_HTTP_PORT) and
# 8180 must be free. Prints "smoke: N passed, M failed" and exits non-zero on any failure.
set -uo pipefail
# Job control: run.sh gets its own process group, and a SIGINT that it can trap (a background
# job of a shell without job control ignores SIGINT, and an ignored signal cannot be trapped).
set -m

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 1

APP_PORT=${QUARKUS_HTTP_PORT:-8080}
KC_PORT=8180
API=http://localhost:$APP_PORT
OIDC=http://localhost:$KC_PORT/realms/jixiao
READY_TIMEOUT=${SMOKE_READY_TIMEOUT:-420}
STOP_TIMEOUT=60
LOG=target/smoke/run.log
WORK=target/smoke

mkdir -p "$WORK"
: >"$LOG"

PASSED=0
FAILED=0
FAILURES=()
pass() { PASSED=$((PASSED + 1)); echo "smoke: ok     $1"; }
fail() { FAILED=$((FAILED + 1)); FAILURES+=("$1"); echo "smoke: FAILED $1"; }
check() { # DESCRIPTION COMMAND...
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

summary_and_exit() {
  echo
  if (( FAILED > 0 )); then
    echo "smoke: failures:"
    printf 'smoke:   - %s\n' "${FAILURES[@]}"
  fi
  echo "smoke: $PASSED passed, $FAILED failed"
  if (( FAILED > 0 )); then exit 1; fi
  exit 0
}

dump_logs() {
  echo "----- $LOG (run.sh) -----"
  cat "$LOG"
  # only the logs of this run, not those an earlier run left
  if [[ target/run/app.log -nt "$WORK/started" ]]; then
    echo "----- target/run/app.log (last 150 lines) -----"
    tail -n 150 target/run/app.log
  fi
  if [[ target/run/keycloak.log -nt "$WORK/started" ]]; then
    echo "----- target/run/keycloak.log (last 60 lines) -----"
    tail -n 60 target/run/keycloak.log
  fi
  echo "-----"
}

# Whether a process exists and is not a zombie.
alive() {
  local stat
  [[ -r /proc/$1/stat ]] || return 1
  { stat=$(<"/proc/$1/stat"); } 2>/dev/null || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

# The processes (not zombies) of a process group.
group_members() {
  local f stat rest state pgrp pid
  for f in /proc/[0-9]*/stat; do
    { stat=$(<"$f"); } 2>/dev/null || continue
    rest=${stat##*) }
    read -r state _ pgrp _ <<<"$rest"
    if [[ "$pgrp" == "$1" && "$state" != Z ]]; then
      pid=${f#/proc/}
      echo "${pid%/stat}"
    fi
  done
}

# The processes whose command line contains one of the given strings.
procs_with() {
  local f pid cmd needle
  for f in /proc/[0-9]*/cmdline; do
    { cmd=$(tr '\0' ' ' <"$f"); } 2>/dev/null || continue
    for needle in "$@"; do
      if [[ "$cmd" == *"$needle"* ]]; then
        pid=${f#/proc/}
        echo "${pid%/cmdline}"
        break
      fi
    done
  done
}

# Whether some socket listens on TCP port $1 (any address, IPv4 or IPv6).
listening() {
  local hex
  hex=$(printf ':%04X' "$1")
  awk -v p="$hex" '$4 == "0A" && substr($2, length($2) - 4) == p { found = 1 } END { exit !found }' \
    /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

not_listening() { ! listening "$1"; }

RUN_PID=
RUN_PGID=
# Last resort on any exit: stop run.sh and everything left in its process group.
force_stop() {
  [[ -n "$RUN_PGID" ]] || return 0
  local i
  if [[ -n "$RUN_PID" ]] && alive "$RUN_PID"; then
    kill -INT "$RUN_PID" 2>/dev/null
    for (( i = 0; i < STOP_TIMEOUT * 5; i++ )); do alive "$RUN_PID" || break; sleep 0.2; done
  fi
  if [[ -n "$(group_members "$RUN_PGID")" ]]; then
    echo "smoke: killing what is left of run.sh (process group $RUN_PGID)"
    kill -TERM -- "-$RUN_PGID" 2>/dev/null
    for (( i = 0; i < 150; i++ )); do [[ -z "$(group_members "$RUN_PGID")" ]] && break; sleep 0.2; done
    kill -KILL -- "-$RUN_PGID" 2>/dev/null
  fi
  [[ -n "$RUN_PID" ]] && wait "$RUN_PID" 2>/dev/null
  RUN_PID=
  RUN_PGID=
}
trap force_stop EXIT
trap 'echo "smoke: interrupted"; exit 130' INT TERM

# ------------------------------------------------------------------ start

for port in "$APP_PORT" "$KC_PORT"; do
  if listening "$port"; then
    fail "port $port is free before the start"
    summary_and_exit
  fi
done

echo "smoke: starting src/main/scripts/run.sh (log: $LOG)"
touch "$WORK/started"
env -u OIDC_AUTH_SERVER_URL -u JIXIAO_DEMO_DATA src/main/scripts/run.sh --quiet </dev/null >"$LOG" 2>&1 &
RUN_PID=$!
RUN_PGID=$RUN_PID   # set -m: the job leads its own process group

start=$SECONDS
until grep -qx 'Jixiao is ready' "$LOG"; do
  if ! alive "$RUN_PID"; then
    wait "$RUN_PID"
    status=$?
    RUN_PID=
    dump_logs
    fail "run.sh prints 'Jixiao is ready' (it exited with status $status before)"
    summary_and_exit
  fi
  if (( SECONDS - start >= READY_TIMEOUT )); then
    dump_logs
    fail "run.sh prints 'Jixiao is ready' within ${READY_TIMEOUT}s"
    summary_and_exit
  fi
  sleep 2
done
pass "run.sh prints 'Jixiao is ready' (after $(( SECONDS - start ))s)"

# ------------------------------------------------------------------ calls

token() { # USER [REALM_URL]
  curl -s --max-time 30 -d grant_type=password -d client_id=jixiao-cli -d "username=$1" \
      -d password=jixiao-demo "${2:-$OIDC}/protocol/openid-connect/token" \
    | sed -nE 's/.*"access_token":"([^"]+)".*/\1/p'
}

# The "iss" claim of a JWT (base64url payload, decoded without padding trouble).
issuer() {
  local payload
  payload=$(cut -d. -f2 <<<"$1" | tr '_-' '/+')
  while (( ${#payload} % 4 )); do payload+="="; done
  base64 -d <<<"$payload" 2>/dev/null | sed -nE 's/.*"iss":"([^"]+)".*/\1/p'
}

# call NAME METHOD PATH TOKEN [BODYFILE]: writes $WORK/NAME.body, sets STATUS and CTYPE.
call() {
  local name=$1 method=$2 path=$3 tok=$4 bodyfile=${5:-} out
  local args=(-s --max-time 30 -X "$method" -o "$WORK/$name.body" -w '%{http_code} %{content_type}' -H 'Accept: application/json')
  [[ -n "$tok" ]] && args+=(-H "Authorization: Bearer $tok")
  [[ -n "$bodyfile" ]] && args+=(-H 'Content-Type: application/json' --data-binary "@$bodyfile")
  out=$(curl "${args[@]}" "$API$path") || out="000 "
  STATUS=${out%% *}
  CTYPE=${out#* }
}

show() { # NAME: the answer, for a failure
  echo "smoke:   answered $STATUS ($CTYPE): $(head -c 600 "$WORK/$1.body" 2>/dev/null)"
}

WENCHONG=$(token wenchong)
check "token for wenchong (street-office) by password grant" test -n "$WENCHONG"
SHENJI=$(token shenji)
check "token for shenji (auditor) by password grant" test -n "$SHENJI"

call projects-wenchong GET /v1/projects "$WENCHONG"
if [[ "$STATUS" == 200 ]] && grep -qF '文冲街社工服务站' "$WORK/projects-wenchong.body"; then
  pass "GET /v1/projects as wenchong: 200 with the Wenchong project (文冲街社工服务站)"
else
  fail "GET /v1/projects as wenchong: 200 with the Wenchong project (文冲街社工服务站)"
  show projects-wenchong
fi

cat >"$WORK/project.json" <<'EOF'
{"name":"冒烟测试项目","station":"文冲街社工服务站","street":"文冲街道","supervisor":"HP-MZJ","provider":"HP-YC","contractStart":"2018-10-16","contractEnd":"2023-06-30","communities":8,"staffCount":14}
EOF
# One issuer whichever spelling of the host a client uses (run.sh starts Keycloak with --hostname).
LOOPBACK=$(token wenchong "http://127.0.0.1:$KC_PORT/realms/jixiao")
if [[ -n "$LOOPBACK" && "$(issuer "$LOOPBACK")" == "$OIDC" && "$(issuer "$WENCHONG")" == "$OIDC" ]]; then
  pass "tokens fetched via 127.0.0.1 and via localhost both carry the issuer $OIDC"
else
  fail "tokens fetched via 127.0.0.1 and via localhost both carry the issuer $OIDC (got '$(issuer "$LOOPBACK")' and '$(issuer "$WENCHONG")')"
fi
call me-loopback GET /v1/me "$LOOPBACK"
if [[ "$STATUS" == 200 ]] && grep -qF '"HP-WC"' "$WORK/me-loopback.body"; then
  pass "GET /v1/me with the token fetched via http://127.0.0.1:$KC_PORT: 200"
else
  fail "GET /v1/me with the token fetched via http://127.0.0.1:$KC_PORT: 200"
  show me-loopback
fi
call me-localhost GET /v1/me "$WENCHONG"
if [[ "$STATUS" == 200 ]]; then
  pass "GET /v1/me with the token fetched via http://localhost:$KC_PORT: 200"
else
  fail "GET /v1/me with the token fetched via http://localhost:$KC_PORT: 200"
  show me-localhost
fi

call create-shenji POST /v1/projects "$SHENJI" "$WORK/project.json"
if [[ "$STATUS" == 403 && "$CTYPE" == application/problem+json* ]]; then
  pass "POST /v1/projects as shenji (auditor): 403 application/problem+json"
else
  fail "POST /v1/projects as shenji (auditor): 403 application/problem+json"
  show create-shenji
fi

call no-token GET /v1/projects ""
if [[ "$STATUS" == 401 ]]; then
  pass "GET /v1/projects without a token: 401"
else
  fail "GET /v1/projects without a token: 401"
  show no-token
fi

# The frontend team's view of the running app: the rendered docs and Swagger UI in headless
# Chromium, and the TypeScript client's test against the live API (SMOKE_FRONTEND=0 skips).
if [[ "${SMOKE_FRONTEND:-1}" == 1 ]]; then
  check "API reference (/docs/) and Swagger UI render in headless Chromium" bash .ci/browser-check.sh "$API"
  check "TypeScript client test against the live app" \
    env JIXIAO_API="$API" JIXIAO_OIDC="$OIDC" bash .ci/ts-client.sh --against-live-app
fi

# ------------------------------------------------------------------ stop

echo "smoke: stopping run.sh with SIGINT"
kill -INT "$RUN_PID"
start=$SECONDS
while alive "$RUN_PID" && (( SECONDS - start < STOP_TIMEOUT )); do sleep 0.5; done
if alive "$RUN_PID"; then
  fail "run.sh exits within ${STOP_TIMEOUT}s of SIGINT"
  tail -n 20 "$LOG"
else
  wait "$RUN_PID"
  status=$?
  if [[ "$status" == 0 ]]; then
    pass "run.sh exits with status 0 within ${STOP_TIMEOUT}s of SIGINT (after $(( SECONDS - start ))s)"
  else
    fail "run.sh exits with status 0 on SIGINT (it exited with $status)"
    tail -n 20 "$LOG"
  fi
  # Its children may need a moment after run.sh itself is gone.
  while [[ -n "$(group_members "$RUN_PID")" ]] && (( SECONDS - start < STOP_TIMEOUT )); do sleep 0.5; done
  left=$(group_members "$RUN_PID" | tr '\n' ' ')
  if [[ -z "$left" ]]; then
    pass "no process of run.sh is left"
  else
    fail "no process of run.sh is left (left: $left)"
    for pid in $left; do tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-160; echo; done
  fi
  RUN_PID=
fi
# The app's embedded PostgreSQL runs in a session of its own: look for it by its data directory.
mapfile -t pg_dirs < <(grep -oE 'pg_ctl -D [^ ]+' target/run/app.log 2>/dev/null | awk '{ print $3 }' | sort -u)
if (( ${#pg_dirs[@]} )); then
  while [[ -n "$(procs_with "${pg_dirs[@]}")" ]] && (( SECONDS - start < STOP_TIMEOUT )); do sleep 0.5; done
  left=$(procs_with "${pg_dirs[@]}" | tr '\n' ' ')
  if [[ -z "$left" ]]; then
    pass "the app's embedded PostgreSQL stopped"
  else
    fail "the app's embedded PostgreSQL stopped (left: $left)"
  fi
fi
while { listening "$APP_PORT" || listening "$KC_PORT"; } && (( SECONDS - start < STOP_TIMEOUT )); do sleep 0.5; done
check "nothing listens on port $APP_PORT any more" not_listening "$APP_PORT"
check "nothing listens on port $KC_PORT any more" not_listening "$KC_PORT"

summary_and_exit
