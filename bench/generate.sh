#!/usr/bin/env bash
# National-scale benchmark data in the machine's PostgreSQL (database jixiao_bench by default).
#
#   bench/generate.sh [--scale S] [--years N] [--pool-years N]
#
#   --scale S       fraction of the national scale: 1 = 40,000 projects (default 1; 0.02 for a
#                   quick run)
#   --years N       historic fiscal years ending 2023, each with MID_TERM and FINAL (default 2)
#   --pool-years N  years 2024… of OPEN evaluations (no submission yet) on HP-WC's projects, for
#                   the submit scenario (default 37: 74 per pool project; years 2035–2038 are the fault tests', the others the load's)
#
# Recreates the database, creates the schema by running the packaged app's Flyway migrations once
# (the app is started on a random port and stopped), fills it with INSERT … SELECT inside
# PostgreSQL, then runs VACUUM ANALYZE (autovacuum is off on these machines: without it the
# planner has no statistics). Prints a summary; writes bench/results/generate-*.{json,md}.
source "$(dirname "$0")/lib/common.sh"

SCALE=1 YEARS=2 POOL_YEARS=37
while (( $# )); do
  case $1 in
    --scale) SCALE=$2; shift 2 ;;
    --years) YEARS=$2; shift 2 ;;
    --pool-years) POOL_YEARS=$2; shift 2 ;;
    -h|--help) sed -n '2,/^source/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1" ;;
  esac
done
PROJECTS=$(python3 -c "print(max(200, int(40000 * $SCALE)))")
POOL_PROJECTS=$(( PROJECTS / 40 ))

need_tools
need_app
T0=$(date +%s%N)

log "recreating database $BENCH_DB"
psql -X -q -d postgres -c "drop database if exists $BENCH_DB with (force)" -c "create database $BENCH_DB"

log "creating the schema with the app's Flyway migrations"
MIGRATE_LOG=$WORK/migrate.log
QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" \
QUARKUS_DATASOURCE_USERNAME=$PGUSER QUARKUS_DATASOURCE_PASSWORD=${PGPASSWORD:-postgres} \
QUARKUS_HTTP_PORT=0 OIDC_AUTH_SERVER_URL=http://127.0.0.1:9/realms/none OIDC_CONNECTION_DELAY=0S \
JIXIAO_REQUIRE_HTTPS=false java -jar "$APP_JAR" </dev/null >"$MIGRATE_LOG" 2>&1 &
MPID=$!
for _ in $(seq 1 600); do
  grep -q 'started in' "$MIGRATE_LOG" && break
  kill -0 "$MPID" 2>/dev/null || break
  sleep 0.1
done
kill -TERM "$MPID" 2>/dev/null || true; wait "$MPID" 2>/dev/null || true
MIGRATIONS=$(psql_bench -Atc "select count(*) from flyway_schema_history where success" 2>/dev/null || echo 0)
(( MIGRATIONS > 0 )) || { tail -30 "$MIGRATE_LOG" >&2; die "the migrations did not run (see $MIGRATE_LOG)"; }
T1=$(date +%s%N)

log "generating $PROJECTS projects ($POOL_PROJECTS of HP-WC with $((POOL_YEARS * 2)) OPEN evaluations each), $YEARS historic years"
psql_bench -v projects="$PROJECTS" -v pool_projects="$POOL_PROJECTS" -v years="$YEARS" -v pool_years="$POOL_YEARS" \
  -f "$BENCH/lib/generate.sql"
T2=$(date +%s%N)
log "VACUUM ANALYZE (autovacuum is off: the planner needs statistics, index-only scans a visibility map)"
psql_bench -c "vacuum analyze"
T3=$(date +%s%N)

COUNTS=$(psql_bench -At -F' ' -c "
  select 'organisation', count(*) from organisation union all
  select 'project', count(*) from project union all
  select 'budget_line', count(*) from budget_line union all
  select 'indicator', count(*) from indicator union all
  select 'evaluation', count(*) from evaluation union all
  select 'evaluation_open_pool', count(*) from evaluation where state = 'OPEN' union all
  select 'evaluation_transition', count(*) from evaluation_transition union all
  select 'submission', count(*) from submission union all
  select 'submission_item_score', count(*) from submission_item_score union all
  select 'sample', count(*) from sample union all
  select 'finding', count(*) from finding")
SIZE=$(psql_bench -Atc "select pg_size_pretty(pg_database_size('$BENCH_DB'))")

ms() { echo $(( ($2 - $1) / 1000000 )); }
JSON=$WORK/generate.json MD=$WORK/generate.md
{
  echo "{\"scale\": $SCALE, \"projects\": $PROJECTS, \"years\": $YEARS, \"poolYears\": $POOL_YEARS,"
  echo " \"migrateMs\": $(ms "$T0" "$T1"), \"loadMs\": $(ms "$T1" "$T2"), \"vacuumAnalyzeMs\": $(ms "$T2" "$T3"),"
  echo " \"totalMs\": $(ms "$T0" "$T3"), \"databaseSize\": \"$SIZE\", \"rows\": {"
  echo "$COUNTS" | awk '{ printf "%s  \"%s\": %s", (NR > 1 ? ",\n" : ""), $1, $2 } END { print "" }'
  echo "}}"
} >"$JSON"
{
  echo "# Benchmark data (scale $SCALE)"
  echo
  echo "Generated $(date -u +%FT%TZ) into \`$BENCH_DB\` on $PGHOST:$PGPORT: migrations $(ms "$T0" "$T1") ms, load $(ms "$T1" "$T2") ms, VACUUM ANALYZE $(ms "$T2" "$T3") ms; database $SIZE. ANALYZE was run after the load."
  echo
  echo "| table | rows |"; echo "|---|---:|"
  echo "$COUNTS" | awk '{ printf "| %s | %s |\n", $1, $2 }'
} >"$MD"
write_result generate "$JSON" "$MD"
cat "$MD"
