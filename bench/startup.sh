#!/usr/bin/env bash
# Start-up time (launch → first 200 on /q/health/ready) and RSS after start, per variant, each
# launched --runs times (holding /tmp/jixiao-test.lock per variant).
#
#   bench/startup.sh [--runs N] [--variants "name=JVM/ENV options|…"]
#
# Variants are `name=options`; options are JVM flags and ENV=value pairs. Default variants:
#   default       the app as packaged, no flags
#   heap          -Xmx128m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m
#   appcds        -XX:SharedArchiveFile=…/app-cds.jsa (when the build made one: -Dquarkus.package.jar.appcds.enabled=true)
#   tiered1       -XX:TieredStopAtLevel=1 (C1 only: faster start, slower peak)
#   no-validate   QUARKUS_HIBERNATE_ORM_SCHEMA_MANAGEMENT_STRATEGY=none (to cost Hibernate's validation)
#   no-flyway     QUARKUS_FLYWAY_MIGRATE_AT_START=false (to cost Flyway's check of an up-to-date schema)
# Needs Keycloak (started when not running) and the data of bench/generate.sh (any scale).
source "$(dirname "$0")/lib/common.sh"

RUNS=3
HEAP="-Xmx128m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=64m"
CDS=$(dirname "$APP_JAR")/app-cds.jsa
VARIANTS="default=|heap=$HEAP|tiered1=-XX:TieredStopAtLevel=1|no-validate=QUARKUS_HIBERNATE_ORM_SCHEMA_MANAGEMENT_STRATEGY=none|no-flyway=QUARKUS_FLYWAY_MIGRATE_AT_START=false"
[[ -f $CDS ]] && VARIANTS="$VARIANTS|appcds=-XX:SharedArchiveFile=$CDS|appcds+heap=-XX:SharedArchiveFile=$CDS $HEAP"
LABEL=run
while (( $# )); do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --variants) VARIANTS=$2; shift 2 ;;
    --label) LABEL=$2; shift 2 ;;
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1" ;;
  esac
done
need_tools
need_app
trap 'stop_app; stop_keycloak' EXIT
start_keycloak
OUT=$WORK/startup-$LABEL; mkdir -p "$OUT"
JSONL=$OUT/startup.jsonl; : >"$JSONL"
IFS='|' read -r -a VS <<<"$VARIANTS"
for v in "${VS[@]}"; do
  name=${v%%=*} opts=${v#*=}
  jvm=() envs=()
  for o in $opts; do if [[ $o == -* ]]; then jvm+=("$o"); else envs+=("$o"); fi; done
  lock_on
  ready=() rss=()
  for r in $(seq 1 "$RUNS"); do
    env ${envs[@]+"${envs[@]}"} bash -c 'source "'"$BENCH"'/lib/common.sh"; start_app "$1" "${@:2}"; sleep 1;
      echo "$APP_READY_MS $(rss_mb $APP_PID)"; stop_app' _ "$OUT/$name-$r.log" ${jvm[@]+"${jvm[@]}"} >"$OUT/$name-$r.out"
    read -r ms mb <"$OUT/$name-$r.out"
    ready+=("$ms"); rss+=("$mb")
  done
  lock_off
  log "$name: ready ${ready[*]} ms, RSS ${rss[*]} MB"
  jq -nc --arg n "$name" --arg o "$opts" --argjson ready "$(printf '%s\n' "${ready[@]}" | jq -s .)" \
     --argjson rss "$(printf '%s\n' "${rss[@]}" | jq -s .)" '{variant: $n, options: $o, readyMs: $ready, rssMb: $rss}' >>"$JSONL"
done
JSON=$OUT/startup.json MD=$OUT/startup.md
jq -s --arg jar "$APP_JAR" --arg at "$(date -u +%FT%TZ)" '{at: $at, appJar: $jar, variants: .}' "$JSONL" >"$JSON"
{
  echo "# Start-up: $LABEL ($(date -u +%FT%TZ))"; echo
  echo "Launch → first 200 on /q/health/ready, and RSS 1 s after, $RUNS launches each, app \`$APP_JAR\`."; echo
  echo "| variant | options | ready (ms) | RSS after start (MB) |"; echo "|---|---|---|---|"
  jq -r '.variants[] | "| \(.variant) | `\(.options)` | \(.readyMs | min)–\(.readyMs | max) | \(.rssMb | min)–\(.rssMb | max) |"' "$JSON"
} >"$MD"
write_result "startup-$LABEL" "$JSON" "$MD"
cat "$MD"
