# Shared helpers of the benchmark scripts (sourced, not run).
# shellcheck shell=bash
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
RESULTS=$BENCH/results
WORK=$ROOT/target/bench
mkdir -p "$RESULTS" "$WORK"

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
BENCH_DB=${BENCH_DB:-jixiao_bench}
export PGHOST PGPORT PGUSER

APP_JAR=${APP_JAR:-$ROOT/target/quarkus-app/quarkus-run.jar}
APP_PORT=${APP_PORT:-18080}
KC_VERSION=26.5.6
KC_PORT=${KC_PORT:-18180}
KC_HOME=$ROOT/target/run/keycloak-$KC_VERSION
REALM_FILE=$ROOT/k8s/base/keycloak/jixiao-realm.json
OIDC=http://localhost:$KC_PORT/realms/jixiao
LOCK=/tmp/jixiao-test.lock
export APP_JAR APP_PORT KC_PORT BENCH_DB OIDC

log() { printf '[%s %s] %s\n' "$(basename "$0" .sh)" "$(date -u +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Installs what is missing (Debian): psql/pgbench, wrk, curl, jq.
need_tools() {
  local missing=()
  command -v psql >/dev/null || missing+=(postgresql-client)
  command -v pgbench >/dev/null || missing+=(postgresql-contrib postgresql-client)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v curl >/dev/null || missing+=(curl)
  command -v jq >/dev/null || missing+=(jq)
  command -v python3 >/dev/null || missing+=(python3)
  if (( ${#missing[@]} )); then
    log "installing ${missing[*]}"
    if [[ $(id -u) == 0 ]]; then apt-get install -y -q "${missing[@]}" >/dev/null || { apt-get update -q >/dev/null; apt-get install -y -q "${missing[@]}" >/dev/null; }
    else sudo apt-get install -y -q "${missing[@]}" >/dev/null; fi
  fi
  psql -d postgres -Atc 'select 1' >/dev/null 2>&1 \
    || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER (start it; pg_hba.conf must trust loopback — see README 'Benchmarks')"
}

# The packaged app; built when missing.
need_app() {
  if [[ ! -f "$APP_JAR" ]]; then
    log "building the app (mvn -B -q -o package -DskipTests)"
    (cd "$ROOT" && { mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests; }) >&2
  fi
  [[ -f "$APP_JAR" ]] || die "no $APP_JAR"
}

psql_bench() { psql -X -q -v ON_ERROR_STOP=1 -d "$BENCH_DB" "$@"; }

# RSS of a process in MB.
rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# CPU time (user + system) a process has used so far, in ms: on a machine shared with other work the
# wall-clock figures depend on the neighbours, the CPU a process spent much less.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat" 2>/dev/null || echo 0; }

# Health and metrics are on the app's management interface: its port is the API port + 1000.
mgmt_url() { echo "http://localhost:$(( APP_PORT + 1000 ))"; }

APP_PID=
# The JVM options the app runs with outside a container (memory caps), as run.sh uses them.
JVM_OPTIONS_FILE=$ROOT/src/main/scripts/jvm.options

# start_app LOGFILE [extra JVM options…]: the packaged app on the bench database; sets APP_PID and
# APP_READY_MS (launch → first 200 on /q/health/ready) and APP_READY_CPU_MS (the CPU it used until
# then). The JVM gets src/main/scripts/jvm.options first and glibc at most 2 malloc arenas (MALLOC_ARENA_MAX=2), as with run.sh; an extra option
# `--no-jvm-options` leaves both out (the JVM's defaults: to measure what they change).
start_app() {
  local logfile=$1; shift
  local t0 code opts=() arg defaults=("@$JVM_OPTIONS_FILE") arenas=${MALLOC_ARENA_MAX:-2}
  for arg in "$@"; do
    if [[ $arg == --no-jvm-options ]]; then defaults=(); arenas=${MALLOC_ARENA_MAX:-}; else opts+=("$arg"); fi
  done
  t0=$(date +%s%N)
  MALLOC_ARENA_MAX=$arenas \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
  QUARKUS_DATASOURCE_USERNAME=$PGUSER QUARKUS_DATASOURCE_PASSWORD=${PGPASSWORD:-postgres} \
  QUARKUS_HTTP_PORT=$APP_PORT JIXIAO_MANAGEMENT_PORT=$(( APP_PORT + 1000 )) OIDC_AUTH_SERVER_URL=$OIDC \
  JIXIAO_REQUIRE_HTTPS=false \
    java ${defaults[@]+"${defaults[@]}"} ${APP_JAVA_OPTS:-} ${opts[@]+"${opts[@]}"} -jar "$APP_JAR" </dev/null >"$logfile" 2>&1 &
  APP_PID=$!
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$(mgmt_url)/q/health/ready" || true)
    [[ $code == 200 ]] && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$logfile" >&2; die "the app exited during start"; }
    (( ($(date +%s%N) - t0) / 1000000000 > ${APP_START_TIMEOUT:-120} )) && { tail -40 "$logfile" >&2; die "the app was not ready in ${APP_START_TIMEOUT:-120} s"; }
    sleep 0.05
  done
  APP_READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  APP_READY_CPU_MS=$(cpu_ms "$APP_PID")
}

stop_app() {
  [[ -n "$APP_PID" ]] || return 0
  kill -TERM "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 150); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=
}

KC_PID=
start_keycloak() {
  if curl -sf -o /dev/null "$OIDC/.well-known/openid-configuration"; then
    log "using the Keycloak already answering on port $KC_PORT"; return 0
  fi
  if [[ ! -f "$KC_HOME/bin/kc.sh" ]]; then
    log "fetching Keycloak $KC_VERSION from Maven Central (once)"
    mkdir -p "$ROOT/target/run"
    (cd "$ROOT/target/run" && mvn -B -q dependency:copy "-Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory=. \
      && rm -rf .u && mkdir .u && (cd .u && jar xf ../keycloak-quarkus-dist-$KC_VERSION.zip) \
      && mv .u/keycloak-$KC_VERSION . && rm -rf .u keycloak-quarkus-dist-$KC_VERSION.zip) >&2
  fi
  chmod +x "$KC_HOME"/bin/*.sh
  rm -rf "$KC_HOME/data/h2"; mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/jixiao-realm.json"
  log "starting Keycloak on port $KC_PORT"
  "$KC_HOME/bin/kc.sh" start-dev --http-port "$KC_PORT" --import-realm </dev/null >"$WORK/keycloak.log" 2>&1 &
  KC_PID=$!
  for _ in $(seq 1 240); do
    curl -sf -o /dev/null "$OIDC/.well-known/openid-configuration" && return 0
    kill -0 "$KC_PID" 2>/dev/null || { tail -30 "$WORK/keycloak.log" >&2; die "Keycloak exited"; }
    sleep 1
  done
  die "Keycloak not ready in 240 s"
}

stop_keycloak() {
  [[ -n "$KC_PID" ]] || return 0
  local kids; kids=$(pgrep -P "$KC_PID" || true)
  kill -TERM "$KC_PID" $kids 2>/dev/null || true
  for _ in $(seq 1 200); do kill -0 "$KC_PID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$KC_PID" $kids 2>/dev/null || true
  wait "$KC_PID" 2>/dev/null || true
  KC_PID=
}

# token USER: a real password-grant access token from client jixiao-cli.
token() {
  curl -sf -d grant_type=password -d client_id=jixiao-cli -d "username=$1" -d password=jixiao-demo \
    "$OIDC/protocol/openid-connect/token" | jq -r .access_token
}

# write_result NAME JSONFILE MDFILE: copies both into bench/results with a timestamp and as latest.
write_result() {
  local name=$1 json=$2 md=$3 stamp
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  cp "$json" "$RESULTS/$name-$stamp.json"; cp "$json" "$RESULTS/$name-latest.json"
  cp "$md" "$RESULTS/$name-$stamp.md"; cp "$md" "$RESULTS/$name-latest.md"
  log "wrote $RESULTS/$name-$stamp.{json,md}"
}

# Measurement rounds hold the shared test lock (no test suite beside them); BENCH_NO_LOCK=1 skips
# it for a functional try-out whose numbers do not count.
lock_on() { [[ -n ${BENCH_NO_LOCK:-} ]] && return 0; exec 9>"$LOCK"; log "waiting for $LOCK"; flock 9; }
lock_off() { [[ -n ${BENCH_NO_LOCK:-} ]] && return 0; flock -u 9; exec 9>&-; }
