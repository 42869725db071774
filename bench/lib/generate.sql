-- National-scale data for the benchmarks, generated inside PostgreSQL (INSERT … SELECT over
-- generate_series: no round trips). Variables: :projects (number of projects), :pool_projects
-- (HP-WC's projects that also carry OPEN evaluations for the submit scenario), :years (historic
-- fiscal years, ending 2023), :pool_years (years 2024… of OPEN evaluations per pool project).
-- Ids are md5-derived UUIDs, so the same scale always gives the same ids.
\set ON_ERROR_STOP on
set synchronous_commit = off;

create temp table district_t as
select d, case when d = 0 then '黄埔区' else '区' || lpad(d::text, 4, '0') end as name,
       case when d = 0 then 'HP-MZJ' else 'B' || lpad(d::text, 4, '0') end as bureau,
       case when d = 0 then 'HP-SJJ' else 'AU' || lpad(d::text, 4, '0') end as audit
from generate_series(0, greatest(1, :projects / 100) - 1) d;

-- Organisations: per district a bureau, an audit office and ten street offices; 100 assessor
-- organisations and 2,000 service providers nationwide; the demo organisations keep their codes.
insert into organisation (id, code, type, name, name_en, district, street, created_at, created_by)
select md5('org-b' || d)::uuid, bureau, 'BUREAU',
       case when d = 0 then '广州市黄埔区民政局' else name || '民政局' end,
       case when d = 0 then 'Huangpu District Civil Affairs Bureau' end, name, null, now(), 'bench'
from district_t
union all
select md5('org-a' || d)::uuid, audit, 'AUDIT_OFFICE',
       case when d = 0 then '广州市黄埔区审计局' else name || '审计局' end, null, name, null, now(), 'bench'
from district_t
union all
select md5('org-s' || d || '-' || s)::uuid,
       case when d = 0 and s = 0 then 'HP-WC' when d = 0 and s = 1 then 'HP-DS'
            else 'S' || lpad(d::text, 4, '0') || '-' || s end,
       'STREET_OFFICE',
       case when d = 0 and s = 0 then '广州市黄埔区人民政府文冲街道办事处'
            when d = 0 and s = 1 then '广州市黄埔区人民政府大沙街道办事处'
            else name || '第' || s || '街道办事处' end, null, name,
       case when d = 0 and s = 0 then '文冲街道' when d = 0 and s = 1 then '大沙街道'
            else '第' || s || '街道' end, now(), 'bench'
from district_t, generate_series(0, 9) s
union all
select md5('org-as' || a)::uuid,
       case a when 0 then 'GZ-SGX' when 1 then 'GZ-HX' else 'AS' || lpad(a::text, 3, '0') end, 'ASSESSOR',
       case a when 0 then '广州市社会工作协会' when 1 then '广州市华行社会工作评估中心'
              else '第' || a || '社会工作评估中心' end, null, '广州市', null, now(), 'bench'
from generate_series(0, 99) a
union all
select md5('org-p' || p)::uuid, case when p = 0 then 'HP-YC' else 'P' || lpad(p::text, 4, '0') end,
       'SERVICE_PROVIDER', case when p = 0 then '广州市洋城社会工作服务中心' else '第' || p || '社会工作服务中心' end,
       null, '黄埔区', null, now(), 'bench'
from generate_series(0, 1999) p;

-- Projects: the first :pool_projects are purchased by HP-WC (黄埔区 文冲街道); the others are
-- spread over districts (100 each) and their ten streets.
create temp table project_t as
select i, md5('project-' || i)::uuid as id,
       case when i < :pool_projects then 0 else (i / 100) % (select count(*) from district_t) end as d,
       case when i < :pool_projects then 0 else ((i % 100) / 10) end as s
from generate_series(0, :projects - 1) i;

insert into project (id, name, station, district, street, purchaser_code, supervisor_code, provider_code,
                     contract_start, contract_end, communities, staff_count, status,
                     created_at, created_by, updated_at, updated_by)
select p.id, dt.name || '社工服务项目' || p.i, dt.name || '社工站' || p.i, dt.name, o.street, o.code, dt.bureau,
       case when p.i % 2000 = 0 then 'HP-YC' else 'P' || lpad((p.i % 2000)::text, 4, '0') end,
       date '2021-01-01', date '2026-12-31', 4 + p.i % 9, 8 + p.i % 12, 'ACTIVE',
       now(), 'bench', now(), 'bench'
from project_t p
join district_t dt on dt.d = p.d
join organisation o on o.id = md5('org-s' || p.d || '-' || p.s)::uuid;

insert into budget_line (id, project_id, fiscal_year, budget, executed, created_at, created_by, updated_at, updated_by)
select md5('budget-' || p.i || '-' || y)::uuid, p.id, y, 2400000.00, 2400000.00 - (p.i % 7) * 10000,
       now(), 'bench', now(), 'bench'
from project_t p, generate_series(2024 - :years, 2023) y;

-- Contract indicators per project and year (the twelve of the Wenchong report).
insert into indicator_set (id, project_id, fiscal_year, created_at, created_by, updated_at, updated_by)
select md5('iset-' || p.i || '-' || y)::uuid, p.id, y, now(), 'bench', now(), 'bench'
from project_t p, generate_series(2024 - :years, 2023) y;

insert into indicator (set_id, position, key, name, unit, category, target, actual)
select md5('iset-' || p.i || '-' || y)::uuid, k.pos, k.key, k.name, k.unit, 'OUTPUT', k.target,
       round(coalesce(k.target, 500) * (0.75 + ((p.i * 7 + k.pos * 13 + y) % 50) / 100.0))
from project_t p, generate_series(2024 - :years, 2023) y,
     (values (1, 'phone-visits', '电访', '人次', 860), (2, 'home-visits', '探访', '人次', 808),
             (3, 'cases-opened', '个案接案', '个', 45), (4, 'cases-closed', '个案完成', '个', 45),
             (5, 'case-sessions', '个案服务节数', '节', 360), (6, 'groups', '专业小组', '个', 12),
             (7, 'group-sessions', '小组节数', '节', 72), (8, 'group-participants', '小组服务人次', '人次', null),
             (9, 'large-events', '大型社区活动', '场', 5), (10, 'large-event-participants', '大型活动参与人次', '人次', null),
             (11, 'small-events', '中小型社区活动', '场', 17), (12, 'small-event-participants', '中小型活动参与人次', '人次', 300))
     as k(pos, key, name, unit, target);

-- Historic evaluations: every project, every year, both phases, all three parties submitted
-- on the default framework, finalized.
create temp table eval_t as
select md5('eval-' || p.i || '-' || y || '-' || ph)::uuid as id, p.i, p.id as project_id, y, ph, p.d,
       (select bureau from district_t where d = p.d) as bureau,
       o.code as purchaser,
       case when p.d = 0 then (case when p.i % 2 = 0 then 'GZ-SGX' else 'GZ-HX' end)
            when p.i % 100 < 2 then 'GZ-SGX'
            else 'AS' || lpad((2 + p.i % 98)::text, 3, '0') end as assessor
from project_t p
join organisation o on o.id = md5('org-s' || p.d || '-' || p.s)::uuid,
     generate_series(2024 - :years, 2023) y, unnest(array['MID_TERM', 'FINAL']) ph;

create temp table item_t as
select party, code, position, max_points, id as item_id from framework_item
where framework_id = 'a0f1e2d3-0000-4000-8000-000000000001';

create temp table score_t as
select e.id as evaluation_id, it.party, it.code, it.position,
       round(it.max_points * (0.70 + (abs(hashtext(e.id::text || it.code)) % 300) / 1000.0), 2) as score
from eval_t e, item_t it;

create temp table party_t as
select evaluation_id, party, sum(score) as score from score_t group by evaluation_id, party;
create index on party_t (evaluation_id, party);
analyze party_t;

create temp table result_t as
select evaluation_id,
       max(score) filter (where party = 'BUREAU') as b,
       max(score) filter (where party = 'STREET_OFFICE') as s,
       max(score) filter (where party = 'ASSESSOR') as a
from party_t group by evaluation_id;
create index on result_t (evaluation_id);
analyze result_t;

insert into evaluation (id, project_id, fiscal_year, phase, framework_id, bureau_code, purchaser_code,
                        assessor_code, district, state, weight_bureau, weight_street_office, weight_assessor,
                        disagreement_threshold, result_bureau, result_street_office, result_assessor,
                        result_total_exact, result_total, result_grade, result_spread, result_flagged,
                        finalized_at, finalized_by, version, created_at, created_by, updated_at, updated_by,
                        provider_code)
select e.id, e.project_id, e.y, e.ph, 'a0f1e2d3-0000-4000-8000-000000000001', e.bureau, e.purchaser, e.assessor,
       (select name from district_t where d = e.d), 'FINALIZED', 10, 20, 70, 15,
       r.b, r.s, r.a, t.exact, round(t.exact, 2),
       case when round(t.exact, 2) >= 90 then 'EXCELLENT' when round(t.exact, 2) >= 80 then 'GOOD'
            when round(t.exact, 2) >= 60 then 'PASS' else 'FAIL' end,
       greatest(r.b, r.s, r.a) - least(r.b, r.s, r.a), greatest(r.b, r.s, r.a) - least(r.b, r.s, r.a) > 15,
       make_timestamptz(e.y, case when e.ph = 'FINAL' then 11 else 5 end, 28, 9, 0, 0, 'UTC'), 'bench', 2,
       make_timestamptz(e.y, case when e.ph = 'FINAL' then 11 else 5 end, 1, 9, 0, 0, 'UTC'), 'bench',
       make_timestamptz(e.y, case when e.ph = 'FINAL' then 11 else 5 end, 28, 9, 0, 0, 'UTC'), 'bench',
       pr.provider_code
from eval_t e
join project pr on pr.id = e.project_id
join result_t r on r.evaluation_id = e.id
cross join lateral (select (0.10 * r.b + 0.20 * r.s + 0.70 * r.a)::numeric(12, 6) as exact) t
order by e.i, e.y, e.ph;

insert into evaluation_transition (id, evaluation_id, action, from_state, to_state, actor, actor_org, at)
select md5('tr-open-' || e.id)::uuid, e.id, 'OPEN', 'DRAFT', 'OPEN', 'bench', e.bureau,
       make_timestamptz(e.y, case when e.ph = 'FINAL' then 11 else 5 end, 1, 9, 0, 0, 'UTC')
from eval_t e;
insert into evaluation_transition (id, evaluation_id, action, from_state, to_state, actor, actor_org, total, grade, at)
select md5('tr-fin-' || ev.id)::uuid, ev.id, 'FINALIZE', 'OPEN', 'FINALIZED', 'bench', ev.bureau_code,
       ev.result_total, ev.result_grade, ev.finalized_at
from evaluation ev;

insert into submission (id, evaluation_id, party, organisation_code, revision, score, created_at, updated_at)
select md5('sub-' || p.evaluation_id || p.party)::uuid, p.evaluation_id, p.party,
       case p.party when 'BUREAU' then e.bureau when 'STREET_OFFICE' then e.purchaser else e.assessor end,
       1, p.score, now(), now()
from party_t p join eval_t e on e.id = p.evaluation_id;

insert into submission_revision (id, submission_id, revision, score, comment, submitted_at, submitted_by)
select md5('rev-' || p.evaluation_id || p.party)::uuid, md5('sub-' || p.evaluation_id || p.party)::uuid, 1,
       p.score, '按评估细则逐项评分。', now(), 'bench'
from party_t p;

insert into submission_item_score (revision_id, position, item_code, score)
select md5('rev-' || s.evaluation_id || s.party)::uuid, s.position, s.code, s.score from score_t s;

-- Samples (awareness and satisfaction, with the Guangzhou quotas) and findings on FINAL evaluations.
insert into sample (id, evaluation_id, kind, created_at)
select md5('sample-' || e.id || k)::uuid, e.id, k, now()
from eval_t e, unnest(array['AWARENESS', 'SATISFACTION']) k where e.ph = 'FINAL';
insert into sample_stratum (sample_id, position, code, name, quota, reserves)
select md5('sample-' || e.id || q.kind)::uuid, q.pos, q.code, q.name, q.quota, 5
from eval_t e,
     (values ('AWARENESS', 1, 'KEY', '重点及兜底类', 30), ('AWARENESS', 2, 'GENERAL', '一般服务对象', 20),
             ('AWARENESS', 3, 'NEARBY', '周边社区居民', 10), ('SATISFACTION', 1, 'USERS', '服务对象', 15),
             ('SATISFACTION', 2, 'PARTNERS', '村居委及合作方', 5)) as q(kind, pos, code, name, quota)
where e.ph = 'FINAL';
insert into finding (id, evaluation_id, kind, category, title, text, recorded_by, recorded_org, recorded_at)
select md5('finding-' || e.id || n)::uuid, e.id, case when n = 1 then 'FINDING' else 'RECOMMENDATION' end,
       (array['POLICY', 'PROJECT_MANAGEMENT', 'PERFORMANCE_MANAGEMENT', 'OTHER'])[1 + (e.i + n) % 4],
       case when n = 1 then '个案服务节数未达协议要求' else '加强个案督导与过程记录' end,
       '评估发现：部分指标完成率低于协议目标，需在下一周期改进。', 'bench', e.assessor, now()
from eval_t e, generate_series(1, 2) n where e.ph = 'FINAL';

-- OPEN evaluations without any submission, for the submit scenario: HP-WC's projects, years 2024….
insert into evaluation (id, project_id, fiscal_year, phase, framework_id, bureau_code, purchaser_code,
                        assessor_code, district, state, weight_bureau, weight_street_office, weight_assessor,
                        disagreement_threshold, version, created_at, created_by, updated_at, updated_by,
                        provider_code)
select md5('open-' || p.i || '-' || y || '-' || ph)::uuid, p.id, y, ph, 'a0f1e2d3-0000-4000-8000-000000000001',
       'HP-MZJ', 'HP-WC', 'GZ-SGX', '黄埔区', 'OPEN', 10, 20, 70, 15, 1, now(), 'bench', now(), 'bench',
       (select provider_code from project where id = p.id)
from project_t p, generate_series(2024, 2023 + :pool_years) y, unnest(array['MID_TERM', 'FINAL']) ph
where p.i < :pool_projects;
