package io.jixiao.export;

import java.io.IOException;

/**
 * Writes rows as they come, keeping at most a small buffer: nothing about the table is held
 * except what the format needs to close it.
 */
interface TableWriter {

    /** One row; values are String, Long, BigDecimal, Boolean, LocalDate or Instant, or null. */
    void row(Object[] values) throws IOException;

    /** Ends the file (the XLSX's closing parts) and flushes; does not close the stream. */
    void finish() throws IOException;
}
