package io.jixiao.common.http;

import io.jixiao.common.error.FieldProblem;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Whether a request target is well formed (RFC 3986): only the characters a URI may carry
 * raw, every {@code %} followed by two hex digits, and the percent-escapes of each path segment
 * and query name and value decoding to valid UTF-8. When it is not, the part at fault: the
 * {@code path}, the query parameter by its name, or the {@code query} when the name itself is
 * broken. The request line arrives as bytes read one to a char (ISO-8859-1), so a raw non-ASCII
 * byte is a char between U+0080 and U+00FF here.
 */
public final class RequestLine {

    private RequestLine() {}

    /** The first fault of {@code target} (origin or absolute form), or empty when it is well formed. */
    public static Optional<FieldProblem> fault(String target) {
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        Optional<String> pathFault = component(path);
        if (pathFault.isPresent()) {
            return Optional.of(new FieldProblem("path", pathFault.get()));
        }
        if (question < 0) {
            return Optional.empty();
        }
        for (String pair : target.substring(question + 1).split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            Optional<String> nameFault = component(name);
            if (nameFault.isPresent()) {
                return Optional.of(new FieldProblem("query", "a parameter name: " + nameFault.get()));
            }
            if (eq >= 0) {
                Optional<String> valueFault = component(pair.substring(eq + 1));
                if (valueFault.isPresent()) {
                    return Optional.of(new FieldProblem(decode(name), valueFault.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** Checks one component (a path or one query name or value): raw characters, escapes, UTF-8. */
    private static Optional<String> component(String text) {
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
                    return Optional.of(
                            "malformed percent-escape \"" + text.substring(i, Math.min(i + 3, text.length())) + "\"");
                }
                escaped = true;
                i += 2;
                continue;
            }
            if (!allowedRaw(c)) {
                return Optional.of(describeRaw(c) + " must be percent-encoded");
            }
        }
        if (escaped && !isUtf8(text)) {
            return Optional.of("percent-escapes that are not valid UTF-8");
        }
        return Optional.empty();
    }

    private static String describeRaw(char c) {
        if (c > 0x7F) {
            return String.format("the raw byte 0x%02X", (int) c);
        }
        if (c < 0x20 || c == 0x7F) {
            return String.format("the control character U+%04X", (int) c);
        }
        return "the character '" + c + "'";
    }

    /** unreserved, sub-delims, ':', '@', '/' and '?' — what a path or query carries unescaped. */
    private static boolean allowedRaw(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Whether the bytes the component stands for (escapes decoded, the rest ASCII) are UTF-8. */
    private static boolean isUtf8(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** A well-formed query name decoded, to name the parameter as the contract does. */
    private static String decode(String name) {
        return java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
    }
}
