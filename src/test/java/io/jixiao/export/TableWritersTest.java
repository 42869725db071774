package io.jixiao.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/** The writers on their own: what reaches the wire when, and what a reader gets back. */
class TableWritersTest {

    static final List<Column> COLUMNS =
            List.of(Column.text("name"), Column.integer("count"), Column.decimal("amount"), Column.timestamp("at"));

    /** Counts the bytes that were flushed through, as the HTTP layer sends them. */
    static final class Wire extends OutputStream {
        final ByteArrayOutputStream written = new ByteArrayOutputStream();
        int flushedBytes;

        @Override
        public void write(int b) {
            written.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            written.write(b, off, len);
        }

        @Override
        public void flush() {
            flushedBytes = written.size();
        }
    }

    @Test
    void theCsvHeaderIsOnTheWireBeforeAnyRowIsRead() throws IOException {
        Wire wire = new Wire();
        TableWriter writer = ExportFormat.CSV.open(wire, "t", COLUMNS);
        String onTheWire = new String(wire.written.toByteArray(), 0, wire.flushedBytes, StandardCharsets.UTF_8);
        assertEquals("\uFEFFname,count,amount,at\r\n", onTheWire);
        // rows leave in batches while more are still to come: 100,000 rows never wait for the last
        int flushedBeforeLast = 0;
        for (int i = 0; i < 100_000; i++) {
            writer.row(new Object[] {"项目" + i, (long) i, new BigDecimal("2400000.00"), Instant.EPOCH});
            flushedBeforeLast = wire.written.size();
        }
        assertTrue(flushedBeforeLast > 3_000_000, "the buffer empties as rows come: " + flushedBeforeLast);
        writer.finish();
        assertEquals(wire.written.size(), wire.flushedBytes);
    }

    @Test
    void csvQuotesWhatNeedsItAndDefusesFormulas() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter writer = ExportFormat.CSV.open(out, "t", COLUMNS);
        writer.row(new Object[] {"甲,乙 \"丙\"\n丁", -3L, new BigDecimal("-0.50"), null});
        writer.row(new Object[] {"=SUM(A1)", null, new BigDecimal("1E+2"), Instant.parse("2022-11-30T09:00:00Z")});
        writer.row(new Object[] {"@x", 1L, new BigDecimal("0.000001"), null});
        writer.finish();
        assertEquals(
                "\uFEFFname,count,amount,at\r\n"
                        + "\"甲,乙 \"\"丙\"\"\n丁\",-3,-0.50,\r\n"
                        + "'=SUM(A1),,100,2022-11-30T09:00:00Z\r\n"
                        + "'@x,1,0.000001,\r\n",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void xlsxRowsContinueOnANewSheetPastTheLimitAndReadBackExactly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter writer = new XlsxTableWriter(out, "results", COLUMNS, 2);
        for (int i = 0; i < 5; i++) {
            writer.row(
                    new Object[] {"黄埔区 " + i, (long) i, new BigDecimal("93.36"), Instant.parse("2022-11-30T09:00:00Z")
                    });
        }
        writer.row(new Object[] {"大数", 5L, new BigDecimal("12345678901234.567"), null});
        writer.finish();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertEquals(
                    List.of("results", "results-2", "results-3"),
                    sheets.stream().map(Sheet::getName).toList());
            List<Row> first = sheets.get(0).read();
            assertEquals(3, first.size());
            assertEquals("name", first.get(0).getCellText(0));
            assertEquals("黄埔区 0", first.get(1).getCellText(0));
            assertEquals(
                    new BigDecimal("93.36"), first.get(1).getCellAsNumber(2).orElseThrow());
            assertEquals("2022-11-30T09:00:00Z", first.get(1).getCellText(3));
            List<Row> last = sheets.get(2).read();
            assertEquals("name", last.get(0).getCellText(0), "every sheet has the header");
            // 17 significant digits do not fit a spreadsheet number: text, exact
            assertEquals("12345678901234.567", last.get(2).getCellText(2));
        }
    }

    @Test
    void anXlsxCellPastTheFormatsLimitIsCutSayingSo() {
        String long_ = "审".repeat(40_000);
        String fitted = XlsxTableWriter.fitted(long_);
        assertEquals(XlsxTableWriter.MAX_CELL, fitted.length());
        assertTrue(fitted.endsWith("…[cut: 40000 characters, whole in the CSV export]"));
        assertEquals("短", XlsxTableWriter.fitted("短"));
    }
}
