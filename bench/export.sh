#!/usr/bin/env bash
# Exports over the national data: each dataset in each format, downloaded by the auditor (every
# row) from the packaged app, while the app's RSS is sampled from /proc/<pid>/status (VmRSS, every
# 100 ms). Records time to first byte (curl time_starttransfer) against the total time, bytes,
# rows (CSV lines − header, compared with a COUNT in SQL), RSS before and the peak during each
# export. Writes export-<label>-<stamp>.{json,md} under bench/results.
#
#   bench/export.sh [--label NAME] [--datasets evaluations,results,submissions,indicators,samples]
#                   [--formats csv,xlsx] [--jvm "JVM options"] [--query "fiscalYear=2022&…"]
#
# Needs the data of bench/generate.sh (any --scale) and Keycloak (started when not running; the
# auditor is the realm's user shenji). The app starts with QUARKUS_FLYWAY_MIGRATE_AT_START=false:
# the shared bench database may be at another branch's migration level. The script creates the
# one index of V22__export_indexes.sql itself (IF NOT EXISTS: the same statement as the migration)
# and runs ANALYZE on framework_item.
source "$(dirname "$0")/lib/common.sh"

LABEL=run DATASETS=evaluations,results,submissions,indicators,samples FORMATS=csv,xlsx JVM="" QUERY=""
while (( $# )); do
  case $1 in
    --label) LABEL=$2; shift 2 ;;
    --datasets) DATASETS=$2; shift 2 ;;
    --formats) FORMATS=$2; shift 2 ;;
    --jvm) JVM=$2; shift 2 ;;
    --query) QUERY=$2; shift 2 ;;
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1" ;;
  esac
done
need_tools
need_app
[[ $(psql_bench -Atc "select count(*) from evaluation" 2>/dev/null || echo 0) -gt 0 ]] \
  || die "no data in $BENCH_DB: run bench/generate.sh first"
OUT=$WORK/export-$LABEL
rm -rf "$OUT"; mkdir -p "$OUT"
APP_PORT=${EXPORT_PORT:-18095}; export APP_PORT
trap 'stop_app; stop_keycloak' EXIT

psql_bench -c "create index if not exists framework_item_framework_code_idx on framework_item (framework_id, code) include (name, max_points)" \
  -c "analyze framework_item"
projects=$(psql_bench -Atc "select count(*) from project")

# What the auditor's export must hold: the same rows, counted in SQL.
declare -A EXPECTED=(
  [evaluations]="select count(*) from evaluation"
  [results]="select count(*) from evaluation where state = 'FINALIZED'"
  [submissions]="select count(*) from evaluation e join submission s on s.evaluation_id = e.id
                 join submission_revision sr on sr.submission_id = s.id
                 join submission_item_score sis on sis.revision_id = sr.id where e.state = 'FINALIZED'"
  [indicators]="select count(*) from indicator"
  [samples]="select count(*) from sample_stratum"
)

start_keycloak
lock_on
log "starting the app on port $APP_PORT (JVM options: ${JVM:-none})"
# shellcheck disable=SC2086
QUARKUS_FLYWAY_MIGRATE_AT_START=false start_app "$OUT/app.log" $JVM
rss_start=$(rss_mb "$APP_PID")
TOKEN=$(token shenji)
[[ -n $TOKEN && $TOKEN != null ]] || die "no token from Keycloak"

# warm-up: a small export of each dataset, so that the first measured one does not pay class loading
IFS=, read -ra DS <<<"$DATASETS"; IFS=, read -ra FS <<<"$FORMATS"
for d in "${DS[@]}"; do for f in "${FS[@]}"; do
  curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" "http://localhost:$APP_PORT/v1/exports/$d?format=$f&district=-none-"
done; done
rss_warm=$(rss_mb "$APP_PID")

echo '[]' >"$OUT/runs.json"
for d in "${DS[@]}"; do
  expected=$(psql_bench -Atc "${EXPECTED[$d]}")
  [[ -n $QUERY ]] && expected=""
  for f in "${FS[@]}"; do
    TOKEN=$(token shenji) || die "no token from Keycloak for $d.$f" # fresh (15 min) for each export
    file=$OUT/$d.$f
    before=$(rss_mb "$APP_PID")
    log "exporting $d as $f (expected rows: ${expected:-n/a})"
    curl -s -o "$file" -w '%{http_code} %{time_starttransfer} %{time_total} %{size_download}\n' \
      -H "Authorization: Bearer $TOKEN" "http://localhost:$APP_PORT/v1/exports/$d?format=$f${QUERY:+&$QUERY}" \
      >"$OUT/$d.$f.curl" &
    cpid=$!
    peak=$before
    while kill -0 "$cpid" 2>/dev/null; do
      r=$(rss_mb "$APP_PID"); (( r > peak )) && peak=$r
      echo "$(date +%s%N) $r" >>"$OUT/$d.$f.rss"
      sleep 0.1
    done
    wait "$cpid" || true
    read -r code ttfb total bytes <"$OUT/$d.$f.curl"
    rows=null
    if [[ $f == csv ]]; then rows=$(( $(wc -l <"$file") - 1 )); fi
    after=$(rss_mb "$APP_PID")
    log "  $code: first byte ${ttfb}s, total ${total}s, $bytes bytes, rows $rows, RSS $before → peak $peak → $after MB"
    jq --arg d "$d" --arg f "$f" --argjson code "$code" --argjson ttfb "$ttfb" --argjson total "$total" \
       --argjson bytes "$bytes" --argjson rows "$rows" --argjson expected "${expected:-null}" \
       --argjson before "$before" --argjson peak "$peak" --argjson after "$after" \
       '. + [{dataset:$d, format:$f, status:$code, firstByteS:$ttfb, totalS:$total, bytes:$bytes, rows:$rows,
              expectedRows:$expected, rssBeforeMb:$before, rssPeakMb:$peak, rssAfterMb:$after}]' \
       "$OUT/runs.json" >"$OUT/runs.tmp" && mv "$OUT/runs.tmp" "$OUT/runs.json"
    rm -f "$file"
  done
done
lock_off
load=$(cut -d' ' -f1-3 /proc/loadavg)

jq --arg lbl "$LABEL" --arg jvm "$JVM" --arg query "$QUERY" --argjson projects "$projects" \
   --argjson start "$rss_start" --argjson warm "$rss_warm" --arg load "$load" --arg db "$BENCH_DB" \
   '{"label":$lbl, "database":$db, "projects":$projects, "jvmOptions":$jvm, "query":$query,
     "loadAverage":$load, "rssAfterStartMb":$start, "rssAfterWarmupMb":$warm, "runs":.}' "$OUT/runs.json" >"$OUT/export.json"
{
  echo "# Exports over the national data ($projects projects, database \`$BENCH_DB\`)"
  echo
  echo "Label \`$LABEL\`; JVM options: \`${JVM:-none (as packaged)}\`; filter: \`${QUERY:-none, all the auditor sees}\`;"
  echo "load average at the end: $load (2 cores shared with other builds)."
  echo "RSS after start: $rss_start MB, after a warm-up export of each dataset: $rss_warm MB."
  echo
  echo "| dataset | format | status | rows (SQL count) | MB | first byte s | total s | RSS before → peak → after MB |"
  echo "|---|---|---:|---:|---:|---:|---:|---|"
  jq -r '.runs[] | "| \(.dataset) | \(.format) | \(.status) | \(.rows // "–") (\(.expectedRows // "–")) | \((.bytes/1048576*10|floor)/10) | \(.firstByteS) | \(.totalS) | \(.rssBeforeMb) → \(.rssPeakMb) → \(.rssAfterMb) |"' "$OUT/export.json"
  echo
  echo "Rows are counted in the CSV (lines − header) and compared with a COUNT in SQL of what the"
  echo "auditor may see; the XLSX holds the same rows (not recounted here). RSS is VmRSS of the app's"
  echo "JVM sampled every 100 ms during the download."
} >"$OUT/export.md"
cat "$OUT/export.md"
write_result "export-$LABEL" "$OUT/export.json" "$OUT/export.md"
