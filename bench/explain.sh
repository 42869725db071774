#!/usr/bin/env bash
# EXPLAIN of the SQL the list and lookup endpoints run (the shapes Hibernate generates from the
# repositories' queries, with the auditor's and a street office's scope), on the generated data:
# fails when a plan has a sequential scan on a large table.
#
#   bench/explain.sh
source "$(dirname "$0")/lib/common.sh"
need_tools
OUT=$WORK/explain; mkdir -p "$OUT"
D=$(psql_bench -Atc "select district from project where district <> '黄埔区' limit 1")
P=$(psql_bench -Atc "select id from project limit 1 offset 20000")
E=$(psql_bench -Atc "select id from evaluation where purchaser_code = 'HP-WC' limit 1")
S=$(psql_bench -Atc "select seq from evaluation order by seq limit 1 offset 100000")
declare -a NAMES SQLS
q() { NAMES+=("$1"); SQLS+=("$2"); }
q "auditor: evaluations, first page" "select * from evaluation e where 1=1 order by e.seq limit 51"
q "auditor: evaluations after a cursor" "select * from evaluation e where 1=1 and e.seq > $S order by e.seq limit 51"
q "auditor: FINALIZED + EXCELLENT" "select * from evaluation e where 1=1 and e.state = 'FINALIZED' and e.result_grade = 'EXCELLENT' order by e.seq limit 51"
q "auditor: year + phase" "select * from evaluation e where 1=1 and e.fiscal_year = 2023 and e.phase = 'FINAL' order by e.seq limit 51"
q "auditor: district" "select * from evaluation e where 1=1 and e.district = '$D' order by e.seq limit 51"
q "auditor: project" "select * from evaluation e where 1=1 and e.project_id = '$P' order by e.seq limit 51"
q "auditor: projects by district" "select * from project p where 1=1 and p.district = '$D' order by p.seq limit 51"
q "street office: its evaluations" "select * from evaluation e where (e.purchaser_code = 'HP-WC') order by e.seq limit 51"
q "street office: scope check by id (count)" "select count(*) from evaluation e where e.id = '$E' and (e.purchaser_code = 'HP-WC')"
q "bureau: scope check by id (count)" "select count(*) from evaluation e where e.id = '$E' and (e.district = '黄埔区')"
q "assessor: scope check by id (count)" "select count(*) from evaluation e where e.id = '$E' and ((e.assessor_code = 'GZ-SGX' and e.state <> 'DRAFT'))"
q "evaluation by id" "select * from evaluation e where e.id = '$E'"
q "submissions of an evaluation" "select * from submission s where s.evaluation_id = '$E'"
R=$(psql_bench -Atc "select id from submission_revision limit 1")
q "item scores of a revision" "select * from submission_item_score i where i.revision_id = '$R'"
# What a pooled prepared statement may keep: the generic plan (no parameter values, statistics only).
G="set plan_cache_mode = force_generic_plan;"
q "generic plan: street office scope check by id" "$G prepare s1(uuid, text) as select count(*) from evaluation e where e.id = \$1 and (e.purchaser_code = \$2); explain execute s1('$E', 'HP-WC')"
q "generic plan: assessor scope check by id" "$G prepare s2(uuid, text, text) as select count(*) from evaluation e where e.id = \$1 and ((e.assessor_code = \$2 and e.state <> \$3)); explain execute s2('$E', 'GZ-SGX', 'DRAFT')"
q "generic plan: evaluation by id" "$G prepare s3(uuid) as select * from evaluation e where e.id = \$1; explain execute s3('$E')"
LARGE='evaluation|project|submission|submission_revision|submission_item_score|indicator|finding|evaluation_transition|sample|budget_line'
bad=0; JSONL=$OUT/explain.jsonl; : >"$JSONL"
{ echo "# EXPLAIN on the generated data ($(date -u +%FT%TZ))"; echo; } >"$OUT/explain.md"
for i in "${!NAMES[@]}"; do
  if [[ ${SQLS[$i]} == set* ]]; then plan=$(psql_bench -At <<<"${SQLS[$i]}")
  else plan=$(psql_bench -Atc "explain ${SQLS[$i]}"); fi
  seq=$(grep -oE "Seq Scan on ($LARGE)( |$)" <<<"$plan" | head -1 || true)
  [[ -n $seq ]] && bad=$((bad + 1))
  jq -nc --arg n "${NAMES[$i]}" --arg s "${SQLS[$i]}" --arg p "$plan" --arg seq "$seq" \
     '{query: $n, sql: $s, plan: $p, seqScanOnLargeTable: ($seq != "")}' >>"$JSONL"
  { echo "## ${NAMES[$i]} ${seq:+— **$seq**}"; echo; echo '```'; echo "${SQLS[$i]}"; echo "$plan"; echo '```'; echo; } >>"$OUT/explain.md"
  log "${NAMES[$i]}: $(head -1 <<<"$plan" | cut -c1-90) ${seq:+ [$seq]}"
done
jq -s --argjson bad "$bad" '{sequentialScansOnLargeTables: $bad, queries: .}' "$JSONL" >"$OUT/explain.json"
write_result explain "$OUT/explain.json" "$OUT/explain.md"
log "$bad plan(s) with a sequential scan on a large table"
(( bad == 0 ))
