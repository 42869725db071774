package io.jixiao.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * XLSX through fastexcel, row by row: every {@value #FLUSH_EVERY} rows the worksheet's rows are
 * written into the ZIP stream and forgotten. Texts are inline strings, so no shared-string table
 * grows; decimals are numeric cells when a spreadsheet holds them exactly ({@link
 * Cells#exactAsNumber}), text otherwise; dates and instants are ISO 8601 text, as in CSV. A
 * worksheet holds at most {@value #ROWS_PER_SHEET} data rows (the format's limit is 1,048,576
 * rows); more continue on "name-2", "name-3", … each with the header.
 */
final class XlsxTableWriter implements TableWriter {

    static final int ROWS_PER_SHEET = 1_048_575;
    private static final int FLUSH_EVERY = 512;
    static final int MAX_CELL = 32_767;

    private final Workbook workbook;
    private final String name;
    private final List<Column> columns;
    private final int rowsPerSheet;
    private Worksheet sheet;
    private int sheets;
    private int row;

    XlsxTableWriter(OutputStream out, String name, List<Column> columns) throws IOException {
        this(out, name, columns, ROWS_PER_SHEET);
    }

    XlsxTableWriter(OutputStream out, String name, List<Column> columns, int rowsPerSheet) throws IOException {
        this.workbook = new Workbook(out, "Jixiao", "1.0");
        this.name = name;
        this.columns = columns;
        this.rowsPerSheet = rowsPerSheet;
        newSheet();
    }

    private void newSheet() throws IOException {
        if (sheet != null) {
            sheet.finish();
        }
        sheets++;
        sheet = workbook.newWorksheet(sheets == 1 ? name : name + "-" + sheets);
        for (int c = 0; c < columns.size(); c++) {
            sheet.inlineString(0, c, columns.get(c).header());
        }
        sheet.freezePane(0, 1);
        row = 0;
        sheet.flush();
    }

    @Override
    public void row(Object[] values) throws IOException {
        if (row == rowsPerSheet) {
            newSheet();
        }
        row++;
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value == null) {
                continue;
            }
            switch (columns.get(c).kind()) {
                case INTEGER -> sheet.value(row, c, (Number) value);
                case BOOLEAN -> sheet.value(row, c, (Boolean) value);
                case DECIMAL -> {
                    BigDecimal decimal = (BigDecimal) value;
                    if (Cells.exactAsNumber(decimal)) {
                        sheet.value(row, c, decimal);
                    } else {
                        sheet.inlineString(row, c, decimal.toPlainString());
                    }
                }
                default -> sheet.inlineString(row, c, fitted(Cells.text(value)));
            }
        }
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    /**
     * A cell holds at most {@value #MAX_CELL} characters (the format's limit; a longer text makes
     * the file unreadable): a longer one is cut, saying so and how long it was — the CSV has it
     * whole. Only audit events' before/after states can be that long.
     */
    static String fitted(String text) {
        if (text.length() <= MAX_CELL) {
            return text;
        }
        String marker = "…[cut: " + text.length() + " characters, whole in the CSV export]";
        int end = MAX_CELL - marker.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never half a character
        }
        return text.substring(0, end) + marker;
    }

    @Override
    public void finish() throws IOException {
        sheet.finish();
        workbook.finish();
    }
}
