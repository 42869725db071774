package io.jixiao.export;

import io.jixiao.common.security.Caller;
import java.util.List;
import java.util.Set;

/**
 * One exportable dataset: its name (the path segment), its columns and the read-only SQL that
 * yields them in the caller's scope, in a stable order. Each dataset is one small CDI bean;
 * {@link ExportService} finds them all, so adding a dataset is adding one class (and its name to
 * the contract's enum).
 */
public interface Dataset {

    /** A statement and its positional parameters; its select list matches {@link #columns()}. */
    record Query(String sql, List<Object> params) {}

    String name();

    List<Column> columns();

    /** The query parameters (of {@link ExportFilter#given()}) that apply; any other is refused. */
    Set<String> filters();

    /** Whether the caller's roles may export this dataset at all (403 otherwise). */
    default boolean mayExport(Caller caller) {
        return true;
    }

    /** The rows the caller may see, filtered; the scope is already checked to be the caller's. */
    Query query(Caller caller, ExportFilter filter);
}
