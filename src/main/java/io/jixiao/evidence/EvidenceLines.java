package io.jixiao.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.LocalDate;

/** The rows of a year's evidence, stored as ordered element collections of {@link YearEvidence}. */
public final class EvidenceLines {

    private EvidenceLines() {}

    /** A resource linked by the station (资源链接), valued in CNY. */
    @Embeddable
    public static class Resource {
        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public ResourceType type;

        public String description;

        @Column(nullable = false, precision = 15, scale = 2)
        public BigDecimal value;
    }

    /** Duty that offsets service hours, e.g. the 2022 epidemic duty. */
    @Embeddable
    public static class Offset {
        @Column(nullable = false)
        public String name;

        @Column(name = "social_worker_person_times", nullable = false)
        public int socialWorkerPersonTimes;
    }

    /** Residents served by one offset ({@code offsetPosition}) in one category. */
    @Embeddable
    public static class OffsetCategory {
        @Column(name = "offset_position", nullable = false)
        public int offsetPosition;

        @Column(nullable = false)
        public String category;

        @Column(name = "residents_served", nullable = false)
        public int residentsServed;
    }

    /** An honour (荣誉) the station or project received. */
    @Embeddable
    public static class Honour {
        @Column(nullable = false)
        public String title;

        @Column(name = "awarded_by")
        public String awardedBy;

        @Column(name = "awarded_on")
        public LocalDate awardedOn;
    }
}
