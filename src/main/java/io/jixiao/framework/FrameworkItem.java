package io.jixiao.framework;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One scored item of a framework version, with the dimension it belongs to. */
@Entity
@Table(name = "framework_item")
public class FrameworkItem {

    @Id
    public UUID id;

    @Column(name = "framework_id", nullable = false, updatable = false)
    public UUID frameworkId;

    @Column(nullable = false)
    public int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Party party;

    @Column(name = "dimension_code", nullable = false)
    public String dimensionCode;

    @Column(name = "dimension_name", nullable = false)
    public String dimensionName;

    @Column(name = "dimension_name_en")
    public String dimensionNameEn;

    @Column(name = "dimension_assumed", nullable = false)
    public boolean dimensionAssumed;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_en")
    public String nameEn;

    @Column(name = "max_points", nullable = false, precision = 5, scale = 2)
    public BigDecimal maxPoints;
}
