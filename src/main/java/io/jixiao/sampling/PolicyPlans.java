package io.jixiao.sampling;

import java.util.List;

/**
 * The Guangzhou quotas of the evaluation rules: awareness 30 key/safety-net clients, 20 general
 * clients, 10 nearby residents; satisfaction 15 service users, 5 residents' committees and
 * partners. Reserves (a fifth of the quota, rounded up) are our choice: the rules are silent.
 */
public final class PolicyPlans {

    private PolicyPlans() {}

    public static List<StratumPlan> of(SampleKind kind) {
        return switch (kind) {
            case AWARENESS ->
                List.of(
                        stratum("KEY_CLIENT", "重点及兜底类服务对象", 30),
                        stratum("GENERAL_CLIENT", "一般服务对象", 20),
                        stratum("NEARBY_RESIDENT", "周边社区居民", 10));
            case SATISFACTION ->
                List.of(stratum("SERVICE_USER", "服务对象", 15), stratum("COMMITTEE_PARTNER", "村居委及合作方", 5));
        };
    }

    /** Reserves default to a fifth of the quota, rounded up. */
    static int defaultReserves(int quota) {
        return (quota + 4) / 5;
    }

    private static StratumPlan stratum(String code, String name, int quota) {
        return new StratumPlan(code, name, quota, defaultReserves(quota));
    }
}
