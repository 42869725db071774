#!/usr/bin/env bash
# Load scenarios against the packaged app with real Keycloak tokens, in rounds alternating with
# pgbench on the same PostgreSQL server — for one build or several side by side (before/after).
#
#   bench/load.sh [--label NAME] [--app "NAME;JAR;JVM options"]… [--scenarios read,submit,list]
#                 [--seconds N] [--rounds N] [--connections N]
#
#   --app   repeatable: each app is started on its own port (18080, 18081, …) and measured in
#           the same rounds as the others (default: one app, APP_JAR, no options)
#
# Needs the data of bench/generate.sh. Starts Keycloak 26.5.6 (port 18180, realm
# k8s/base/keycloak/jixiao-realm.json) unless it answers. Per scenario, holding
# /tmp/jixiao-test.lock (so that no test suite runs beside it): a 10 s warm-up of each app, then
# --rounds rounds of [pgbench at the same concurrency (-S for reads and lists, TPC-B-like for
# submits); each app's maximum (wrk, closed model, same concurrency)]; then per app one
# open-model run (constant arrival rate, bench/lib/paced.lua counting late sends) at 50 % of its
# lowest maximum: p50/p99/p99.9. Reports ranges and ratios app/pgbench of the same round, RSS
# after start and after the load, and the seq_scan count of the large tables per scenario.
# BENCH_JFR=1: each app's first round of each scenario is profiled with JFR (10 s).
source "$(dirname "$0")/lib/common.sh"

LABEL=run SCENARIOS=read,submit,list SECONDS_PER_RUN=15 ROUNDS=2 CONNS=16 APPS=()
while (( $# )); do
  case $1 in
    --label) LABEL=$2; shift 2 ;;
    --app) APPS+=("$2"); shift 2 ;;
    --scenarios) SCENARIOS=$2; shift 2 ;;
    --seconds) SECONDS_PER_RUN=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --connections) CONNS=$2; shift 2 ;;
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1" ;;
  esac
done
(( ${#APPS[@]} )) || APPS=("app;$APP_JAR;")
need_tools
[[ $(psql_bench -Atc "select count(*) from evaluation" 2>/dev/null || echo 0) -gt 0 ]] \
  || die "no data in $BENCH_DB: run bench/generate.sh first"
OUT=$WORK/load-$LABEL
rm -rf "$OUT"; mkdir -p "$OUT"

NAMES=() JARS=() OPTS=() PIDS=() PORTS=() READY=() READYCPU=() RSS0=()
stop_all() { local p; for p in "${PIDS[@]}"; do APP_PID=$p stop_app; done; stop_keycloak; }
trap stop_all EXIT

if ! psql -X -d postgres -Atc "select 1 from pg_database where datname = 'jixiao_pgbench'" | grep -q 1; then
  log "initialising pgbench (scale 10) in database jixiao_pgbench"
  psql -X -q -d postgres -c "create database jixiao_pgbench"
  pgbench -q -i -s 10 jixiao_pgbench >/dev/null 2>&1
fi
start_keycloak
for i in "${!APPS[@]}"; do
  IFS=';' read -r name jar opts <<<"${APPS[$i]}"
  [[ -f $jar ]] || die "no $jar"
  port=$((18080 + i))
  curl -sf -o /dev/null "http://localhost:$port/q/health/ready" && die "something already answers on port $port"
  log "starting $name ($jar ${opts}) on port $port"
  # shellcheck disable=SC2086
  APP_JAR=$jar APP_PORT=$port start_app "$OUT/app-$name.log" $opts
  NAMES+=("$name") JARS+=("$jar") OPTS+=("$opts") PIDS+=("$APP_PID") PORTS+=("$port") READY+=("$APP_READY_MS") READYCPU+=("$APP_READY_CPU_MS") RSS0+=("$(rss_mb "$APP_PID")")
  log "$name ready after ${APP_READY_MS} ms, RSS ${RSS0[-1]} MB"
done
APP_PID=
NAPPS=${#NAMES[@]}

WEN=$(token wenchong); AUD=$(token shenji)
[[ -n $WEN && $WEN != null ]] || die "no token from Keycloak"

psql_bench -Atc "select id from evaluation where purchaser_code = 'HP-WC' and state = 'FINALIZED' order by md5(id::text) limit 4000" >"$OUT/read-ids"
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
wrk_run() { # PORT MODE RATE IDFILE TOKEN CONNS SECONDS
  wrk -t$WRK_THREADS -c"$6" -d"${7}s" --timeout 10s -s "$BENCH/lib/paced.lua" "http://localhost:$1" -- "$3" "$2" "$4" "$5" \
    | sed -n 's/^BENCH_JSON //p'
}
pgbench_tps() {
  local opt=(); [[ $1 == -S ]] && opt=(-S)
  pgbench -n "${opt[@]}" -c "$CONNS" -j 2 -T "$SECONDS_PER_RUN" jixiao_pgbench 2>/dev/null \
    | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1
}
reset_pool() {
  psql_bench -q <<'SQL'
delete from submission_item_score where revision_id in (select r.id from submission_revision r join submission s on s.id = r.submission_id join evaluation e on e.id = s.evaluation_id where e.state = 'OPEN' and e.fiscal_year not between 2035 and 2038);
delete from submission_revision where submission_id in (select s.id from submission s join evaluation e on e.id = s.evaluation_id where e.state = 'OPEN' and e.fiscal_year not between 2035 and 2038);
delete from submission where evaluation_id in (select id from evaluation where state = 'OPEN' and fiscal_year not between 2035 and 2038);
delete from idempotency_record where idempotency_key like 'bench-%';
vacuum analyze submission, submission_revision, submission_item_score, idempotency_record, evaluation;
SQL
}
# The audit append's own cost, from the app's metrics (management port): the sum and count of
# jixiao_audit_append_seconds and of the server time of 201 answers to POST …/submissions.
audit_metrics() {
  curl -s --max-time 5 "http://localhost:$(( $1 + 1000 ))/q/metrics" | awk '
    /^jixiao_audit_append_seconds_sum/ { as += $NF } /^jixiao_audit_append_seconds_count/ { ac += $NF }
    /^http_server_requests_seconds_sum\{/ && /method="POST"/ && /status="201"/ && /submissions"/ { rs += $NF }
    /^http_server_requests_seconds_count\{/ && /method="POST"/ && /status="201"/ && /submissions"/ { rc += $NF }
    END { printf "%.6f %d %.6f %d\n", as, ac, rs, rc }'
}
seqscans() {
  psql_bench -At -F' ' -c "select relname, seq_scan from pg_stat_user_tables where relname in
    ('evaluation','project','submission','submission_revision','submission_item_score','indicator','finding','evaluation_transition','organisation') order by relname"
}

JSONL=$OUT/scenarios.jsonl; : >"$JSONL"
IFS=, read -r -a SCEN <<<"$SCENARIOS"
for s in "${SCEN[@]}"; do
  WEN=$(token wenchong); AUD=$(token shenji) # fresh tokens (15 min) for each scenario
  case $s in
    read) ids=$OUT/read-ids tok=$WEN pgmode=-S ;;
    list) ids=$OUT/list-paths tok=$AUD pgmode=-S ;;
    submit) ids= tok=$WEN pgmode=tpcb ;;
    *) die "unknown scenario $s" ;;
  esac
  if [[ $s == submit ]]; then
    reset_pool
    psql_bench -Atc "select id from evaluation where state = 'OPEN' and fiscal_year not between 2035 and 2038 and purchaser_code = 'HP-WC' order by seq" >"$OUT/submit-ids"
    # disjoint slices: one per app and round, one per app for the run at 50 %, one per app to warm up
    slices=$(( NAPPS * (ROUNDS + 2) )); per=$(( $(wc -l <"$OUT/submit-ids") / slices ))
    for k in $(seq 0 $((slices - 1))); do sed -n "$((k * per + 1)),$(((k + 1) * per))p" "$OUT/submit-ids" >"$OUT/submit-$k"; done
  fi
  lock_on
  before_scans=$(seqscans)
  for i in "${!NAMES[@]}"; do # warm-up (the JIT): 10 s of the same requests, not counted
    wids=$ids; [[ $s == submit ]] && wids=$OUT/submit-$(( NAPPS * (ROUNDS + 1) + i ))
    wrk_run "${PORTS[$i]}" "$s" 100000 "$wids" "$tok" "$CONNS" 10 >/dev/null
  done
  declare -A AUDIT0=()
  for i in "${!NAMES[@]}"; do AUDIT0[$i]=$(audit_metrics "${PORTS[$i]}"); done
  pg=()
  declare -A MAX=()
  for r in $(seq 1 "$ROUNDS"); do
    p=$(pgbench_tps "$pgmode"); pg+=("$p")
    log "round $r of $s: pgbench $pgmode $p tps"
    for i in "${!NAMES[@]}"; do
      rids=$ids; [[ $s == submit ]] && rids=$OUT/submit-$(( i * (ROUNDS + 1) + r - 1 ))
      if [[ -n ${BENCH_JFR:-} && $r == 1 ]]; then
        jcmd "${PIDS[$i]}" JFR.start name=bench duration=10s settings=profile filename="$OUT/$s-${NAMES[$i]}.jfr" >/dev/null
      fi
      c0=$(cpu_ms "${PIDS[$i]}")
      a=$(wrk_run "${PORTS[$i]}" "$s" 100000 "$rids" "$tok" "$CONNS" "$SECONDS_PER_RUN")
      a=$(jq -c --argjson cpu $(( $(cpu_ms "${PIDS[$i]}") - c0 )) --argjson s "$SECONDS_PER_RUN" \
        --arg load "$(cut -d' ' -f1 /proc/loadavg)" \
        '. + {appCpuMs: $cpu, appCpuMsPerOk: (if .okRps > 0 then $cpu / (.okRps * $s) else null end), loadAvg: $load}' <<<"$a")
      MAX[$i]="${MAX[$i]:-}$a"$'\n'
      log "round $r of $s: ${NAMES[$i]} $(jq -c '{okRps, p50Ms, p99Ms, statuses, appCpuMsPerOk, loadAvg}' <<<"$a")"
    done
  done
  HALF=()
  for i in "${!NAMES[@]}"; do
    min=$(jq -s 'map(.okRps) | min' <<<"${MAX[$i]}")
    half=$(python3 -c "print(max(1, round($min / 2)))")
    hids=$ids; [[ $s == submit ]] && hids=$OUT/submit-$(( i * (ROUNDS + 1) + ROUNDS ))
    h=$(wrk_run "${PORTS[$i]}" "$s" "$half" "$hids" "$tok" $((CONNS * 2)) $((SECONDS_PER_RUN * 2)))
    HALF[$i]=$(jq -c --argjson rate "$half" '. + {rate: $rate}' <<<"$h")
    log "$s, ${NAMES[$i]} at ${half}/s (open model): $(jq -c '{okRps, late, p50Ms, p99Ms, p999Ms, statuses}' <<<"$h")"
  done
  after_scans=$(seqscans)
  declare -A AUDIT=()
  for i in "${!NAMES[@]}"; do
    AUDIT[$i]=$(read -r as0 ac0 rs0 rc0 <<<"${AUDIT0[$i]}"; read -r as1 ac1 rs1 rc1 <<<"$(audit_metrics "${PORTS[$i]}")"
      python3 -c "import json,sys
a,n,r,m=$as1-$as0,$ac1-$ac0,$rs1-$rs0,$rc1-$rc0
print(json.dumps({'appends': n, 'appendMeanMs': a*1000/n if n else None, 'submits201': m,
  'submitServerMeanMs': r*1000/m if m else None, 'appendShareOfSubmit': (a/n)/(r/m) if n and m and r else None}))")
    [[ $s == submit ]] && log "$s, ${NAMES[$i]}: audit append $(jq -c . <<<"${AUDIT[$i]}")"
  done
  lock_off
  scans=$(paste -d' ' <(echo "$before_scans") <(echo "$after_scans") | awk '{ printf "%s\"%s\": %d", (NR>1?", ":""), $1, $4 - $2 }')
  for i in "${!NAMES[@]}"; do
    profile=null
    if [[ -f $OUT/$s-${NAMES[$i]}.jfr ]]; then
      sleep 1
      profile=$(python3 "$BENCH/lib/jfr_summary.py" "$OUT/$s-${NAMES[$i]}.jfr" 2>/dev/null || echo null)
      log "$s, ${NAMES[$i]}: where the CPU goes (JFR): $profile"
    fi
    jq -nc --arg s "$s" --arg app "${NAMES[$i]}" --arg pgmode "$pgmode" --argjson conns "$CONNS" \
       --argjson pg "$(printf '%s\n' "${pg[@]}" | jq -s 'map(tonumber)')" --argjson max "$(jq -s . <<<"${MAX[$i]}")" \
       --argjson half "${HALF[$i]}" --argjson seqScans "{$scans}" --argjson profile "$profile" \
       --argjson audit "${AUDIT[$i]:-null}" \
       '{"scenario": $s, "app": $app, "pgbench": $pgmode, "connections": $conns, "pgbenchTps": $pg, "appMax": $max,
         "ratios": [range(0; $pg|length) as $k | ($max[$k].okRps / $pg[$k])], "half": $half,
         "seqScansDuringScenario": $seqScans, "profile": $profile, "auditAppend": $audit}' >>"$JSONL"
  done
  unset MAX AUDIT AUDIT0
done

APPS_JSON=$(for i in "${!NAMES[@]}"; do
  jq -nc --arg n "${NAMES[$i]}" --arg j "${JARS[$i]}" --arg o "${OPTS[$i]}" --argjson ready "${READY[$i]}" \
    --argjson readyCpu "${READYCPU[$i]}" --argjson r0 "${RSS0[$i]}" --argjson r1 "$(rss_mb "${PIDS[$i]}")" \
    '{"app": $n, "jar": $j, "options": $o, "readyMs": $ready, "cpuToReadyMs": $readyCpu, "rssAfterStartMb": $r0, "rssAfterLoadMb": $r1}'
done | jq -s .)
JSON=$OUT/load.json MD=$OUT/load.md
jq -s --arg lbl "$LABEL" --arg at "$(date -u +%FT%TZ)" --argjson apps "$APPS_JSON" \
  '{"label": $lbl, "at": $at, "apps": $apps, "scenarios": .}' "$JSONL" >"$JSON"
python3 - "$JSON" "$MD" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
rng = lambda xs, f="%.0f": (f % min(xs)) + ("–" + f % max(xs) if max(xs) != min(xs) else "")
out = ["# Load: %s (%s)" % (d["label"], d["at"]), "", "| app | options | ready | CPU until ready | RSS after start | RSS after load |", "|---|---|---|---|---|---|"]
for a in d["apps"]:
    out.append("| %s | `%s` | %d ms | %s ms | %d MB | %d MB |" % (a["app"], a["options"] or "-", a["readyMs"], a.get("cpuToReadyMs", "-"), a["rssAfterStartMb"], a["rssAfterLoadMb"]))
out += ["", "| scenario | app | pgbench tps (c%d) | app max 2xx/s | app/pgbench | app CPU per 2xx | load | p99 at max | rate at 50 %% | p50 | p99 | p99.9 | late | statuses at 50 %% |" % d["scenarios"][0]["connections"],
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
for s in d["scenarios"]:
    h = s["half"]
    cpu = [a["appCpuMsPerOk"] for a in s["appMax"] if a.get("appCpuMsPerOk") is not None]
    load = [float(a["loadAvg"]) for a in s["appMax"] if a.get("loadAvg")]
    out.append("| %s | %s | %s %s | %s | %s | %s | %s | %s ms | %d/s | %.1f ms | %.1f ms | %.1f ms | %d | %s |" % (
        s["scenario"], s["app"], s["pgbench"], rng(s["pgbenchTps"]), rng([a["okRps"] for a in s["appMax"]]),
        rng([r * 100 for r in s["ratios"]], "%.1f") + " %", (rng(cpu, "%.2f") + " ms") if cpu else "-",
        rng(load, "%.1f") if load else "-", rng([a["p99Ms"] for a in s["appMax"]], "%.1f"),
        h["rate"], h["p50Ms"], h["p99Ms"], h["p999Ms"], h["late"], h["statuses"]))
out += ["", "Statuses at max: " + "; ".join("%s/%s %s" % (s["scenario"], s["app"], [a["statuses"] for a in s["appMax"]]) for s in d["scenarios"])]
seen = set()
for s in d["scenarios"]:
    if s["scenario"] not in seen:
        seen.add(s["scenario"])
        out += ["", "Sequential scans during %s (all apps, pg_stat_user_tables delta): %s" % (s["scenario"], s["seqScansDuringScenario"])]
for s in d["scenarios"]:
    a = s.get("auditAppend") or {}
    if s["scenario"] == "submit" and a.get("appends"):
        out += ["", "Audit append during submit/%s: %d appends, %.2f ms each on average, against %.2f ms of server time per 201 "
                "(%s of a submission's server time; jixiao_audit_append_seconds vs http_server_requests_seconds)" % (
                s["app"], a["appends"], a["appendMeanMs"], a["submitServerMeanMs"] or 0,
                ("%.1f %%" % (a["appendShareOfSubmit"] * 100)) if a.get("appendShareOfSubmit") else "-")]
for s in d["scenarios"]:
    if s.get("profile"):
        out += ["", "JFR %s/%s (%d samples; share of samples whose stack contains): " % (s["scenario"], s["app"], s["profile"]["samples"]) +
                ", ".join("%s %.1f %%" % kv for kv in sorted(s["profile"]["shares"].items(), key=lambda kv: -kv[1]))]
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
write_result "load-$LABEL" "$JSON" "$MD"
cat "$MD"
