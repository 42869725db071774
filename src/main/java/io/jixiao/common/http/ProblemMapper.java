package io.jixiao.common.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.jixiao.common.error.Conflict;
import io.jixiao.common.error.DomainException;
import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.Forbidden;
import io.jixiao.common.error.IdempotencyKeyReused;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.error.InvalidState;
import io.jixiao.common.error.NotFound;
import io.jixiao.common.error.PreconditionFailed;
import io.jixiao.common.error.PreconditionRequired;
import io.jixiao.common.error.ProblemBody;
import io.jixiao.common.error.ProblemType;
import io.jixiao.common.i18n.Language;
import io.jixiao.common.metrics.BusinessMetrics;
import jakarta.inject.Inject;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The single place where exceptions become HTTP answers. A table maps exception classes to
 * problem types, walking superclasses and then causes (exceptions thrown at commit arrive
 * wrapped); anything unknown is a 500 with a logged id and no stack trace in the response.
 */
public class ProblemMapper {

    @Inject
    BusinessMetrics metrics;

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** Domain and security exceptions, by class; looked up walking superclasses. */
    private static final Map<Class<?>, ProblemType> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put(InvalidInput.class, ProblemType.VALIDATION);
        TABLE.put(NotFound.class, ProblemType.NOT_FOUND);
        TABLE.put(Forbidden.class, ProblemType.FORBIDDEN);
        TABLE.put(Conflict.class, ProblemType.CONFLICT);
        TABLE.put(InvalidState.class, ProblemType.INVALID_STATE);
        TABLE.put(PreconditionFailed.class, ProblemType.PRECONDITION_FAILED);
        TABLE.put(PreconditionRequired.class, ProblemType.PRECONDITION_REQUIRED);
        TABLE.put(IdempotencyKeyReused.class, ProblemType.IDEMPOTENCY_KEY_REUSED);
        TABLE.put(UnauthorizedException.class, ProblemType.UNAUTHORIZED);
        TABLE.put(AuthenticationFailedException.class, ProblemType.UNAUTHORIZED);
        TABLE.put(AuthenticationCompletionException.class, ProblemType.UNAUTHORIZED);
        TABLE.put(ForbiddenException.class, ProblemType.FORBIDDEN);
        TABLE.put(jakarta.persistence.OptimisticLockException.class, ProblemType.PRECONDITION_FAILED);
        TABLE.put(org.hibernate.StaleStateException.class, ProblemType.PRECONDITION_FAILED);
    }

    @ServerExceptionMapper({ Throwable.class, WebApplicationException.class, JsonProcessingException.class,
            JsonMappingException.class, MismatchedInputException.class, JsonParseException.class,
            ValidationException.class, ConstraintViolationException.class,
            UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class, ForbiddenException.class })
    public Response toProblem(Throwable exception, UriInfo uriInfo, HttpHeaders headers) {
        String instance = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        String language = Language.of(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Response response = map(exception, instance, language);
        metrics.problem(slugOf(response.getEntity()), response.getStatus());
        return response;
    }

    /** The problem type's slug, read back from the rendered document. */
    static String slugOf(Object entity) {
        String body = String.valueOf(entity);
        int start = body.indexOf(ProblemType.TYPE_BASE);
        if (start < 0) {
            return "unknown";
        }
        start += ProblemType.TYPE_BASE.length();
        int end = body.indexOf('"', start);
        return end < 0 ? "unknown" : body.substring(start, end);
    }

    Response map(Throwable exception, String instance) {
        return map(exception, instance, Language.CHINESE);
    }

    Response map(Throwable exception, String instance, String language) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = exception; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        // Most specific first: a root cause says more than the exceptions wrapped around it.
        for (Throwable t : chain) {
            if (isDatabaseUnavailable(t)) {
                LOG.warnf("database unavailable: %s", t.toString());
                return respond(language, ProblemType.SERVICE_UNAVAILABLE, "The database is unavailable. Retry later.",
                        instance, List.of(), null).header("Retry-After", "5").build();
            }
            if (t instanceof AuthenticationFailedException && isConnectionFailure(t)) {
                LOG.warnf("identity provider unavailable: %s", t.toString());
                return respond(language, ProblemType.SERVICE_UNAVAILABLE,
                        "The identity provider is unavailable. Retry later.", instance, List.of(), null)
                        .header("Retry-After", "5").build();
            }
        }
        for (Throwable t : chain) {
            ProblemType type = lookup(t.getClass());
            if (type != null) {
                return fromTable(type, t, instance, language);
            }
            if (t instanceof ConstraintViolationException cve) {
                return fromViolations(cve, instance, language);
            }
            if (t instanceof JsonProcessingException jpe) {
                return fromJson(jpe, instance, language);
            }
            if (t instanceof EnumParamConverterProvider.InvalidParameter invalid) {
                return respond(language, ProblemType.VALIDATION, "1 field is invalid.", instance,
                        List.of(new FieldProblem(invalid.parameter, invalid.getMessage())), null).build();
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException hcve
                    && "23505".equals(hcve.getSQLState())) {
                return respond(language, ProblemType.CONFLICT, "The object conflicts with an existing one.", instance,
                        List.of(), null).build();
            }
        }
        for (Throwable t : chain) {
            if (t instanceof WebApplicationException wae) {
                return fromWebApplication(wae, instance, language);
            }
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(exception, "unexpected error %s at %s", errorId, instance);
        return respond(language, ProblemType.INTERNAL, "An unexpected error occurred; it was logged under errorId.",
                instance, List.of(), errorId).build();
    }

    private static ProblemType lookup(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            ProblemType found = TABLE.get(c);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Response fromTable(ProblemType type, Throwable t, String instance, String language) {
        String detail;
        List<FieldProblem> errors = List.of();
        String currentState = null;
        if (t instanceof DomainException de) {
            detail = de.getMessage();
            errors = de.fieldProblems();
            currentState = de.currentState();
        } else if (type == ProblemType.UNAUTHORIZED) {
            detail = "A valid bearer token is required.";
        } else if (type == ProblemType.FORBIDDEN) {
            detail = "This operation is not allowed for your role.";
        } else if (type == ProblemType.PRECONDITION_FAILED) {
            detail = "The object was changed by someone else. Read it again and retry with its new ETag.";
        } else {
            detail = null;
        }
        Response.ResponseBuilder builder = Response.status(type.status).type(ProblemBody.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .entity(ProblemBody.render(type, language, detail, instance, errors, null, currentState));
        if (type == ProblemType.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    private static Response fromViolations(ConstraintViolationException cve, String instance, String language) {
        boolean returnValue = cve.getConstraintViolations().stream()
                .anyMatch(v -> v.getPropertyPath().toString().contains("<return value>"));
        if (returnValue) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(cve, "response failed validation %s at %s", errorId, instance);
            return respond(language, ProblemType.INTERNAL, "An unexpected error occurred; it was logged under errorId.",
                    instance, List.of(), errorId).build();
        }
        List<FieldProblem> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : cve.getConstraintViolations()) {
            errors.add(new FieldProblem(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        String detail = errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.";
        return respond(language, ProblemType.VALIDATION, detail, instance, errors, null).build();
    }

    /**
     * The JSON or HTTP name of the value at fault, from a method-validation path such as
     * {@code createFramework.frameworkInput.parties[1].dimensions[0].items[0].maxPoints}: what follows
     * the parameter node, or the parameter's HTTP name when the parameter itself is at fault.
     */
    static String fieldOf(Path path) {
        String parameter = null;
        int nodesBeforeProperty = 0;
        for (Path.Node node : path) {
            nodesBeforeProperty++;
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                break;
            }
        }
        String full = path.toString();
        String[] segments = full.split("\\.", nodesBeforeProperty + 1);
        if (parameter != null && segments.length > nodesBeforeProperty) {
            return segments[nodesBeforeProperty];
        }
        return HttpParameterNames.httpName(parameter);
    }

    private static Response fromJson(JsonProcessingException jpe, String instance, String language) {
        for (Throwable c = jpe; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof JsonParseException parse) {
                jpe = parse; // broken JSON text: report where, not which property it was in
                break;
            }
        }
        if (jpe instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            String field = jsonPath(jme.getPath());
            String message;
            if (jme instanceof UnrecognizedPropertyException) {
                message = "unknown property: it is not part of this object or may not be set by clients";
            } else if (jme instanceof InvalidFormatException ife) {
                message = "invalid value '" + ife.getValue() + "'";
            } else if (jme instanceof MismatchedInputException) {
                message = "wrong type of value";
            } else {
                message = "invalid value";
            }
            return respond(language, ProblemType.VALIDATION, "1 field is invalid.", instance,
                    List.of(new FieldProblem(field, message)), null).build();
        }
        String where = jpe.getLocation() == null ? ""
                : " at line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr();
        return respond(language, ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON" + where + ".", instance,
                List.of(new FieldProblem("body", "malformed JSON" + where)), null).build();
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static Response fromWebApplication(WebApplicationException wae, String instance, String language) {
        int status = wae.getResponse() == null ? 500 : wae.getResponse().getStatus();
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "This resource produces application/json.";
            case 415 -> "Send the request body as application/json.";
            case 413 -> "The request body is too large.";
            case 400 -> "The request is malformed.";
            default -> null;
        };
        if (status >= 500) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(wae, "server error %s at %s", errorId, instance);
            return respond(language, ProblemType.INTERNAL, "An unexpected error occurred; it was logged under errorId.",
                    instance, List.of(), errorId).build();
        }
        Response.ResponseBuilder builder = respond(language, type, detail, instance, List.of(), null);
        if (status == 405 && wae.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, wae.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    static boolean isDatabaseUnavailable(Throwable t) {
        if (t instanceof SQLTransientConnectionException
                || t instanceof java.sql.SQLNonTransientConnectionException
                || t instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
            String message = sql.getMessage();
            return message != null && message.contains("Acquisition timeout");
        }
        return false;
    }

    private static boolean isConnectionFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof java.net.ConnectException || c instanceof java.net.UnknownHostException
                    || c instanceof java.util.concurrent.TimeoutException
                    || c.getClass().getName().equals("io.quarkus.oidc.common.OidcEndpointAccessException")
                    || c.getClass().getName().equals("io.netty.channel.ConnectTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    static Response.ResponseBuilder respond(String language, ProblemType type, String detail, String instance,
            List<FieldProblem> errors, String errorId) {
        return Response.status(type.status)
                .type(ProblemBody.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .entity(ProblemBody.render(type, language, detail, instance, errors, errorId, null));
    }
}
