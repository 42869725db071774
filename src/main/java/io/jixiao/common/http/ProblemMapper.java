package io.jixiao.common.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.jixiao.api.model.Problem;
import io.jixiao.api.model.ProblemState;
import io.jixiao.common.error.DomainException;
import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.ProblemType;
import io.jixiao.common.i18n.Language;
import io.jixiao.common.metrics.BusinessMetrics;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.postgresql.util.PSQLState;

/**
 * The single place where exceptions become HTTP answers: failures of what we depend on first
 * ({@link InfrastructureFailures}), then the problem type of the exception or of one of its causes
 * ({@link ProblemTable}), then validation and JSON errors with the field at fault
 * ({@link FieldNames}); anything unknown is a 500 with a logged id and no stack trace.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    @Inject
    BusinessMetrics metrics;

    /** A mapped problem: the document and the HTTP answer carrying it. */
    record Mapped(Problem problem, Response response) {}

    @ServerExceptionMapper({
        Throwable.class,
        WebApplicationException.class,
        JsonProcessingException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        JsonParseException.class,
        ValidationException.class,
        ConstraintViolationException.class,
        UnauthorizedException.class,
        AuthenticationFailedException.class,
        AuthenticationCompletionException.class,
        ForbiddenException.class
    })
    public Response toProblem(Throwable exception, UriInfo uriInfo, HttpHeaders headers) {
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        String language = Language.of(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        boolean tokenPresented = headers != null && headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        Mapped mapped = mapped(exception, instance, language, tokenPresented);
        metrics.problem(Problems.slugOf(mapped.problem()), mapped.problem().getStatus());
        return mapped.response();
    }

    Response map(Throwable exception, String instance) {
        return mapped(exception, instance, Language.CHINESE, false).response();
    }

    Mapped mapped(Throwable exception, String instance, String language, boolean tokenPresented) {
        Optional<InfrastructureFailures.Kind> failure = InfrastructureFailures.classify(exception);
        if (failure.isPresent()) {
            return unavailable(failure.get(), exception, instance, language);
        }
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = exception; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        for (Throwable t : chain) {
            Optional<ProblemType> type = ProblemTable.typeOf(t);
            if (type.isPresent()) {
                return fromTable(type.get(), t, instance, language, tokenPresented);
            }
            if (t instanceof ConstraintViolationException cve) {
                return fromViolations(cve, instance, language);
            }
            if (t instanceof JsonProcessingException jpe) {
                return fromJson(jpe, instance, language);
            }
            if (t instanceof EnumParamConverterProvider.InvalidParameter invalid) {
                return respond(
                        language,
                        ProblemType.VALIDATION,
                        "1 field is invalid.",
                        instance,
                        List.of(new FieldProblem(invalid.parameter, invalid.getMessage())));
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException hcve
                    && PSQLState.UNIQUE_VIOLATION.getState().equals(hcve.getSQLState())) {
                return respond(
                        language,
                        ProblemType.CONFLICT,
                        "The object conflicts with an existing one.",
                        instance,
                        List.of());
            }
        }
        for (Throwable t : chain) {
            if (t instanceof WebApplicationException wae) {
                return fromWebApplication(wae, instance, language);
            }
        }
        return internal(exception, "unexpected error", instance, language);
    }

    private Mapped unavailable(
            InfrastructureFailures.Kind kind, Throwable exception, String instance, String language) {
        LOG.warnf("%s: %s", kind, exception.toString());
        ProblemType type = ProblemType.SERVICE_UNAVAILABLE;
        String detail = switch (kind) {
            case DATABASE_UNAVAILABLE -> "The database is unavailable. Retry later.";
            case IDENTITY_PROVIDER_UNAVAILABLE -> "The identity provider is unavailable. Retry later.";
            case COMMIT_OUTCOME_UNKNOWN -> {
                type = ProblemType.OUTCOME_UNKNOWN;
                yield "The connection to the database failed while your change was being committed, so it may or "
                        + "may not have been stored. Retry the same request with the same Idempotency-Key (or read "
                        + "the object and compare its ETag): a change that was stored is then returned, not "
                        + "made twice.";
            }
        };
        Problem problem = Problems.of(type, language, detail, instance, List.of());
        return new Mapped(
                problem,
                builder(problem, language)
                        .header("Retry-After", RETRY_AFTER_SECONDS)
                        .build());
    }

    private static Mapped fromTable(
            ProblemType type, Throwable t, String instance, String language, boolean tokenPresented) {
        String detail;
        List<FieldProblem> errors = List.of();
        String currentState = null;
        if (t instanceof DomainException de) {
            detail = de.getMessage();
            errors = de.fieldProblems();
            currentState = de.currentState();
        } else if (type == ProblemType.UNAUTHORIZED && tokenPresented) {
            detail = TokenRejections.describe(t);
        } else {
            detail = switch (type) {
                case UNAUTHORIZED -> "A valid bearer token is required.";
                case FORBIDDEN -> "This operation is not allowed for your role.";
                case PRECONDITION_FAILED ->
                    "The object was changed by someone else. Read it again and retry with its " + "new ETag.";
                default -> null;
            };
        }
        Problem problem = Problems.of(type, language, detail, instance, errors)
                .currentState(currentState == null ? null : ProblemState.fromValue(currentState));
        Response.ResponseBuilder builder = builder(problem, language);
        if (type == ProblemType.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, tokenPresented ? TokenRejections.challenge(detail) : "Bearer");
        }
        return new Mapped(problem, builder.build());
    }

    private Mapped fromViolations(ConstraintViolationException cve, String instance, String language) {
        boolean returnValue = cve.getConstraintViolations().stream()
                .anyMatch(v -> v.getPropertyPath().toString().contains("<return value>"));
        if (returnValue) {
            return internal(cve, "response failed validation", instance, language);
        }
        List<FieldProblem> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
            errors.add(new FieldProblem(FieldNames.of(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        String detail = errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.";
        return respond(language, ProblemType.VALIDATION, detail, instance, errors);
    }

    private static Mapped fromJson(JsonProcessingException jpe, String instance, String language) {
        for (Throwable c = jpe; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof JsonParseException parse) {
                jpe = parse; // broken JSON text: report where, not which property it was in
                break;
            }
        }
        if (jpe instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String message;
            if (jme instanceof StrictJson.UnsafeString) {
                message = jme.getOriginalMessage();
            } else if (jme instanceof InvalidNullException) {
                message = "must not be null";
            } else if (jme instanceof UnrecognizedPropertyException) {
                message = "unknown property: it is not part of this object or may not be set by clients";
            } else if (jme instanceof InvalidFormatException ife) {
                message = "invalid value '" + ife.getValue() + "'";
            } else if (jme instanceof MismatchedInputException) {
                message = "wrong type of value";
            } else {
                message = "invalid value";
            }
            return respond(
                    language,
                    ProblemType.VALIDATION,
                    "1 field is invalid.",
                    instance,
                    List.of(new FieldProblem(FieldNames.of(jme.getPath()), message)));
        }
        String where = jpe.getLocation() == null
                ? ""
                : " at line " + jpe.getLocation().getLineNr() + ", column "
                        + jpe.getLocation().getColumnNr();
        return respond(
                language,
                ProblemType.MALFORMED_REQUEST,
                "The request body is not valid JSON" + where + ".",
                instance,
                List.of(new FieldProblem("body", "malformed JSON" + where)));
    }

    private Mapped fromWebApplication(WebApplicationException wae, String instance, String language) {
        int status = wae.getResponse() == null ? 500 : wae.getResponse().getStatus();
        if (status >= 500) {
            return internal(wae, "server error", instance, language);
        }
        String detail = switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 ->
                "None of the media types that the request accepts can be produced here (see the operation's responses).";
            case 415 -> "Send the request body as application/json.";
            case 413 -> "The request body is too large.";
            case 400 -> "The request is malformed.";
            default -> null;
        };
        Problem problem = Problems.of(ProblemType.forStatus(status), language, detail, instance, List.of());
        Response.ResponseBuilder builder = builder(problem, language);
        if (status == 405) {
            String allow = wae.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow == null && instance != null) {
                allow = String.join(", ", ContractParameters.served().allowedMethods(instance));
            }
            if (allow != null && !allow.isEmpty()) {
                builder.header(HttpHeaders.ALLOW, allow);
            }
        }
        return new Mapped(problem, builder.build());
    }

    private static Mapped internal(Throwable exception, String what, String instance, String language) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(exception, "%s %s at %s", what, errorId, instance);
        Problem problem = Problems.of(
                        ProblemType.INTERNAL,
                        language,
                        "An unexpected error occurred; it was logged under errorId.",
                        instance,
                        List.of())
                .errorId(errorId);
        return new Mapped(problem, builder(problem, language).build());
    }

    private static Mapped respond(
            String language, ProblemType type, String detail, String instance, List<FieldProblem> errors) {
        Problem problem = Problems.of(type, language, detail, instance, errors);
        return new Mapped(problem, builder(problem, language).build());
    }

    private static Response.ResponseBuilder builder(Problem problem, String language) {
        return Response.status(problem.getStatus())
                .type(Problems.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .entity(Problems.render(problem));
    }
}
