package io.jixiao.export;

import java.io.OutputStream;
import java.util.List;

/** The file formats of an export. */
public enum ExportFormat {
    CSV("csv", "text/csv"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public final String extension;
    public final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** Starts a table in this format on the stream: the header is written (and flushed) at once. */
    TableWriter open(OutputStream out, String sheet, List<Column> columns) throws java.io.IOException {
        return switch (this) {
            case CSV -> new CsvTableWriter(out, columns);
            case XLSX -> new XlsxTableWriter(out, sheet, columns);
        };
    }

    /** The format named by the {@code format} query parameter ({@code csv}, {@code xlsx}). */
    public static ExportFormat ofExtension(String extension) {
        for (ExportFormat format : values()) {
            if (format.extension.equals(extension)) {
                return format;
            }
        }
        throw new IllegalArgumentException(extension);
    }
}
