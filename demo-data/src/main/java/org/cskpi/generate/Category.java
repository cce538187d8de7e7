package org.cskpi.generate;

import java.util.List;

/**
 * Complaint categories of the simulated online shop, with their share of tickets. The
 * canonical name is the display name lower-cased (docs/kpis.md#breakdowns); the tag is the
 * Zendesk dropdown value, which Zendesk also adds to the ticket's tags.
 */
enum Category {
    DELIVERY_DELAY("Delivery delay", "delivery_delay", 0.27),
    RETURN_REFUND("Return/refund", "return_refund", 0.19),
    DAMAGED_ITEM("Damaged item", "damaged_item", 0.10),
    PAYMENT("Payment", "payment", 0.10),
    ORDER_CHANGE("Order change", "order_change", 0.12),
    PRODUCT_QUESTION("Product question", "product_question", 0.14),
    ACCOUNT("Account", "account", 0.06);

    /** Share of tickets the agent leaves without a category (canonical {@code uncategorised}). */
    static final double UNCATEGORISED_SHARE = 0.02;

    private static final List<Category> ALL = List.of(values());
    private static final double[] WEIGHTS = ALL.stream().mapToDouble(c -> c.share).toArray();

    final String displayName;
    final String tag;
    final double share;

    Category(String displayName, String tag, double share) {
        this.displayName = displayName;
        this.tag = tag;
        this.share = share;
    }

    /** The canonical category: trimmed, lower-cased display name, e.g. {@code return/refund}. */
    String canonical() {
        return displayName.toLowerCase(java.util.Locale.ROOT);
    }

    static double[] weights() {
        return WEIGHTS.clone();
    }

    static Category at(int index) {
        return ALL.get(index);
    }
}
