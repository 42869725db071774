#!/usr/bin/env bash
# Measures the packaged app's resident memory (RSS) under a short load, for the container
# memory sizing in k8s/README.md. Runs target/quarkus-app/quarkus-run.jar with the given
# JDK_JAVA_OPTIONS against the machine's PostgreSQL, drives it with wrk for DURATION seconds
# (the OpenAPI document, an API route answered 401 without a token, and /q/health/ready), samples
# RSS from /proc every second, and prints the peak, the JVM's own native-memory summary and
# wrk's figures. Hold the shared lock while it runs (it binds a port):
#
#   mvn -B -q -o package -DskipTests
#   flock /tmp/jixiao-test.lock bash k8s/tools/measure-rss.sh "-XX:+UseSerialGC -Xmx256m ..." [label]
#
# Environment: DB (database name, default jixiao_k8s, created when missing), PORT (18080),
# DURATION (60), CONNECTIONS (32), OUT (target/rss).
set -euo pipefail
cd "$(dirname "$0")/../.."
OPTS=${1:?JDK_JAVA_OPTIONS to measure}
LABEL=${2:-run}
DB=${DB:-jixiao_k8s}
PORT=${PORT:-18080}
MGMT_PORT=${MGMT_PORT:-19000}
DURATION=${DURATION:-60}
CONNECTIONS=${CONNECTIONS:-32}
OUT=${OUT:-target/rss}
mkdir -p "$OUT"
LOG=$OUT/$LABEL.app.log

psql -h 127.0.0.1 -U postgres -tAc "select 1 from pg_database where datname='$DB'" | grep -q 1 ||
  psql -h 127.0.0.1 -U postgres -qc "create database $DB"

export QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/$DB
export QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
export QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MGMT_PORT JIXIAO_EMBEDDED_POSTGRES=false
export OIDC_AUTH_SERVER_URL=${OIDC_AUTH_SERVER_URL:-http://127.0.0.1:1/realms/jixiao} OIDC_CONNECTION_DELAY=0S
export JDK_JAVA_OPTIONS="$OPTS -XX:NativeMemoryTracking=summary"
java -jar target/quarkus-app/quarkus-run.jar >"$LOG" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT

health=""
for _ in $(seq 1 120); do
  for p in "$MGMT_PORT" "$PORT"; do
    # Live, not ready: without an IdP here an app whose readiness still includes the OIDC check
    # answers 503 on ready (the load below reads it all the same).
    if curl -fsS -o /dev/null "http://127.0.0.1:$p/q/health/live" 2>/dev/null; then health=$p; break 2; fi
  done
  kill -0 "$pid" 2>/dev/null || { tail -40 "$LOG"; echo "rss: the app died" >&2; exit 1; }
  sleep 1
done
[[ -n $health ]] || { tail -40 "$LOG"; echo "rss: not ready in 120 s" >&2; exit 1; }
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$pid/status"; }
echo "rss: $LABEL ready (health on $health), RSS after start $(( $(rss_kib) / 1024 )) MiB"

peak=0
( while kill -0 "$pid" 2>/dev/null; do r=$(rss_kib); echo "$r"; sleep 1; done ) >"$OUT/$LABEL.samples" &
sampler=$!
wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" "http://127.0.0.1:$PORT/q/openapi" >"$OUT/$LABEL.wrk-openapi" 2>&1 &
w1=$!
wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" "http://127.0.0.1:$PORT/v1/projects" >"$OUT/$LABEL.wrk-401" 2>&1 &
w2=$!
wrk -t1 -c4 -d"${DURATION}s" "http://127.0.0.1:$health/q/health/ready" >"$OUT/$LABEL.wrk-ready" 2>&1 &
w3=$!
wait "$w1" "$w2" "$w3"
sleep 2
kill "$sampler" 2>/dev/null || true
peak=$(sort -n "$OUT/$LABEL.samples" | tail -n 1)
jcmd "$pid" VM.native_memory summary >"$OUT/$LABEL.nmt" 2>&1 || true
echo "rss: $LABEL peak RSS $(( peak / 1024 )) MiB (JDK_JAVA_OPTIONS=$OPTS)"
for f in openapi 401 ready; do
  printf 'rss: %-8s %s\n' "$f" "$(grep -E 'Requests/sec|Non-2xx' "$OUT/$LABEL.wrk-$f" | tr -s ' ' | tr '\n' ' ')"
done
grep -E '^-\s+(Total|Java Heap|Class|Thread|Code|GC|Internal|Other|Metaspace)|^Total' "$OUT/$LABEL.nmt" | sed 's/^/rss:   /' || true
