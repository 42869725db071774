package io.jixiao.report;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Chooses the datasource of reports and analytics once, at start-up. The named datasource
 * {@code reporting} is declared at build time (application.properties) but only becomes active when
 * {@code quarkus.datasource.reporting.jdbc.url} (env {@code QUARKUS_DATASOURCE_REPORTING_JDBC_URL})
 * is set; without it Quarkus leaves it inactive and reports read the main datasource — the one
 * {@link io.jixiao.JixiaoMain} points at the embedded PostgreSQL, or the tests' one.
 */
@ApplicationScoped
public class ReportingDataSourceProducer {

    static final String NAME = "reporting";
    private static final Logger LOG = Logger.getLogger(ReportingDataSourceProducer.class);

    @Inject
    AgroalDataSource main;

    @ConfigProperty(name = "quarkus.datasource.reporting.jdbc.url")
    Optional<String> reportingUrl;

    @Produces
    @ApplicationScoped
    ReportingDataSource reportingDataSource() {
        if (reportingUrl.filter(url -> !url.isBlank()).isPresent()) {
            Optional<AgroalDataSource> named = AgroalDataSourceUtil.dataSourceIfActive(NAME);
            if (named.isPresent()) {
                LOG.infof("reports and analytics read the '%s' datasource", NAME);
                return new ReportingDataSource(named.get(), NAME);
            }
            LOG.warnf("datasource '%s' is configured but not active; reports and analytics read the main one", NAME);
        }
        return new ReportingDataSource(main, "default");
    }
}
