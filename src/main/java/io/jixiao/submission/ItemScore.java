package io.jixiao.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

/** The score one revision gives one framework item. */
@Entity
@Table(name = "submission_item_score")
@IdClass(ItemScore.Key.class)
public class ItemScore {

    public record Key(UUID revisionId, String itemCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "revision_id", nullable = false, updatable = false)
    public UUID revisionId;

    @Id
    @Column(name = "item_code", nullable = false, updatable = false)
    public String itemCode;

    @Column(nullable = false, updatable = false)
    public int position;

    @Column(nullable = false, updatable = false, precision = 5, scale = 2)
    public BigDecimal score;

    @Column(updatable = false)
    public String comment;
}
