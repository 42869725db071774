package io.jixiao.export;

import java.io.IOException;
import java.io.OutputStream;

/**
 * An export ready to be written: the file's name and format, and the work that streams it. Nothing
 * is read before {@link #writeTo} is called by the HTTP layer, which then holds one reporting
 * connection until the last row is written.
 */
public record Export(String dataset, ExportFormat format, String fileName, Body body) {

    /** Writes the file to the stream, row by row. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public void writeTo(OutputStream out) throws IOException {
        body.writeTo(out);
    }
}
