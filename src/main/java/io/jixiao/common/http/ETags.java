package io.jixiao.common.http;

import io.jixiao.common.error.ExpectedVersion;
import java.util.HashSet;
import java.util.Set;

/** ETags are the object's version in quotes, e.g. {@code "3"}: strong validators. */
public final class ETags {

    private ETags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * What an If-Match header asks for, or null when it is absent. {@code *} matches any current
     * version; a list matches when any member does; weak tags and tags that name no version of
     * ours match nothing (strong comparison, RFC 9110 §8.8.3.2).
     */
    public static ExpectedVersion expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        if (ifMatch.trim().equals("*")) {
            return ExpectedVersion.anyVersion();
        }
        Set<Long> versions = new HashSet<>();
        for (String member : ifMatch.split(",")) {
            String tag = member.trim();
            if (tag.length() >= 3 && tag.startsWith("\"") && tag.endsWith("\"")) {
                String inner = tag.substring(1, tag.length() - 1);
                if (inner.matches("[0-9]{1,18}")) {
                    versions.add(Long.parseLong(inner));
                }
            }
        }
        return ExpectedVersion.oneOf(versions);
    }
}
