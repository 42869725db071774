package io.jixiao.evaluation;

import io.jixiao.common.Audited;
import io.jixiao.framework.Party;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/**
 * One evaluation of a project for a fiscal year and phase. The parties, weights and framework are
 * fixed at creation; the result columns are written on finalization and cleared on reopening.
 */
@Entity
@Table(name = "evaluation")
public class Evaluation extends Audited {

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "project_id", nullable = false, updatable = false)
    public UUID projectId;

    @Column(name = "fiscal_year", nullable = false, updatable = false)
    public int fiscalYear;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public EvaluationPhase phase;

    @Column(name = "framework_id", nullable = false, updatable = false)
    public UUID frameworkId;

    @Column(name = "bureau_code", nullable = false, updatable = false)
    public String bureauCode;

    @Column(name = "purchaser_code", nullable = false, updatable = false)
    public String purchaserCode;

    @Column(name = "assessor_code", nullable = false, updatable = false)
    public String assessorCode;

    @Column(nullable = false, updatable = false)
    public String district;

    /** The service provider evaluated, fixed from the project at creation. */
    @Column(name = "provider_code", nullable = false, updatable = false)
    public String providerCode;

    /** Days after finalization within which the provider may appeal; null means the default. */
    @Column(name = "appeal_window_days", updatable = false)
    public Integer appealWindowDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EvaluationState state;

    @Column(name = "weight_bureau", nullable = false, updatable = false, precision = 5, scale = 2)
    public BigDecimal weightBureau;

    @Column(name = "weight_street_office", nullable = false, updatable = false, precision = 5, scale = 2)
    public BigDecimal weightStreetOffice;

    @Column(name = "weight_assessor", nullable = false, updatable = false, precision = 5, scale = 2)
    public BigDecimal weightAssessor;

    @Column(name = "disagreement_threshold", nullable = false, updatable = false, precision = 5, scale = 2)
    public BigDecimal disagreementThreshold;

    @Column(name = "result_bureau", precision = 5, scale = 2)
    public BigDecimal resultBureau;

    @Column(name = "result_street_office", precision = 5, scale = 2)
    public BigDecimal resultStreetOffice;

    @Column(name = "result_assessor", precision = 5, scale = 2)
    public BigDecimal resultAssessor;

    @Column(name = "result_total_exact", precision = 12, scale = 6)
    public BigDecimal resultTotalExact;

    @Column(name = "result_total", precision = 5, scale = 2)
    public BigDecimal resultTotal;

    @Enumerated(EnumType.STRING)
    @Column(name = "result_grade")
    public Grade resultGrade;

    @Column(name = "result_spread", precision = 5, scale = 2)
    public BigDecimal resultSpread;

    @Column(name = "result_flagged")
    public Boolean resultFlagged;

    @Column(name = "finalization_note")
    public String finalizationNote;

    @Column(name = "finalized_at")
    public Instant finalizedAt;

    @Column(name = "finalized_by")
    public String finalizedBy;

    public Weights weights() {
        return new Weights(weightBureau, weightStreetOffice, weightAssessor);
    }

    /** The organisation that scores for the given party. */
    public String organisationOf(io.jixiao.framework.Party party) {
        return ref().organisationOf(party);
    }

    public EvaluationRef ref() {
        return new EvaluationRef(
                id,
                projectId,
                fiscalYear,
                phase,
                state,
                frameworkId,
                bureauCode,
                purchaserCode,
                assessorCode,
                district,
                providerCode,
                appealDeadline(),
                resultTotal,
                resultGrade);
    }

    /** The window the provider has to appeal the frozen result, in days. */
    public int appealWindow() {
        return appealWindowDays == null ? AppealWindow.DEFAULT_DAYS : appealWindowDays;
    }

    /** The last second an appeal is accepted; null until finalized. */
    public java.time.Instant appealDeadline() {
        return finalizedAt == null ? null : AppealWindow.deadline(finalizedAt, appealWindow());
    }

    /** Fixes the result of finalization: the parties' scores as they stand and what they add up to. */
    void freezeResult(Map<Party, BigDecimal> scores, Scoring.Outcome outcome, String note, Instant at, String by) {
        resultBureau = scores.get(Party.BUREAU);
        resultStreetOffice = scores.get(Party.STREET_OFFICE);
        resultAssessor = scores.get(Party.ASSESSOR);
        resultTotalExact = outcome.totalExact();
        resultTotal = outcome.total();
        resultGrade = outcome.grade();
        resultSpread = outcome.spread();
        resultFlagged = outcome.disagreement();
        finalizationNote = note;
        finalizedAt = at;
        finalizedBy = by;
    }

    /** Sets the frozen result aside on reopening (the REOPEN transition keeps what it was). */
    void clearResult() {
        resultBureau = null;
        resultStreetOffice = null;
        resultAssessor = null;
        resultTotalExact = null;
        resultTotal = null;
        resultGrade = null;
        resultSpread = null;
        resultFlagged = null;
        finalizationNote = null;
        finalizedAt = null;
        finalizedBy = null;
    }
}
