#!/usr/bin/env bash
# The cost of the performance report and of the analytics on 40,000 projects (issue 11).
#
#   bash bench/report/run.sh            # 40,000 projects
#   BENCH_PROJECTS=4000 bash bench/report/run.sh
#
# Runs io.jixiao.report.ReportBench (src/test/java; not part of `mvn verify`) under the shared
# test lock: it loads a synthetic district set with SQL into the embedded PostgreSQL, runs
# VACUUM ANALYZE, prints EXPLAIN (ANALYZE, BUFFERS) of every analytics query for an auditor, a
# bureau and a street office, times the analytics and the 2022 Wenchong report (JSON, Markdown,
# PDF) over HTTP, and writes bench/results/report-<time>.json and .md.
set -euo pipefail
cd "$(dirname "$0")/../.."
projects=${BENCH_PROJECTS:-40000}
log=target/report-bench.log
mkdir -p target
echo "== report bench: $projects projects (log: $log)"
flock /tmp/jixiao-test.lock mvn -B -o test -Dtest=ReportBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.projects="$projects" >"$log" 2>  -Dbench.projects="$projects" -DargLine="-Dbench.projects=$projects" >"$log" 2>&1 || {1 || {
  grep -E '\[bench\]|ERROR|FAIL' "$log" | tail -40
  exit 1
}
grep -E '^\[bench\]' "$log" | grep -v EXPLAIN || true
grep -A0 -E '^\[bench\] EXPLAIN' "$log"
ls -1t bench/results/report-*.md | head -n 1
