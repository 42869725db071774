package io.jixiao.export;

/** One column of an exported dataset: its stable header and how its values are read and written. */
public record Column(String header, Kind kind) {

    /** How a value is read from the result set and written to a file. */
    public enum Kind {
        /** Text as stored (codes, names, UUIDs). */
        TEXT,
        /** A whole number (years, counts, positions). */
        INTEGER,
        /** An exact decimal, written plain (BigDecimal.toPlainString). */
        DECIMAL,
        BOOLEAN,
        /** A calendar date, ISO 8601 {@code YYYY-MM-DD}. */
        DATE,
        /** An instant, RFC 3339 in UTC. */
        TIMESTAMP
    }

    public static Column text(String header) {
        return new Column(header, Kind.TEXT);
    }

    public static Column integer(String header) {
        return new Column(header, Kind.INTEGER);
    }

    public static Column decimal(String header) {
        return new Column(header, Kind.DECIMAL);
    }

    public static Column bool(String header) {
        return new Column(header, Kind.BOOLEAN);
    }

    public static Column timestamp(String header) {
        return new Column(header, Kind.TIMESTAMP);
    }
}
