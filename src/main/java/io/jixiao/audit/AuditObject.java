package io.jixiao.audit;

/**
 * The object types the audit trail records, each with the query that reads its state (as JSON)
 * and the scope it belongs to, in the writing transaction after the write. The queries name no
 * private content: a sample's roster and draw appear only as counts and SHA-256 digests, and a
 * response's interviewee code only as its digest.
 */
public enum AuditObject {
    ORGANISATION("organisation", """
            select (to_jsonb(o) - 'id' - 'version')::text, o.district, null::uuid, null::uuid,
                   null, null, null, null, null, 'organisation:' || o.code
              from organisation o where o.code = ?
            """),
    PROJECT("project", """
            select (to_jsonb(p) - 'seq')::text, p.district, p.id, null::uuid,
                   p.purchaser_code, null, p.provider_code, p.supervisor_code, null, 'project:' || p.id
              from project p where p.id = ?
            """),
    BUDGET_LINE("budgetLine", """
            select (to_jsonb(b))::text, p.district, p.id, null::uuid,
                   p.purchaser_code, null, p.provider_code, p.supervisor_code, null, 'project:' || p.id
              from budget_line b join project p on p.id = b.project_id
             where b.project_id = ? and b.fiscal_year = ?
            """),
    INDICATOR_SET("indicatorSet", """
            select (to_jsonb(s) || jsonb_build_object('indicators',
                     (select coalesce(jsonb_agg(to_jsonb(i) - 'set_id' order by i.position), '[]')
                        from indicator i where i.set_id = s.id)))::text,
                   p.district, p.id, null::uuid,
                   p.purchaser_code, null, p.provider_code, p.supervisor_code, null, 'project:' || p.id
              from indicator_set s join project p on p.id = s.project_id
             where s.project_id = ? and s.fiscal_year = ?
            """),
    YEAR_EVIDENCE("yearEvidence", """
            select (to_jsonb(y) || jsonb_build_object(
                     'linkedResources', (select coalesce(jsonb_agg(to_jsonb(r) - 'evidence_id'), '[]')
                                           from linked_resource r where r.evidence_id = y.id),
                     'dutyOffsets', (select coalesce(jsonb_agg(to_jsonb(d) - 'evidence_id'), '[]')
                                       from duty_offset d where d.evidence_id = y.id),
                     'dutyOffsetCategories', (select coalesce(jsonb_agg(to_jsonb(c) - 'evidence_id'), '[]')
                                                from duty_offset_category c where c.evidence_id = y.id),
                     'honours', (select coalesce(jsonb_agg(to_jsonb(h) - 'evidence_id'), '[]')
                                   from honour h where h.evidence_id = y.id)))::text,
                   p.district, p.id, null::uuid,
                   p.purchaser_code, null, p.provider_code, p.supervisor_code, null, 'project:' || p.id
              from year_evidence y join project p on p.id = y.project_id
             where y.project_id = ? and y.fiscal_year = ?
            """),
    FRAMEWORK("framework", """
            select (to_jsonb(f) - 'seq' || jsonb_build_object('items',
                     (select coalesce(jsonb_agg(to_jsonb(i) - 'framework_id' order by i.position), '[]')
                        from framework_item i where i.framework_id = f.id)))::text,
                   o.district, null::uuid, null::uuid, null, null, null, f.owner_code, null, 'framework:' || f.id
              from framework f left join organisation o on o.code = f.owner_code
             where f.id = ?
            """),
    EVALUATION("evaluation", """
            select (to_jsonb(e) - 'seq')::text, e.district, e.project_id, e.id,
                   e.purchaser_code, e.assessor_code, e.provider_code, e.bureau_code, e.state,
                   'evaluation:' || e.id
              from evaluation e where e.id = ?
            """),
    SUBMISSION("submission", """
            select (to_jsonb(s) || jsonb_build_object('current', to_jsonb(r) - 'submission_id' || jsonb_build_object('items',
                     (select coalesce(jsonb_agg(to_jsonb(i) - 'revision_id' order by i.position), '[]')
                        from submission_item_score i where i.revision_id = r.id))))::text,
                   e.district, e.project_id, e.id,
                   e.purchaser_code, e.assessor_code, e.provider_code, e.bureau_code, e.state,
                   'evaluation:' || e.id
              from submission s
              join evaluation e on e.id = s.evaluation_id
              join submission_revision r on r.submission_id = s.id and r.revision = s.revision
             where s.evaluation_id = ? and s.party = ?
            """),
    SAMPLE("sample", """
            select (to_jsonb(s) || jsonb_build_object(
                     'strata', (select coalesce(jsonb_agg(to_jsonb(t) - 'sample_id' order by t.position), '[]')
                                  from sample_stratum t where t.sample_id = s.id),
                     'drawn', (select coalesce(jsonb_object_agg(d.stratum, d.n), '{}')
                                 from (select stratum, count(*) n from sample_draw_entry
                                        where sample_id = s.id group by stratum) d),
                     'drawDigest', (select encode(sha256(convert_to(
                                            string_agg(d.stratum || ',' || d.rank || ',' || d.code, E'\\n'
                                                       order by d.stratum, d.rank), 'UTF8')), 'hex')
                                      from sample_draw_entry d where d.sample_id = s.id)))::text,
                   e.district, e.project_id, e.id,
                   e.purchaser_code, e.assessor_code, e.provider_code, e.bureau_code, e.state,
                   'evaluation:' || e.id
              from sample s join evaluation e on e.id = s.evaluation_id
             where s.evaluation_id = ? and s.kind = ?
            """),
    SAMPLE_RESPONSE("sampleResponse", """
            select (to_jsonb(r) - 'seq' - 'code'
                     || jsonb_build_object('codeDigest', encode(sha256(convert_to(r.code, 'UTF8')), 'hex')))::text,
                   e.district, e.project_id, e.id,
                   e.purchaser_code, e.assessor_code, e.provider_code, e.bureau_code, e.state,
                   'evaluation:' || e.id
              from sample_response r
              join sample s on s.id = r.sample_id
              join evaluation e on e.id = s.evaluation_id
             where r.id = ?
            """),
    FINDING("finding", """
            select (to_jsonb(f) - 'seq')::text, e.district, e.project_id, e.id,
                   e.purchaser_code, e.assessor_code, e.provider_code, e.bureau_code, e.state,
                   'evaluation:' || e.id
              from finding f join evaluation e on e.id = f.evaluation_id
             where f.id = ?
            """),
    RECTIFICATION("rectification", """
            select (to_jsonb(r))::text, e.district, e.project_id, e.id,
                   e.purchaser_code, e.assessor_code, e.provider_code, e.bureau_code, e.state,
                   'evaluation:' || e.id
              from rectification r join evaluation e on e.id = r.final_evaluation_id
             where r.finding_id = ?
            """),
    APPEAL("appeal", """
            select (to_jsonb(a) - 'seq' || jsonb_build_object(
                     'grounds', (select coalesce(jsonb_agg(to_jsonb(g) - 'appeal_id' order by g.position), '[]')
                                   from appeal_ground g where g.appeal_id = a.id),
                     'evidence', (select coalesce(jsonb_agg(to_jsonb(v) - 'appeal_id' order by v.position), '[]')
                                    from appeal_evidence v where v.appeal_id = a.id)))::text,
                   e.district, e.project_id, e.id,
                   e.purchaser_code, e.assessor_code, e.provider_code, e.bureau_code, e.state,
                   'evaluation:' || e.id
              from appeal a join evaluation e on e.id = a.evaluation_id
             where a.id = ?
            """);

    /** The name the API and the trail use (camelCase, as in the contract). */
    public final String apiName;

    /**
     * Columns: state (jsonb), district, project id, evaluation id, purchaser, assessor, provider,
     * bureau, evaluation state, chain key.
     */
    final String snapshotSql;

    AuditObject(String apiName, String snapshotSql) {
        this.apiName = apiName;
        this.snapshotSql = snapshotSql;
    }
}
