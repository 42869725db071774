package io.jixiao.sampling;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits roster CSV text into rows that keep their physical line numbers, with Jackson's CSV parser
 * (RFC 4180; {@code TRIM_SPACES} skips blanks around a quoted field and trims unquoted ones).
 *
 * <p>Jackson reads a double quote inside an unquoted field as text, and stops at the first text after a closing
 * quote or at a quote that never closes. A roster upload must not guess what a stray quote meant and must name
 * every mistake at once, so each of these becomes a {@link QuoteProblem} on its row, and reading resumes after
 * the damaged field with a fresh parser (an unclosed quote swallows the rest of the file, as in any reader).
 * Only space and tab are blanks around a field (see {@link #STAND_IN}); an unquoted field is also stripped of
 * Unicode blanks.
 */
final class RosterCsvReader {

    /** A quoting mistake in field {@code field} (0-based) of a row, on physical line {@code line}. */
    record QuoteProblem(int line, int field, String message) {}

    static final class Row {
        final int line;
        final List<String> fields = new ArrayList<>();
        final List<QuoteProblem> quoteProblems = new ArrayList<>();

        Row(int line) {
            this.line = line;
        }

        boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isBlank() && quoteProblems.isEmpty();
        }
    }

    private static final char QUOTE = '"';
    /**
     * Jackson treats every character up to U+0020 as a blank around fields; a roster treats only space and tab so
     * (a control character next to a quote is a mistake to report, not to skip). Other control characters travel
     * through Jackson as lone low surrogates U+DC00 + c, which strictly decoded UTF-8 never holds on its own
     * (in a valid pair a low surrogate follows a high one), and are restored in the values.
     */
    private static final char STAND_IN = '\uDC00';

    private static final CsvFactory CSV =
            CsvFactory.builder().enable(CsvParser.Feature.TRIM_SPACES).build();

    private final char[] text;
    private final List<Row> rows = new ArrayList<>();
    /** Where the current parser started, and how many lines ended before that; its locations are relative. */
    private int from;

    private int linesBefore;
    /** The row being read; a resume in the middle of a row goes on filling it. */
    private Row open;

    private RosterCsvReader(String text) {
        // One line-end convention: a bare CR (old Excel exports) ends a line too, and a line end inside a quoted
        // field reads the same whichever convention the file used.
        this.text = text.replace("\r\n", "\n").replace('\r', '\n').toCharArray();
        for (int i = 0; i < this.text.length; i++) {
            if (this.text[i] < ' ' && this.text[i] != '\t' && this.text[i] != '\n') {
                this.text[i] = (char) (STAND_IN + this.text[i]);
            }
        }
    }

    /** The rows of the text in file order, including blank ones; problems are attached, never thrown. */
    static List<Row> read(String text) {
        RosterCsvReader reader = new RosterCsvReader(text);
        boolean more = true;
        while (more) {
            more = reader.readFromMark();
        }
        return reader.rows;
    }

    /** Reads on from {@link #from}; returns whether reading must resume after a quoting mistake. */
    private boolean readFromMark() {
        if (from == text.length) {
            if (open != null) { // a resume right after the last comma of the file: one more, empty field
                open.fields.add("");
                endRow();
            }
            return false;
        }
        try (JsonParser parser = CSV.createParser(text, from, text.length - from)) {
            try {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.VALUE_STRING) {
                        value(parser.currentTokenLocation(), parser.getText());
                    } else if (token == JsonToken.END_ARRAY) {
                        endRow();
                    }
                }
                return false;
            } catch (JsonProcessingException e) {
                // Jackson stopped inside the value that starts at the current token location.
                return resumeAfterBadQuotedField(parser.currentTokenLocation());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        }
    }

    private void value(JsonLocation at, String value) {
        int line = linesBefore + at.getLineNr();
        Row row = row(line);
        int start = from + (int) at.getCharOffset();
        boolean quoted = start < text.length && text[start] == QUOTE;
        if (!quoted && value.indexOf(QUOTE) >= 0) {
            row.quoteProblems.add(new QuoteProblem(
                    line,
                    row.fields.size(),
                    "a double quote inside an "
                            + "unquoted field; put the whole field in double quotes and write the quote as \"\""));
        }
        // Unquoted fields lose Unicode blanks too (an ideographic space from a Chinese input method).
        row.fields.add(quoted ? restore(value) : restore(value).strip());
    }

    /**
     * The quoted field opened at {@code at} either never closes or has text after its closing quote. Records the
     * field and the problem, and moves the mark past the field; returns whether there is more to read.
     */
    private boolean resumeAfterBadQuotedField(JsonLocation at) {
        int opened = from + (int) at.getCharOffset();
        int openedLine = linesBefore + at.getLineNr();
        Row row = row(openedLine);
        int field = row.fields.size();
        if (text[opened] != QUOTE) { // within the upload limit no stream constraint of Jackson's is near
            throw new IllegalStateException("the CSV parser failed outside a quoted field on line " + openedLine);
        }
        int closing = closingQuote(opened);
        if (closing < 0) {
            row.fields.add(unescape(opened + 1, text.length));
            row.quoteProblems.add(new QuoteProblem(
                    openedLine,
                    field,
                    "unterminated quoted field: the double quote opened on this line is never closed"));
            endRow();
            return false;
        }
        row.fields.add(unescape(opened + 1, closing));
        row.quoteProblems.add(new QuoteProblem(
                openedLine + newlines(opened, closing),
                field,
                "text after the closing double quote; put the whole field in double quotes and write a quote "
                        + "inside it as \"\""));
        int end = closing + 1;
        while (end < text.length && text[end] != ',' && text[end] != '\n') {
            end++;
        }
        boolean rowGoesOn = end < text.length && text[end] == ',';
        if (!rowGoesOn) {
            endRow();
        }
        if (end == text.length) {
            return false;
        }
        linesBefore += newlines(from, end + 1);
        from = end + 1;
        return true;
    }

    /** The quote closing the field opened at {@code opened}, or -1; a doubled quote inside is an escaped one. */
    private int closingQuote(int opened) {
        for (int i = opened + 1; i < text.length; i++) {
            if (text[i] == QUOTE) {
                if (i + 1 < text.length && text[i + 1] == QUOTE) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private String unescape(int start, int end) {
        return restore(new String(text, start, end - start).replace("\"\"", "\""));
    }

    private static String restore(String value) {
        char[] chars = value.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            boolean standIn = chars[i] >= STAND_IN
                    && chars[i] < STAND_IN + ' '
                    && (i == 0 || !Character.isHighSurrogate(chars[i - 1]));
            if (standIn) {
                chars[i] = (char) (chars[i] - STAND_IN);
            }
        }
        return new String(chars);
    }

    private int newlines(int start, int end) {
        int count = 0;
        for (int i = start; i < end; i++) {
            count += text[i] == '\n' ? 1 : 0;
        }
        return count;
    }

    private Row row(int line) {
        if (open == null) {
            open = new Row(line);
        }
        return open;
    }

    private void endRow() {
        rows.add(open);
        open = null;
    }
}
