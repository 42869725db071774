package io.jixiao.project;

import io.jixiao.common.QueryScope;
import java.util.UUID;

/**
 * Which projects an assessor organisation works on: those with an evaluation assigned to it that
 * has been opened. Evaluations know that; this port lets project scoping ask without depending on
 * the evaluation domain (which depends on projects). Implemented by the evaluation domain.
 */
public interface AssessorAssignments {

    /** A JPQL condition on a project's {@code id}: the projects the organisation assesses. */
    QueryScope projectsAssessedBy(String assessorCode);

    /** The same condition for one project. */
    boolean assesses(String assessorCode, UUID projectId);
}
