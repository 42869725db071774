package io.jixiao.common.error;

import java.util.List;

/** The request is well-formed but its content breaks a rule; names each field at fault (400). */
public class InvalidInput extends DomainException {
    public InvalidInput(List<FieldProblem> problems) {
        super(problems.size() == 1 ? "1 field is invalid." : problems.size() + " fields are invalid.", problems);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldProblem(field, message)));
    }

    @Override
    public ProblemType problemType() {
        return ProblemType.VALIDATION;
    }
}
