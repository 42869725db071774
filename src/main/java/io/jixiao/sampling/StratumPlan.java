package io.jixiao.sampling;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One stratum of a sample's plan: how many interviews, and how many reserves behind them. */
@Embeddable
public class StratumPlan {

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int quota;

    @Column(nullable = false)
    public int reserves;

    public StratumPlan() {}

    public StratumPlan(String code, String name, int quota, int reserves) {
        this.code = code;
        this.name = name;
        this.quota = quota;
        this.reserves = reserves;
    }
}
