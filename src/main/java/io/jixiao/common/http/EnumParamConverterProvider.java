package io.jixiao.common.http;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Query parameters of the contract's enum types: an unknown value is the client's mistake (400
 * naming the parameter and the allowed values), not the 404 that JAX-RS gives by default.
 */
@Provider
public class EnumParamConverterProvider implements ParamConverterProvider {

    /** A query parameter that could not be read; carries the parameter's name for errors[]. */
    public static class InvalidParameter extends BadRequestException {
        final String parameter;

        InvalidParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }

    /**
     * The parameter each contract enum travels in, for errors[] (the runtime does not pass the
     * parameter's annotations to converters).
     */
    private static final Map<String, String> PARAMETER_NAMES = Map.of(
            "ProjectStatus", "status",
            "FrameworkStatus", "status",
            "OrganisationType", "type",
            "EvaluationPhase", "phase",
            "EvaluationState", "state");

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!rawType.isEnum() || !rawType.getPackageName().startsWith("io.jixiao.api")) {
            return null;
        }
        String name = Arrays.stream(annotations)
                .filter(QueryParam.class::isInstance)
                .map(a -> ((QueryParam) a).value())
                .findFirst()
                .orElse(PARAMETER_NAMES.getOrDefault(rawType.getSimpleName(), decapitalize(rawType.getSimpleName())));
        Object[] constants = rawType.getEnumConstants();
        String allowed = Arrays.stream(constants).map(Object::toString).collect(Collectors.joining(", "));
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                for (Object constant : constants) {
                    if (constant.toString().equals(value)) {
                        return (T) constant;
                    }
                }
                throw new InvalidParameter(name, "must be one of " + allowed);
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
