package io.jixiao.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark (spreadsheet programs then read Chinese right), CRLF
 * line ends, fields quoted when they hold a comma, quote or line break. A text that a spreadsheet
 * would take for a formula gets a leading apostrophe (OWASP "CSV injection"); nothing else is
 * altered. The BOM and the header are flushed at once: the download starts before any row.
 */
final class CsvTableWriter implements TableWriter {

    private static final char BOM = '\uFEFF';

    private final Writer out;
    private final Column.Kind[] kinds;

    CsvTableWriter(OutputStream stream, List<Column> columns) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 16 * 1024);
        this.kinds = columns.stream().map(Column::kind).toArray(Column.Kind[]::new);
        out.write(BOM);
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(columns.get(i).header());
        }
        out.write("\r\n");
        out.flush();
    }

    @Override
    public void row(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            String text = Cells.text(values[i]);
            if (kinds[i] == Column.Kind.TEXT) {
                text = defused(text);
            }
            field(text);
        }
        out.write("\r\n");
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private void field(String text) throws IOException {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            out.write(text);
            return;
        }
        out.write('"');
        out.write(text.replace("\"", "\"\""));
        out.write('"');
    }

    /** A leading =, +, -, @, TAB or CR would make a spreadsheet evaluate the text. */
    static String defused(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }
}
