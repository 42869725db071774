package io.jixiao.common.paging;

import io.jixiao.common.error.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque keyset cursors: the sort key of the last item of a page, base64url-encoded. */
public final class Cursors {

    private static final String PREFIX = "v1:";

    private Cursors() {}

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith(PREFIX)) {
                return raw.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the client error below
        }
        throw InvalidInput.of("cursor", "not a cursor this API issued; pass nextCursor back unchanged");
    }

    public static long decodeLong(String cursor) {
        String key = decode(cursor);
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw InvalidInput.of("cursor", "not a cursor this API issued; pass nextCursor back unchanged");
        }
    }
}
