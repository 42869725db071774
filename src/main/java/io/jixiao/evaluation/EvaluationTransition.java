package io.jixiao.evaluation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** One recorded state change of an evaluation. Written once, never changed. */
@Entity
@Table(name = "evaluation_transition")
public class EvaluationTransition {

    public enum Action {
        OPEN,
        FINALIZE,
        REOPEN
    }

    @Id
    public UUID id;

    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "evaluation_id", nullable = false, updatable = false)
    public UUID evaluationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Action action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", nullable = false, updatable = false)
    public EvaluationState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false)
    public EvaluationState toState;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(name = "actor_org", updatable = false)
    public String actorOrganisation;

    @Column(updatable = false)
    public String reason;

    @Column(updatable = false, precision = 5, scale = 2)
    public BigDecimal total;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public Grade grade;

    @Column(nullable = false, updatable = false)
    public Instant at;

    /** The upheld appeal a REOPEN was made for; null for every other transition. */
    @Column(name = "appeal_id", updatable = false)
    public UUID appealId;
}
