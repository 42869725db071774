package io.jixiao.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeSet;

/**
 * What changed between two states of an object: a list of {@code {path, before, after}} entries,
 * one per changed leaf (JSON Pointer paths; arrays compared as wholes, since their items have no
 * stable identity here). A created object is one entry at the root with no {@code before}.
 */
final class JsonChanges {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonChanges() {}

    static ArrayNode between(JsonNode before, JsonNode after) {
        ArrayNode changes = NODES.arrayNode();
        collect("", before, after, changes);
        return changes;
    }

    private static void collect(String path, JsonNode before, JsonNode after, ArrayNode into) {
        if (before != null && after != null && before.equals(after)) {
            return;
        }
        if (before != null && after != null && before.isObject() && after.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                collect(
                        path + "/" + name.replace("~", "~0").replace("/", "~1"),
                        absentIfNull(before.get(name)),
                        absentIfNull(after.get(name)),
                        into);
            }
            return;
        }
        if (before == null && after == null) {
            return;
        }
        ObjectNode change = into.addObject();
        change.put("path", path);
        if (before != null) {
            change.set("before", before);
        }
        if (after != null) {
            change.set("after", after);
        }
    }

    private static JsonNode absentIfNull(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }
}
