#!/usr/bin/env bash
# Start-up time (launch → first 200 on /q/health/ready) and RSS after start, per variant, each
# launched --runs times (holding /tmp/jixiao-test.lock per variant).
#
#   bench/startup.sh [--runs N] [--label NAME] [--variant "NAME;JAR;options"]…
#
# A variant is `name;jar;options`, options being JVM flags and ENV=value pairs. Default variants
# (all on APP_JAR):
#   default       the app as packaged, with src/main/scripts/jvm.options (the memory caps) like run.sh
#   jvm-defaults  --no-jvm-options: the JVM's own defaults (no caps, G1, no MALLOC_ARENA_MAX)
#   appcds        -XX:SharedArchiveFile=…/app-cds.jsa (when the build made one: -Dquarkus.package.jar.appcds.enabled=true)
#   tiered1       -XX:TieredStopAtLevel=1 (C1 only: faster start, slower peak)
#   no-validate   QUARKUS_HIBERNATE_ORM_SCHEMA_MANAGEMENT_STRATEGY=none (to cost Hibernate's validation)
#   no-flyway     QUARKUS_FLYWAY_MIGRATE_AT_START=false (to cost Flyway's check of an up-to-date schema)
# Needs Keycloak (started when not running) and the data of bench/generate.sh (any scale).
source "$(dirname "$0")/lib/common.sh"

APP_PORT=${STARTUP_PORT:-18090}; export APP_PORT # not the load scenarios' ports
RUNS=3
CDS=$(dirname "$APP_JAR")/app-cds.jsa
VARIANTS=("default;$APP_JAR;" "jvm-defaults;$APP_JAR;--no-jvm-options" "tiered1;$APP_JAR;-XX:TieredStopAtLevel=1"
  "no-validate;$APP_JAR;QUARKUS_HIBERNATE_ORM_SCHEMA_MANAGEMENT_STRATEGY=none"
  "no-flyway;$APP_JAR;QUARKUS_FLYWAY_MIGRATE_AT_START=false")
[[ -f $CDS ]] && VARIANTS+=("appcds;$APP_JAR;-XX:SharedArchiveFile=$CDS")
LABEL=run GIVEN=()
while (( $# )); do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --variant) GIVEN+=("$2"); shift 2 ;;
    --label) LABEL=$2; shift 2 ;;
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1" ;;
  esac
done
(( ${#GIVEN[@]} )) && VARIANTS=("${GIVEN[@]}")
need_tools
need_app
trap 'stop_app; stop_keycloak' EXIT
start_keycloak
OUT=$WORK/startup-$LABEL; mkdir -p "$OUT"
JSONL=$OUT/startup.jsonl; : >"$JSONL"
for v in "${VARIANTS[@]}"; do
  IFS=';' read -r name jar opts <<<"$v"
  jvm=() envs=()
  for o in $opts; do if [[ $o == -* ]]; then jvm+=("$o"); else envs+=("$o"); fi; done
  lock_on
  ready=() rss=() cpus=()
  for r in $(seq 1 "$RUNS"); do
    env ${envs[@]+"${envs[@]}"} APP_JAR="$jar" bash -c 'source "'"$BENCH"'/lib/common.sh"; start_app "$1" "${@:2}"; sleep 1;
      echo "$APP_READY_MS $(rss_mb $APP_PID) $APP_READY_CPU_MS"; stop_app' _ "$OUT/$name-$r.log" ${jvm[@]+"${jvm[@]}"} >"$OUT/$name-$r.out"
    read -r ms mb cpu <"$OUT/$name-$r.out"
    ready+=("$ms"); rss+=("$mb"); cpus+=("$cpu")
  done
  lock_off
  log "$name: ready ${ready[*]} ms, CPU until ready ${cpus[*]} ms, RSS ${rss[*]} MB (load $(cut -d' ' -f1 /proc/loadavg))"
  jq -nc --arg n "$name" --arg j "$jar" --arg o "$opts" --argjson ready "$(printf '%s\n' "${ready[@]}" | jq -s .)" \
     --argjson rss "$(printf '%s\n' "${rss[@]}" | jq -s .)" --argjson cpu "$(printf '%s\n' "${cpus[@]}" | jq -s .)" \
     --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" \
     '{"variant": $n, "jar": $j, "options": $o, "readyMs": $ready, "cpuToReadyMs": $cpu, "rssMb": $rss, "loadAvg": $load}' >>"$JSONL"
done
JSON=$OUT/startup.json MD=$OUT/startup.md
jq -s --arg at "$(date -u +%FT%TZ)" '{"at": $at, "variants": .}' "$JSONL" >"$JSON"
{
  echo "# Start-up: $LABEL ($(date -u +%FT%TZ))"; echo
  echo "Launch → first 200 on /q/health/ready, the CPU time (user + system) the app used until then, and RSS"
  echo "1 s after, $RUNS launches each, on \`$BENCH_DB\`. Every launch gets src/main/scripts/jvm.options unless its"
  echo "options say \`--no-jvm-options\`. On a shared machine the wall-clock time follows the neighbours' load"
  echo "(the 1-minute load average is given); the CPU time much less."; echo
  echo "| variant | app | options | ready (ms) | CPU until ready (ms) | RSS after start (MB) | load |"; echo "|---|---|---|---|---|---|---|"
  jq -r '.variants[] | "| \(.variant) | `\(.jar)` | `\(.options)` | \(.readyMs | min)–\(.readyMs | max) | \(.cpuToReadyMs | min)–\(.cpuToReadyMs | max) | \(.rssMb | min)–\(.rssMb | max) | \(.loadAvg) |"' "$JSON"
} >"$MD"
write_result "startup-$LABEL" "$JSON" "$MD"
cat "$MD"
