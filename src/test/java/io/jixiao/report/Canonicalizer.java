package io.jixiao.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The auditor's side of the verification code, written independently of the server's
 * {@code Canonical}: parse the report's JSON, take {@code figures}, write it with sorted keys and
 * no whitespace, SHA-256 the UTF-8 bytes.
 */
final class Canonicalizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Canonicalizer() {}

    static String codeOfFigures(String reportJson) throws Exception {
        JsonNode figures = JSON.readTree(reportJson).get("figures");
        StringBuilder out = new StringBuilder();
        write(figures, out);
        byte[] digest =
                MessageDigest.getInstance("SHA-256").digest(out.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                out.append(i == 0 ? "" : ",").append(new TextNode(names.get(i))).append(':');
                write(node.get(names.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }
}
