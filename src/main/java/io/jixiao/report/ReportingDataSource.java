package io.jixiao.report;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The read-only datasource that reports and analytics query: the named datasource
 * {@code reporting} (e.g. a read replica, the CloudNativePG {@code -ro} service) when its JDBC URL
 * is configured, otherwise the main one. Every read runs in one read-only REPEATABLE READ
 * transaction, so all queries of a report or an analytics answer see the same snapshot.
 */
public final class ReportingDataSource {

    /** A unit of reading on one snapshot. */
    @FunctionalInterface
    public interface Read<T> {
        T on(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final String name;

    public ReportingDataSource(DataSource dataSource, String name) {
        this.dataSource = dataSource;
        this.name = name;
    }

    /** "reporting" or "default": which datasource answers (logged at start-up, shown in tests). */
    public String name() {
        return name;
    }

    public <T> T read(Read<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            boolean readOnly = connection.isReadOnly();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setReadOnly(readOnly);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new ReportingUnavailable(e);
        }
    }

    /** The read failed in the database (it is down, the replica is unreachable, a query failed). */
    public static final class ReportingUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReportingUnavailable(SQLException cause) {
            super("reporting read failed: " + cause.getMessage(), cause);
        }
    }
}
