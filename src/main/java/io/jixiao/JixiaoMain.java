package io.jixiao;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. When the configuration names no datasource in any form Quarkus reads (see
 * {@link EmbeddedDatabase#wanted}) and JIXIAO_EMBEDDED_POSTGRES is not "false", it first starts an embedded
 * PostgreSQL and points the datasource at it, so that a machine with only Java runs us.
 */
@QuarkusMain
public final class JixiaoMain {

    private JixiaoMain() {}

    public static void main(String... args) {
        EmbeddedDatabase embedded = EmbeddedDatabase.startUnlessDatasourceConfigured();
        try {
            Quarkus.run(args);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
