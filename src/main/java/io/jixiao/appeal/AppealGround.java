package io.jixiao.appeal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One thing an appeal contests, and why. */
@Embeddable
public class AppealGround {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppealTarget target;

    /** The item code, the party or the finding id, as text. */
    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public String statement;

    public AppealGround() {}

    public AppealGround(AppealTarget target, String reference, String statement) {
        this.target = target;
        this.reference = reference;
        this.statement = statement;
    }

    @Override
    public String toString() {
        return target + ":" + reference + ":" + statement;
    }
}
