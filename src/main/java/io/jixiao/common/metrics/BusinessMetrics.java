package io.jixiao.common.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Business counters, exported at /q/metrics as {@code jixiao_submissions_total{party}},
 * {@code jixiao_amendments_total{party}}, {@code jixiao_finalizations_total{grade}} and
 * {@code jixiao_problems_total{type,status}}. Counted after the change is committed.
 */
@ApplicationScoped
public class BusinessMetrics {

    @Inject
    MeterRegistry registry;

    public void submission(String party) {
        registry.counter("jixiao.submissions", "party", party).increment();
    }

    public void amendment(String party) {
        registry.counter("jixiao.amendments", "party", party).increment();
    }

    public void finalization(String grade) {
        registry.counter("jixiao.finalizations", "grade", grade).increment();
    }

    public void problem(String type, int status) {
        registry.counter("jixiao.problems", "type", type, "status", String.valueOf(status))
                .increment();
    }
}
