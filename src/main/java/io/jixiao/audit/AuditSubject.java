package io.jixiao.audit;

import java.util.List;
import java.util.UUID;

/**
 * What a write changed: the object's type, its id as the API names it (path segments joined by
 * {@code /}), and the keys its snapshot query takes. One factory per object type of the contract.
 */
public record AuditSubject(AuditObject type, String id, List<Object> keys) {

    public static AuditSubject organisation(String code) {
        return new AuditSubject(AuditObject.ORGANISATION, code, List.of(code));
    }

    public static AuditSubject project(UUID project) {
        return new AuditSubject(AuditObject.PROJECT, project.toString(), List.of(project));
    }

    public static AuditSubject budgetLine(UUID project, int fiscalYear) {
        return new AuditSubject(AuditObject.BUDGET_LINE, project + "/" + fiscalYear, List.of(project, fiscalYear));
    }

    public static AuditSubject indicatorSet(UUID project, int fiscalYear) {
        return new AuditSubject(AuditObject.INDICATOR_SET, project + "/" + fiscalYear, List.of(project, fiscalYear));
    }

    public static AuditSubject yearEvidence(UUID project, int fiscalYear) {
        return new AuditSubject(AuditObject.YEAR_EVIDENCE, project + "/" + fiscalYear, List.of(project, fiscalYear));
    }

    public static AuditSubject framework(UUID framework) {
        return new AuditSubject(AuditObject.FRAMEWORK, framework.toString(), List.of(framework));
    }

    public static AuditSubject evaluation(UUID evaluation) {
        return new AuditSubject(AuditObject.EVALUATION, evaluation.toString(), List.of(evaluation));
    }

    /** {@code party} as the contract spells it (BUREAU, STREET_OFFICE, ASSESSOR). */
    public static AuditSubject submission(UUID evaluation, String party) {
        return new AuditSubject(AuditObject.SUBMISSION, evaluation + "/" + party, List.of(evaluation, party));
    }

    /** {@code kind} as the contract spells it (AWARENESS, SATISFACTION). */
    public static AuditSubject sample(UUID evaluation, String kind) {
        return new AuditSubject(AuditObject.SAMPLE, evaluation + "/" + kind, List.of(evaluation, kind));
    }

    public static AuditSubject sampleResponse(UUID evaluation, String kind, UUID response) {
        return new AuditSubject(
                AuditObject.SAMPLE_RESPONSE, evaluation + "/" + kind + "/" + response, List.of(response));
    }

    public static AuditSubject finding(UUID evaluation, UUID finding) {
        return new AuditSubject(AuditObject.FINDING, evaluation + "/" + finding, List.of(finding));
    }

    public static AuditSubject rectification(UUID evaluation, UUID finding) {
        return new AuditSubject(AuditObject.RECTIFICATION, evaluation + "/" + finding, List.of(finding));
    }

    public static AuditSubject appeal(UUID evaluation, UUID appeal) {
        return new AuditSubject(AuditObject.APPEAL, evaluation + "/" + appeal, List.of(appeal));
    }
}
