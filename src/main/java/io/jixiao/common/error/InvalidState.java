package io.jixiao.common.error;

import java.util.List;

/** The object is not in a state that allows this (409); says which state it is in. */
public class InvalidState extends DomainException {

    private final String currentState;

    public InvalidState(String message, String currentState) {
        this(message, currentState, List.of());
    }

    public InvalidState(String message, String currentState, List<FieldProblem> problems) {
        super(message, problems);
        this.currentState = currentState;
    }

    @Override
    public String currentState() {
        return currentState;
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.INVALID_STATE;
    }
}
