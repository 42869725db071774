#!/usr/bin/env bash
# shellcheck disable=SC2317  # the stop functions run from traps
# Runs Jixiao on this machine: Keycloak with the demo realm, the API, and the demo data.
#
#   src/main/scripts/run.sh [--rebuild] [--quiet]
#
#   --rebuild   build the app (mvn package) even if target/quarkus-app/quarkus-run.jar exists
#   --quiet     do not copy the app log to the terminal (it is always in target/run/app.log)
#
# Environment:
#   OIDC_AUTH_SERVER_URL   use this realm instead of starting a local Keycloak
#                          (e.g. https://sso.example.gov.cn/realms/jixiao)
#   JIXIAO_DEMO_DATA       true: load the demo data even with an external realm;
#                          false: never load it. Default: load it with the local Keycloak only.
#   QUARKUS_HTTP_PORT      the API's port (default 8080)
#   QUARKUS_DATASOURCE_JDBC_URL (+ _USERNAME, _PASSWORD)
#                          an external PostgreSQL; without it the app starts an embedded one
#   JAVA_OPTS              extra JVM options for the app (after src/main/scripts/jvm.options,
#                          the memory caps: a later flag wins)
#   KC_BOOTSTRAP_ADMIN_USERNAME / KC_BOOTSTRAP_ADMIN_PASSWORD
#                          create a Keycloak admin (master realm) for the admin console
#
# Needs Java 17 (JDK), Maven, curl and bash. Keycloak lands in target/run/ (fetched once from
# Maven Central, ~160 MB). Stop everything with Ctrl-C (or SIGTERM). When everything is up it
# prints "Jixiao is ready".
set -euo pipefail

KC_VERSION=26.5.6
KC_PORT=8180
KC_READY_TIMEOUT=${KC_READY_TIMEOUT:-180}
APP_READY_TIMEOUT=${APP_READY_TIMEOUT:-120}
APP_PORT=${QUARKUS_HTTP_PORT:-8080}
MANAGEMENT_PORT=${JIXIAO_MANAGEMENT_PORT:-9000}
STOP_TIMEOUT=30

SCRIPT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")
ROOT=$(cd "$(dirname "$SCRIPT")/../../.." && pwd)
cd "$ROOT"

RUN_DIR=target/run
KC_HOME=$RUN_DIR/keycloak-$KC_VERSION
REALM_FILE=k8s/base/keycloak/jixiao-realm.json
APP_JAR=target/quarkus-app/quarkus-run.jar
APP_LOG=$RUN_DIR/app.log
KC_LOG=$RUN_DIR/keycloak.log

REBUILD=false
QUIET=false
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=true ;;
    --quiet) QUIET=true ;;
    -h|--help) sed -n '3,/^set -euo/p' "$SCRIPT" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

log() { printf '[run] %s\n' "$*"; }
die() { printf '[run] ERROR: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is needed but not on the PATH"; }

# ------------------------------------------------------------------ processes

APP_PID=
KC_PID=
TAIL_PID=

# Whether a process exists and is not a zombie (kill -0 succeeds on zombies).
alive() {
  local pid=$1 stat
  [[ -n "$pid" && -r /proc/$pid/stat ]] || return 1
  { stat=$(<"/proc/$pid/stat"); } 2>/dev/null || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

# The direct children of a process (kc.sh runs Keycloak's java as its child).
children_of() {
  local parent=$1 f stat rest pid ppid
  for f in /proc/[0-9]*/stat; do
    { stat=$(<"$f"); } 2>/dev/null || continue
    rest=${stat##*) }
    read -r _ ppid _ <<<"$rest"
    if [[ "$ppid" == "$parent" ]]; then
      pid=${f#/proc/}
      echo "${pid%/stat}"
    fi
  done
}

# TERM to the given processes (and their children), wait up to STOP_TIMEOUT s, then KILL.
stop_processes() {
  local pids=() pid kid any i
  for pid in "$@"; do
    [[ -n "$pid" ]] || continue
    pids+=("$pid")
    for kid in $(children_of "$pid"); do pids+=("$kid"); done
  done
  (( ${#pids[@]} )) || return 0
  for pid in "$@"; do [[ -n "$pid" ]] && kill -TERM "$pid" 2>/dev/null; done
  for (( i = 0; i < STOP_TIMEOUT * 10; i++ )); do
    any=false
    for pid in "${pids[@]}"; do alive "$pid" && any=true; done
    $any || break
    sleep 0.1
  done
  if $any; then
    log "some processes did not stop within ${STOP_TIMEOUT}s; killing them"
    for pid in "${pids[@]}"; do alive "$pid" && kill -KILL "$pid" 2>/dev/null; done
  fi
  for pid in "$@"; do [[ -n "$pid" ]] && wait "$pid" 2>/dev/null; done
  return 0
}

CLEANED=false
cleanup() {
  $CLEANED && return 0
  CLEANED=true
  set +e
  local what=()
  [[ -n "$APP_PID" ]] && what+=("the app (pid $APP_PID)")
  [[ -n "$KC_PID" ]] && what+=("Keycloak (pid $KC_PID)")
  if (( ${#what[@]} == 2 )); then
    log "stopping ${what[0]} and ${what[1]}"
  elif (( ${#what[@]} == 1 )); then
    log "stopping ${what[0]}"
  fi
  stop_processes "$APP_PID" "$KC_PID"
  [[ -n "$TAIL_PID" ]] && { kill "$TAIL_PID" 2>/dev/null; wait "$TAIL_PID" 2>/dev/null; }
  (( ${#what[@]} )) && log "stopped"
  APP_PID='' KC_PID='' TAIL_PID=''
  return 0
}
on_signal() {
  trap '' INT TERM
  echo
  cleanup
  exit 0
}
trap on_signal INT TERM
trap cleanup EXIT

# Something (anything) accepts connections on localhost:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# wait_ready NAME PID URL TIMEOUT LOG: until URL answers 200; fails when PID dies or time is up.
wait_ready() {
  local name=$1 pid=$2 url=$3 timeout=$4 logfile=$5 start=$SECONDS code
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url" || true)
    [[ "$code" == 200 ]] && break
    if ! alive "$pid"; then
      echo "----- last lines of $logfile -----" >&2
      tail -n 60 "$logfile" >&2 || true
      die "$name exited before it was ready (see $logfile)"
    fi
    if (( SECONDS - start >= timeout )); then
      echo "----- last lines of $logfile -----" >&2
      tail -n 60 "$logfile" >&2 || true
      die "$name was not ready after ${timeout}s ($url answers ${code:-nothing})"
    fi
    sleep 1
  done
  log "$name is ready after $(( SECONDS - start ))s"
}

# ------------------------------------------------------------------ build

need java
need curl

if $REBUILD || [[ ! -f "$APP_JAR" ]]; then
  need mvn
  log "building the app (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package
  [[ -f "$APP_JAR" ]] || die "the build did not produce $APP_JAR"
fi

mkdir -p "$RUN_DIR"

# Fail early, before starting anything, when a port is taken.
if port_in_use "$APP_PORT"; then
  die "port $APP_PORT is already in use. Stop what runs there, or set QUARKUS_HTTP_PORT."
fi
if port_in_use "$MANAGEMENT_PORT"; then
  die "port $MANAGEMENT_PORT (health and metrics) is already in use. Stop what runs there, or set JIXIAO_MANAGEMENT_PORT."
fi
if [[ -z "${OIDC_AUTH_SERVER_URL:-}" ]] && port_in_use "$KC_PORT"; then
  die "port $KC_PORT is already in use (another Keycloak?). Stop it, or set OIDC_AUTH_SERVER_URL to use an existing realm."
fi

# ------------------------------------------------------------------ Keycloak

unpack_zip() { # ZIP DIR
  if command -v jar >/dev/null 2>&1; then
    (cd "$2" && jar xf "$1")
  elif command -v unzip >/dev/null 2>&1; then
    unzip -q "$1" -d "$2"
  else
    die "neither 'jar' (JDK) nor 'unzip' is available to unpack $1"
  fi
}

fetch_keycloak() {
  need mvn
  local zip=keycloak-quarkus-dist-$KC_VERSION.zip unpack=$RUN_DIR/.keycloak-unpack
  log "fetching Keycloak $KC_VERSION from Maven Central (about 160 MB, only once)"
  # Run outside the project so that fetching does not depend on the project's pom.
  (cd "$RUN_DIR" && mvn -B -q -Dstyle.color=never dependency:copy \
      "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory=.) \
    || die "could not fetch org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip"
  log "unpacking Keycloak into $KC_HOME"
  rm -rf "$unpack"
  mkdir -p "$unpack"
  unpack_zip "$ROOT/$RUN_DIR/$zip" "$unpack"
  [[ -f "$unpack/keycloak-$KC_VERSION/bin/kc.sh" ]] || die "$zip does not contain keycloak-$KC_VERSION/bin/kc.sh"
  rm -rf "$KC_HOME"
  mv "$unpack/keycloak-$KC_VERSION" "$KC_HOME"
  rm -rf "${unpack:?}" "${RUN_DIR:?}/$zip"
}

start_keycloak() {
  [[ -f "$REALM_FILE" ]] || die "$REALM_FILE is missing"
  [[ -f "$KC_HOME/bin/kc.sh" && -d "$KC_HOME/lib" ]] || fetch_keycloak
  chmod +x "$KC_HOME"/bin/*.sh
  mkdir -p "$KC_HOME/data/import"
  rm -rf "$KC_HOME/data/h2"   # the import skips existing realms: start from scratch so a changed realm file counts
  cp "$REALM_FILE" "$KC_HOME/data/import/jixiao-realm.json"
  log "starting Keycloak $KC_VERSION on http://localhost:$KC_PORT (log: $KC_LOG)"
  # --hostname: one issuer (http://localhost:8180/realms/jixiao) however Keycloak is reached, so a
  # token fetched from http://127.0.0.1:8180 is accepted by the app as well.
  "$KC_HOME/bin/kc.sh" start-dev --http-port "$KC_PORT" --hostname "http://localhost:$KC_PORT" --import-realm \
    </dev/null >"$KC_LOG" 2>&1 &
  KC_PID=$!
  wait_ready Keycloak "$KC_PID" "http://localhost:$KC_PORT/realms/jixiao/.well-known/openid-configuration" \
    "$KC_READY_TIMEOUT" "$KC_LOG"
}

LOCAL_KC=false
if [[ -z "${OIDC_AUTH_SERVER_URL:-}" ]]; then
  LOCAL_KC=true
  start_keycloak
  export OIDC_AUTH_SERVER_URL=http://localhost:$KC_PORT/realms/jixiao
else
  log "using the identity provider at $OIDC_AUTH_SERVER_URL"
fi
OIDC_AUTH_SERVER_URL=${OIDC_AUTH_SERVER_URL%/}

# ------------------------------------------------------------------ app

if [[ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]]; then
  log "no QUARKUS_DATASOURCE_JDBC_URL: the app starts an embedded PostgreSQL"
fi
# A local run: readable console logs instead of production JSON, and plain HTTP on this machine.
export JIXIAO_JSON_LOGS=${JIXIAO_JSON_LOGS:-false}
export JIXIAO_REQUIRE_HTTPS=${JIXIAO_REQUIRE_HTTPS:-false}
read -r -a java_opts <<<"${JAVA_OPTS:-}"
log "starting the app on http://localhost:$APP_PORT (log: $APP_LOG)"
# Memory caps from src/main/scripts/jvm.options (JAVA_OPTS come after them and win); glibc keeps
# at most two malloc arenas instead of eight per core.
MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} \
  java @src/main/scripts/jvm.options ${java_opts[@]+"${java_opts[@]}"} -jar "$APP_JAR" </dev/null >"$APP_LOG" 2>&1 &
APP_PID=$!
if ! $QUIET; then
  tail -n +1 -F "$APP_LOG" 2>/dev/null &
  TAIL_PID=$!
fi
wait_ready "the app" "$APP_PID" "http://localhost:$MANAGEMENT_PORT/q/health/ready" "$APP_READY_TIMEOUT" "$APP_LOG"

# ------------------------------------------------------------------ demo data

DEMO_DATA=${JIXIAO_DEMO_DATA:-}
if [[ "$DEMO_DATA" == true || ( "$LOCAL_KC" == true && "$DEMO_DATA" != false ) ]]; then
  log "loading the demo data (src/main/demo/wenchong-2022.json)"
  # Jackson for the loader comes from the packaged app's own libraries.
  java -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -cp "target/quarkus-app/lib/main/*" src/main/scripts/DemoData.java \
      "http://localhost:$APP_PORT" "$OIDC_AUTH_SERVER_URL" \
    || die "loading the demo data failed (app log: $APP_LOG)"
fi

# ------------------------------------------------------------------ how to use it

API=http://localhost:$APP_PORT
TOKEN_URL=$OIDC_AUTH_SERVER_URL/protocol/openid-connect/token
RULE='=============================================================================='
{
  echo
  echo "$RULE"
  echo "  Jixiao is running"
  echo
  echo "  API          $API"
  echo "  OpenAPI      $API/q/openapi"
  echo "  Swagger UI   $API/q/swagger-ui"
  echo "  Reference    $API/docs/"
  echo "  Realm        $OIDC_AUTH_SERVER_URL  (clients jixiao-cli, jixiao-frontend)"
  if $LOCAL_KC; then
    echo "  Logs         $APP_LOG, $KC_LOG"
  else
    echo "  Log          $APP_LOG"
  fi
  echo
  echo "  Demo users, password jixiao-demo:"
  echo "    mzj        bureau         HP-MZJ   Huangpu District Civil Affairs Bureau"
  echo "    wenchong   street-office  HP-WC    Wenchong street office"
  echo "    dasha      street-office  HP-DS    Dasha street office"
  echo "    sgx        assessor       GZ-SGX   Guangzhou Social Work Association"
  echo "    huaxing    assessor       GZ-HX    Huaxing assessment centre"
  echo "    shenji     auditor        HP-SJJ   Huangpu District Audit Office"
  echo
  echo "  Get a token (valid 15 minutes) and call the API:"
  echo
  printf '%s\n' "TOKEN=\$(curl -s -d grant_type=password -d client_id=jixiao-cli -d username=wenchong -d password=jixiao-demo $TOKEN_URL | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')"
  printf '%s\n' "curl -H \"Authorization: Bearer \$TOKEN\" $API/v1/me"
  printf '%s\n' "curl -H \"Authorization: Bearer \$TOKEN\" $API/v1/projects"
  echo
  echo "  Stop everything with Ctrl-C."
  echo "$RULE"
  echo "Jixiao is ready"
}

# ------------------------------------------------------------------ run until stopped

set +e
wait "$APP_PID"
status=$?
set -e
APP_PID=''
log "the app exited with status $status"
exit "$status"
