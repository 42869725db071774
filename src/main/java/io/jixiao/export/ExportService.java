package io.jixiao.export;

import io.jixiao.common.error.FieldProblem;
import io.jixiao.common.error.Forbidden;
import io.jixiao.common.error.InvalidInput;
import io.jixiao.common.security.Caller;
import io.jixiao.report.ReportingDataSource;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Exports for auditors, the bureau and street offices: a dataset in the caller's scope, filtered,
 * streamed from one read-only snapshot of the reporting datasource through a JDBC cursor (autocommit
 * off, a fetch size), so that neither the driver nor the writer holds more than one batch of rows.
 */
@ApplicationScoped
public class ExportService {

    /** Rows the driver fetches at a time: memory is one batch, whatever the export's size. */
    static final int FETCH_SIZE = 1000;

    private static final Logger LOG = Logger.getLogger(ExportService.class);

    private final Map<String, Dataset> datasets = new TreeMap<>();

    @Inject
    ReportingDataSource reporting;

    @Inject
    ExportService(@All List<Dataset> all) {
        for (Dataset dataset : all) {
            datasets.put(dataset.name(), dataset);
        }
    }

    /** The datasets by name (the contract's enum of the path parameter). */
    public List<String> datasets() {
        return List.copyOf(datasets.keySet());
    }

    /**
     * The export of a dataset for the caller. Checks what can be checked before the first byte (the
     * dataset, the filters that apply); the rows are read only when the body is written.
     */
    public Export export(Caller caller, String name, ExportFilter filter, ExportFormat format) {
        Dataset dataset = Optional.ofNullable(datasets.get(name))
                .orElseThrow(() -> InvalidInput.of("dataset", "must be one of " + String.join(", ", datasets())));
        if (!dataset.mayExport(caller)) {
            throw new Forbidden("The " + name + " dataset is exported by auditors only.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String given : filter.given().keySet()) {
            if (!dataset.filters().contains(given)) {
                problems.add(new FieldProblem(given, "does not apply to the " + name + " dataset"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        Dataset.Query query = dataset.query(caller, filter);
        return new Export(
                name,
                format,
                fileName(name, filter, format),
                out -> stream(dataset, query, format, out, caller.username()));
    }

    private void stream(Dataset dataset, Dataset.Query query, ExportFormat format, OutputStream out, String who) {
        long started = System.nanoTime();
        AtomicLong rows = new AtomicLong();
        reporting.read(db -> {
            try (PreparedStatement st = db.prepareStatement(query.sql())) {
                st.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < query.params().size(); i++) {
                    st.setObject(i + 1, query.params().get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    List<Column> columns = dataset.columns();
                    TableWriter writer = format.open(out, dataset.name(), columns);
                    Object[] values = new Object[columns.size()];
                    while (rs.next()) {
                        for (int c = 0; c < values.length; c++) {
                            values[c] = value(rs, c + 1, columns.get(c).kind());
                        }
                        writer.row(values);
                        rows.incrementAndGet();
                    }
                    writer.finish();
                }
            } catch (IOException e) {
                // the client went away (or the connection broke): the snapshot is released
                throw new UncheckedIOException(e);
            }
            return null;
        });
        LOG.infof(
                "export %s (%s) by %s: %d rows in %d ms",
                dataset.name(), format.extension, who, rows.get(), (System.nanoTime() - started) / 1_000_000);
    }

    private static Object value(ResultSet rs, int index, Column.Kind kind) throws SQLException {
        Object value = switch (kind) {
            case TEXT -> rs.getString(index);
            case INTEGER -> rs.getLong(index);
            case DECIMAL -> rs.getBigDecimal(index);
            case BOOLEAN -> rs.getBoolean(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIMESTAMP -> {
                OffsetDateTime at = rs.getObject(index, OffsetDateTime.class);
                yield at == null ? null : at.toInstant();
            }
        };
        return rs.wasNull() ? null : value;
    }

    /** {@code jixiao-<dataset>[-<district>][-<street>][-<fiscalYear>].<ext>}; the ASCII form drops non-ASCII parts. */
    static String fileName(String dataset, ExportFilter filter, ExportFormat format) {
        StringBuilder name = new StringBuilder("jixiao-").append(dataset);
        for (Object part : new Object[] {filter.district(), filter.street(), filter.fiscalYear(), filter.phase()}) {
            if (part != null) {
                name.append('-').append(part.toString().replaceAll("[\\\\/:*?\"<>|\\s]", "_"));
            }
        }
        return name.append('.').append(format.extension).toString();
    }
}
