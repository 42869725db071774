#!/usr/bin/env bash
# Load scenarios against the packaged app with real Keycloak tokens, in rounds alternating with
# pgbench on the same PostgreSQL server.
#
#   bench/load.sh [--label NAME] [--scenarios read,submit,list] [--seconds N] [--rounds N]
#                 [--connections N] [--app-opts "JVM options"]
#
# Needs the data of bench/generate.sh. Starts Keycloak 26.5.6 (port 18180, realm
# k8s/base/keycloak/jixiao-realm.json) and the packaged app (port 18080, APP_JAR to choose
# another build) unless they already answer. Per scenario, in each round (holding
# /tmp/jixiao-test.lock so that no test suite runs beside it, released between rounds):
#   1. pgbench at the same concurrency (-S for reads and lists, TPC-B-like for submits), 15 s;
#   2. the app's maximum: wrk closed-model at the same concurrency;
# then one open-model run (constant arrival rate, bench/lib/paced.lua counting late sends) at
# 50 % of the lowest measured maximum: p50/p99/p99.9. Reports ranges and ratios app/pgbench.
# Also: RSS of the app after start and after the load; seq_scan counts of the large tables
# during the list scenario (no sequential scan expected).
source "$(dirname "$0")/lib/common.sh"

LABEL=run SCENARIOS=read,submit,list SECONDS_PER_RUN=15 ROUNDS=2 CONNS=16 APP_OPTS=""
while (( $# )); do
  case $1 in
    --label) LABEL=$2; shift 2 ;;
    --scenarios) SCENARIOS=$2; shift 2 ;;
    --seconds) SECONDS_PER_RUN=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --connections) CONNS=$2; shift 2 ;;
    --app-opts) APP_OPTS=$2; shift 2 ;;
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1" ;;
  esac
done
need_tools
need_app
[[ $(psql_bench -Atc "select count(*) from evaluation" 2>/dev/null || echo 0) -gt 0 ]] \
  || die "no data in $BENCH_DB: run bench/generate.sh first"

OUT=$WORK/load-$LABEL
mkdir -p "$OUT"
trap 'stop_app; stop_keycloak' EXIT

# pgbench's own database, initialised once (scale 10: 1,000,000 accounts).
if ! psql -X -d postgres -Atc "select 1 from pg_database where datname = 'jixiao_pgbench'" | grep -q 1; then
  log "initialising pgbench (scale 10) in database jixiao_pgbench"
  psql -X -q -d postgres -c "create database jixiao_pgbench"
  pgbench -q -i -s 10 jixiao_pgbench >/dev/null 2>&1
fi

start_keycloak
API=http://localhost:$APP_PORT
if curl -sf -o /dev/null "$API/q/health/ready"; then
  die "something already answers on $API: stop it (load.sh measures the app it starts)"
fi
log "starting the app ($APP_JAR ${APP_OPTS:-})"
# shellcheck disable=SC2086
start_app "$OUT/app.log" $APP_OPTS
RSS_START=$(rss_mb "$APP_PID")
log "app ready after ${APP_READY_MS} ms, RSS ${RSS_START} MB"

WEN=$(token wenchong); AUD=$(token shenji)
[[ -n $WEN && $WEN != null ]] || die "no token from Keycloak"

# The ids the scenarios use.
psql_bench -Atc "select id from evaluation where purchaser_code = 'HP-WC' and state = 'FINALIZED' order by md5(id::text) limit 4000" >"$OUT/read-ids"
psql_bench -Atc "select id from evaluation where state = 'OPEN' and purchaser_code = 'HP-WC'
                 and not exists (select 1 from submission s where s.evaluation_id = evaluation.id and s.party = 'STREET_OFFICE')
                 order by seq" >"$OUT/submit-ids"
python3 - "$OUT/list-paths" <<PY
import sys, urllib.parse, subprocess
q = lambda s: subprocess.run(["psql", "-X", "-At", "-d", "$BENCH_DB", "-c", s], capture_output=True, text=True).stdout.split()
districts = q("select distinct district from project order by district limit 20")
projects = q("select id from project order by md5(id::text) limit 20")
paths = ["/v1/evaluations?limit=50", "/v1/evaluations?state=FINALIZED&grade=EXCELLENT&limit=50",
         "/v1/evaluations?fiscalYear=2023&phase=FINAL&limit=50", "/v1/evaluations?state=OPEN&limit=50",
         "/v1/projects?limit=50"]
for d in districts:
    e = urllib.parse.quote(d)
    paths += ["/v1/evaluations?district=%s&limit=50" % e, "/v1/projects?district=%s&limit=50" % e]
for p in projects:
    paths += ["/v1/evaluations?projectId=%s" % p]
open(sys.argv[1], "w").write("\n".join(paths) + "\n")
PY

WRK_THREADS=2
export WRK_THREADS
# wrk_run MODE RATE IDFILE TOKEN CONNS SECONDS: one wrk run; prints its BENCH_JSON line.
wrk_run() {
  local mode=$1 rate=$2 ids=$3 tok=$4 conns=$5 secs=$6
  wrk -t$WRK_THREADS -c"$conns" -d"${secs}s" --timeout 10s -s "$BENCH/lib/paced.lua" "$API" -- "$rate" "$mode" "$ids" "$tok" \
    | sed -n 's/^BENCH_JSON //p'
}
pgbench_tps() { # MODE(-S or tpcb)
  local opt=(); [[ $1 == -S ]] && opt=(-S)
  pgbench -n "${opt[@]}" -c "$CONNS" -j 2 -T "$SECONDS_PER_RUN" jixiao_pgbench 2>/dev/null \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1
}
reset_pool() { # makes the OPEN evaluations submittable again (deletes their submissions)
  psql_bench -q <<'SQL'
delete from submission_item_score where revision_id in (select r.id from submission_revision r join submission s on s.id = r.submission_id join evaluation e on e.id = s.evaluation_id where e.state = 'OPEN');
delete from submission_revision where submission_id in (select s.id from submission s join evaluation e on e.id = s.evaluation_id where e.state = 'OPEN');
delete from submission where evaluation_id in (select id from evaluation where state = 'OPEN');
delete from idempotency_record;
update evaluation set version = 1 where state = 'OPEN' and version <> 1;
vacuum analyze submission, submission_revision, submission_item_score, idempotency_record, evaluation;
SQL
}
seqscans() {
  psql_bench -At -F' ' -c "select relname, seq_scan from pg_stat_user_tables where relname in
    ('evaluation','project','submission','submission_revision','submission_item_score','indicator','finding','evaluation_transition','organisation') order by relname"
}

RESULTS_JSON=$OUT/scenarios.jsonl
: >"$RESULTS_JSON"
IFS=, read -r -a SCEN <<<"$SCENARIOS"
for s in "${SCEN[@]}"; do
  case $s in
    read) ids=$OUT/read-ids tok=$WEN pgmode=-S ;;
    list) ids=$OUT/list-paths tok=$AUD pgmode=-S ;;
    submit) ids=$OUT/submit-ids tok=$WEN pgmode=tpcb; reset_pool ;;
    *) die "unknown scenario $s" ;;
  esac
  # warm-up (JIT, pools, caches) outside the measurement
  if [[ $s != submit ]]; then wrk_run "$s" 100000 "$ids" "$tok" "$CONNS" 10 >/dev/null; fi
  before_scans=$(seqscans)
  pg=() app=() appjson=()
  for r in $(seq 1 "$ROUNDS"); do
    if [[ $s == submit ]]; then
      # each round submits to evaluations not used before: its own slice of the pool
      total=$(wc -l <"$ids"); per=$(( total / (ROUNDS + 1) ))
      sed -n "$(( (r - 1) * per + 1 )),$(( r * per ))p" "$ids" >"$OUT/submit-ids-$r"; rids=$OUT/submit-ids-$r
    else rids=$ids; fi
    lock_on
    p=$(pgbench_tps "$pgmode")
    a=$(wrk_run "$s" 100000 "$rids" "$tok" "$CONNS" "$SECONDS_PER_RUN")
    lock_off
    pg+=("$p"); appjson+=("$a"); app+=("$(jq -r .rps <<<"$a")")
    log "round $r of $s: pgbench $pgmode ${p} tps, app $(jq -c '{rps, p50Ms, p99Ms, statuses}' <<<"$a")"
  done
  min_app=$(printf '%s\n' "${app[@]}" | sort -g | head -1)
  half=$(python3 -c "print(max(1, round($min_app / 2)))")
  if [[ $s == submit ]]; then
    total=$(wc -l <"$ids"); per=$(( total / (ROUNDS + 1) ))
    sed -n "$(( ROUNDS * per + 1 )),\$p" "$ids" >"$OUT/submit-ids-half"; hids=$OUT/submit-ids-half
  else hids=$ids; fi
  lock_on
  h=$(wrk_run "$s" "$half" "$hids" "$tok" $((CONNS * 2)) $((SECONDS_PER_RUN * 2)))
  lock_off
  log "$s at ${half}/s: $(jq -c '{rps, late, p50Ms, p99Ms, p999Ms, statuses}' <<<"$h")"
  after_scans=$(seqscans)
  scans=$(paste -d' ' <(echo "$before_scans") <(echo "$after_scans") | awk '{ printf "%s\"%s\": %d", (NR>1?", ":""), $1, $4 - $2 }')
  jq -nc --arg s "$s" --arg pgmode "$pgmode" --argjson conns "$CONNS" \
     --argjson pg "$(printf '%s\n' "${pg[@]}" | jq -s 'map(tonumber)')" \
     --argjson app "$(printf '%s\n' "${appjson[@]}" | jq -s .)" --argjson half "$h" --argjson halfRate "$half" \
     --argjson seqScans "{$scans}" \
     '{scenario: $s, pgbench: $pgmode, connections: $conns, pgbenchTps: $pg, appMax: $app,
       ratios: [range(0; $pg|length) as $i | ($app[$i].rps / $pg[$i])], halfRate: $halfRate, half: $half,
       seqScansDuringScenario: $seqScans}' >>"$RESULTS_JSON"
done
RSS_END=$(rss_mb "$APP_PID")
log "RSS after load ${RSS_END} MB"

JSON=$OUT/load.json MD=$OUT/load.md
jq -s --arg label "$LABEL" --arg jar "$APP_JAR" --arg opts "$APP_OPTS" --argjson ready "$APP_READY_MS" \
   --argjson rss0 "$RSS_START" --argjson rss1 "$RSS_END" --arg at "$(date -u +%FT%TZ)" \
  '{"label": $label, "at": $at, "appJar": $jar, "appOptions": $opts, "readyMs": $ready, "rssAfterStartMb": $rss0,
    "rssAfterLoadMb": $rss1, "scenarios": .}' "$RESULTS_JSON" >"$JSON"
python3 - "$JSON" "$MD" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
out = ["# Load: %s (%s)" % (d["label"], d["at"]), "",
       "App `%s` %s; ready after %d ms; RSS %d MB after start, %d MB after the load." % (
           d["appJar"], d["appOptions"], d["readyMs"], d["rssAfterStartMb"], d["rssAfterLoadMb"]), "",
       "| scenario | pgbench tps (c%d) | app max req/s | app/pgbench | app p99 at max | rate at 50 %% | p50 | p99 | p99.9 | late | statuses at 50 %% |" % d["scenarios"][0]["connections"],
       "|---|---|---|---|---|---|---|---|---|---|---|"]
rng = lambda xs, f="%.0f": (f % min(xs)) + ("–" + f % max(xs) if max(xs) != min(xs) else "")
for s in d["scenarios"]:
    h = s["half"]
    out.append("| %s | %s %s | %s | %s | %s ms | %d/s | %.1f ms | %.1f ms | %.1f ms | %d | %s |" % (
        s["scenario"], s["pgbench"], rng(s["pgbenchTps"]), rng([a["rps"] for a in s["appMax"]]),
        rng([r * 100 for r in s["ratios"]], "%.1f") + " %", rng([a["p99Ms"] for a in s["appMax"]], "%.1f"),
        s["halfRate"], h["p50Ms"], h["p99Ms"], h["p999Ms"], h["late"], h["statuses"]))
out += ["", "Statuses at max: " + "; ".join("%s %s" % (s["scenario"], [a["statuses"] for a in s["appMax"]]) for s in d["scenarios"]),
        "", "Sequential scans on large tables during each scenario (pg_stat_user_tables.seq_scan delta): " +
        "; ".join("%s %s" % (s["scenario"], s["seqScansDuringScenario"]) for s in d["scenarios"])]
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
write_result "load-$LABEL" "$JSON" "$MD"
cat "$MD"
