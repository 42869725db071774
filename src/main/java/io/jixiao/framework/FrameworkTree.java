package io.jixiao.framework;

import java.math.BigDecimal;
import java.util.List;

/** A framework's tree as clients write it: party → dimension → item. */
public record FrameworkTree(String key, String name, List<PartyTree> parties) {

    public record PartyTree(Party party, List<Dimension> dimensions) {}

    public record Dimension(String code, String name, String nameEn, boolean assumed, List<Item> items) {}

    public record Item(String code, String name, String nameEn, String maxPoints) {}

    /** A parsed item ready to store. */
    record FlatItem(Party party, Dimension dimension, Item item, BigDecimal maxPoints) {}
}
