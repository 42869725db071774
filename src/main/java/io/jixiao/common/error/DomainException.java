package io.jixiao.common.error;

import java.util.List;

/**
 * Base of the exceptions that services throw to say why a request cannot be done. Each subclass
 * declares the problem type (and so the HTTP status) it stands for; services never speak HTTP.
 */
public abstract class DomainException extends RuntimeException {

    private final List<FieldProblem> fieldProblems;

    protected DomainException(String message) {
        this(message, List.of());
    }

    protected DomainException(String message, List<FieldProblem> fieldProblems) {
        super(message, null, false, false);
        this.fieldProblems = List.copyOf(fieldProblems);
    }

    /** The kind of problem this is: its type URI, title and HTTP status. */
    public abstract ProblemType problemType();

    public List<FieldProblem> fieldProblems() {
        return fieldProblems;
    }

    /** The state the object is in, for problems about state; null otherwise. */
    public String currentState() {
        return null;
    }
}
