package io.jixiao.common.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.List;

/** The name a client knows a value by, from a validation path or a JSON mapping path. */
final class FieldNames {

    private FieldNames() {}

    /**
     * The JSON or HTTP name of the value at fault, from a method-validation path such as
     * {@code createFramework.frameworkInput.parties[1].dimensions[0].items[0].maxPoints}: what follows
     * the parameter node, or the parameter's HTTP name when the parameter itself is at fault.
     */
    static String of(Path path) {
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

    /** The JSON path of a mapping failure, e.g. {@code scores[2].score}; {@code body} for the whole body. */
    static String of(List<JsonMappingException.Reference> path) {
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
}
