-- Synthetic Guangzhou for the report/analytics benchmark: 11 districts x 15 streets.
insert into organisation (id, code, type, name, district, street, version, created_at, created_by)
select gen_random_uuid(), 'BN-BUR-' || d, 'BUREAU', '基准区' || d || '民政局', '基准区' || d, null, 0, now(), 'bench'
  from generate_series(0, 10) d;
insert into organisation (id, code, type, name, district, street, version, created_at, created_by)
select gen_random_uuid(), 'BN-ST-' || d || '-' || s, 'STREET_OFFICE', '基准区' || d || '街道' || s || '办事处',
       '基准区' || d, '街道' || d || '-' || s, 0, now(), 'bench'
  from generate_series(0, 10) d, generate_series(0, 14) s;
insert into organisation (id, code, type, name, district, street, version, created_at, created_by)
select gen_random_uuid(), 'BN-PRV-' || d, 'SERVICE_PROVIDER', '基准社工服务中心' || d, '基准区' || d, null, 0, now(), 'bench'
  from generate_series(0, 10) d;
insert into organisation (id, code, type, name, district, street, version, created_at, created_by) values
  (gen_random_uuid(), 'BN-ASR', 'ASSESSOR', '基准评估机构', '广州市', null, 0, now(), 'bench'),
  (gen_random_uuid(), 'BN-AUDIT', 'AUDIT_OFFICE', '基准审计局', '广州市', null, 0, now(), 'bench');
-- projects
insert into project (id, name, station, district, street, purchaser_code, supervisor_code, provider_code,
                     contract_start, contract_end, communities, staff_count, status, version, created_at, created_by,
                     updated_at, updated_by)
select gen_random_uuid(), '基准项目' || i, '基准社工站' || i, '基准区' || (i % 11), '街道' || (i % 11) || '-' || ((i / 11) % 15),
       'BN-ST-' || (i % 11) || '-' || ((i / 11) % 15), 'BN-BUR-' || (i % 11), 'BN-PRV-' || (i % 11),
       date '2021-01-01', date '2023-12-31', 8, 14, 'ACTIVE', 0, now(), 'bench', now(), 'bench'
  from generate_series(1, :projects) i;
-- budget lines
insert into budget_line (id, project_id, fiscal_year, budget, executed, version, created_at, created_by, updated_at, updated_by)
select gen_random_uuid(), id, 2022, 2400000, 2400000 - (seq % 7) * 10000, 0, now(), 'bench', now(), 'bench'
  from project where created_by = 'bench';
-- both 2022 evaluations, finalized
insert into evaluation (id, project_id, fiscal_year, phase, framework_id, bureau_code, purchaser_code, assessor_code,
                        district, state, weight_bureau, weight_street_office, weight_assessor, disagreement_threshold,
                        result_bureau, result_street_office, result_assessor, result_total_exact, result_total,
                        result_grade, result_spread, result_flagged, finalized_at, finalized_by, version,
                        created_at, created_by, updated_at, updated_by)
select gen_random_uuid(), p.id, 2022, v.ph, 'a0f1e2d3-0000-4000-8000-000000000001', p.supervisor_code,
       p.purchaser_code, 'BN-ASR', p.district, 'FINALIZED', 10, 20, 70, 15,
       sc.b, sc.s, sc.a, ex.exact, round(ex.exact, 2),
       case when round(ex.exact, 2) >= 90 then 'EXCELLENT' when round(ex.exact, 2) >= 80 then 'GOOD'
            when round(ex.exact, 2) >= 60 then 'PASS' else 'FAIL' end,
       greatest(sc.b, sc.s, sc.a) - least(sc.b, sc.s, sc.a), greatest(sc.b, sc.s, sc.a) - least(sc.b, sc.s, sc.a) > 15,
       now(), 'bench', 2, now(), 'bench', now(), 'bench'
  from project p
 cross join (values ('MID_TERM'), ('FINAL')) v(ph)
 cross join lateral (select (62 + (p.seq * 7 + length(v.ph)) % 38)::numeric(5,2) as b,
                            (60 + (p.seq * 13 + length(v.ph)) % 40)::numeric(5,2) as s,
                            (55 + (p.seq * 17 + length(v.ph)) % 45)::numeric(5,2) as a) sc
 cross join lateral (select sc.b * 0.1 + sc.s * 0.2 + sc.a * 0.7 as exact) ex
 where p.created_by = 'bench';
-- each party's submission, its first revision and item scores
insert into submission (id, evaluation_id, party, organisation_code, revision, score, version, created_at, updated_at)
select gen_random_uuid(), e.id, pt.party,
       case pt.party when 'BUREAU' then e.bureau_code when 'STREET_OFFICE' then e.purchaser_code else e.assessor_code end,
       1, case pt.party when 'BUREAU' then e.result_bureau when 'STREET_OFFICE' then e.result_street_office
                        else e.result_assessor end, 0, now(), now()
  from evaluation e cross join (values ('BUREAU'), ('STREET_OFFICE'), ('ASSESSOR')) pt(party)
 where e.created_by = 'bench';
insert into submission_revision (id, submission_id, revision, score, submitted_at, submitted_by)
select gen_random_uuid(), s.id, 1, s.score, now(), 'bench'
  from submission s join evaluation e on e.id = s.evaluation_id where e.created_by = 'bench';
insert into submission_item_score (revision_id, position, item_code, score)
select sr.id, fi.position, fi.code, round(fi.max_points * sr.score / 100, 2)
  from submission_revision sr
  join submission s on s.id = sr.submission_id
  join evaluation e on e.id = s.evaluation_id
  join framework_item fi on fi.framework_id = e.framework_id and fi.party = s.party
 where e.created_by = 'bench';
-- contract indicators (12 per project; two without a target)
insert into indicator_set (id, project_id, fiscal_year, version, created_at, created_by, updated_at, updated_by)
select gen_random_uuid(), id, 2022, 0, now(), 'bench', now(), 'bench' from project where created_by = 'bench';
insert into indicator (set_id, position, key, name, unit, category, target, actual)
select s.id, k.pos, k.key, k.name, '个', 'OUTPUT', k.target,
       round(coalesce(k.target, 500) * (60 + (p.seq * k.pos * 31) % 80) / 100)
  from indicator_set s join project p on p.id = s.project_id
 cross join (values (1, 'phone-visits', '电访', 860), (2, 'home-visits', '探访', 808), (3, 'cases-opened', '个案接案', 45),
                    (4, 'cases-closed', '个案完成', 45), (5, 'case-sessions', '个案服务节数', 360), (6, 'groups', '专业小组', 12),
                    (7, 'group-sessions', '小组节数', 72), (8, 'group-participants', '小组服务人次', null),
                    (9, 'large-events', '大型社区活动', 5), (10, 'large-event-participants', '大型活动服务人次', null),
                    (11, 'small-events', '中小型社区活动', 17), (12, 'small-event-participants', '中小型活动服务人次', 300))
       k(pos, key, name, target)
 where p.created_by = 'bench';
-- a satisfaction sample of 15 + 5 on every final evaluation
insert into sample (id, evaluation_id, kind, roster_digest, roster_size, roster_uploaded_at, roster_uploaded_by, seed,
                    drawn_at, drawn_by, version, created_at)
select gen_random_uuid(), e.id, 'SATISFACTION', repeat('0', 64), 40, now(), 'bench', 'bench', now(), 'bench', 2, now()
  from evaluation e where e.created_by = 'bench' and e.phase = 'FINAL';
insert into sample_stratum (sample_id, position, code, name, quota, reserves)
select s.id, v.pos, v.code, v.name, v.quota, v.reserves
  from sample s join evaluation e on e.id = s.evaluation_id
 cross join (values (1, 'SERVICE_USER', '服务对象', 15, 3), (2, 'COMMITTEE_PARTNER', '村居委及合作方', 5, 1))
       v(pos, code, name, quota, reserves)
 where e.created_by = 'bench';
insert into sample_draw_entry (sample_id, code, stratum, role, rank)
select st.sample_id, st.code || '-' || n, st.code, 'SELECTED', n
  from sample_stratum st join sample s on s.id = st.sample_id join evaluation e on e.id = s.evaluation_id
 cross join lateral generate_series(1, st.quota) n
 where e.created_by = 'bench';
insert into sample_response (id, sample_id, code, stratum, role, refused, rating, no_answer, interviewer,
                             interviewed_on, recorded_by, recorded_at)
select gen_random_uuid(), d.sample_id, d.code, d.stratum, 'SELECTED', false,
       case when abs(hashtext(d.sample_id::text || d.code)) % 12 = 0 then 3 else 5 end, false, 'bench',
       date '2022-11-15', 'bench', now()
  from sample_draw_entry d join sample s on s.id = d.sample_id join evaluation e on e.id = s.evaluation_id
 where e.created_by = 'bench';
-- two mid-term findings per project, three quarters of them closed by the final evaluation
insert into finding (id, evaluation_id, kind, category, title, text, recorded_by, recorded_org, recorded_at)
select gen_random_uuid(), e.id, 'FINDING', c.cat, '基准问题', '基准问题说明', 'bench', 'BN-ASR', now()
  from evaluation e cross join (values ('PROJECT_MANAGEMENT'), ('PERFORMANCE_MANAGEMENT')) c(cat)
 where e.created_by = 'bench' and e.phase = 'MID_TERM';
insert into rectification (finding_id, final_evaluation_id, status, evidence, closed_by, closed_at, version)
select f.id, fe.id,
       case abs(hashtext(f.id::text)) % 3 when 0 then 'RESOLVED' when 1 then 'PARTIALLY_RESOLVED' else 'UNRESOLVED' end,
       '基准整改', 'bench', now(), 0
  from finding f
  join evaluation me on me.id = f.evaluation_id
  join evaluation fe on fe.project_id = me.project_id and fe.fiscal_year = me.fiscal_year and fe.phase = 'FINAL'
 where me.created_by = 'bench' and abs(hashtext(f.id::text)) % 4 <> 0;
