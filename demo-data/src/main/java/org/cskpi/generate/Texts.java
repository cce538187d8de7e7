package org.cskpi.generate;

import java.util.List;
import java.util.Map;

/** Subjects and message bodies of the simulated tickets; chosen by number, so no state is needed. */
final class Texts {

    private static final Map<Category, List<String>> SUBJECTS = Map.of(
            Category.DELIVERY_DELAY, List.of("Where is my order #%d?", "Parcel still not delivered (order %d)",
                    "Tracking has not moved for 5 days – order %d"),
            Category.RETURN_REFUND, List.of("Refund for order %d", "How do I return order #%d?",
                    "Return label not working, order %d"),
            Category.DAMAGED_ITEM, List.of("Item arrived broken (order %d)", "Damaged package, order #%d",
                    "Glass cracked on delivery – %d"),
            Category.PAYMENT, List.of("Charged twice for order %d", "Payment declined but money taken (%d)",
                    "Invoice for order #%d"),
            Category.ORDER_CHANGE, List.of("Change delivery address for order %d", "Cancel order #%d please",
                    "Add an item to order %d"),
            Category.PRODUCT_QUESTION, List.of("Is this jacket waterproof? (ref %d)", "Size guide question, item %d",
                    "Does item %d fit a 15\" laptop?"),
            Category.ACCOUNT, List.of("Cannot log in to my account (%d)", "Please delete my account, ref %d",
                    "Password reset e-mail never arrives (%d)"));

    private static final List<String> UNCATEGORISED = List.of("Question about order %d", "Hello, need help (%d)");

    private static final List<String> AGENT_REPLIES = List.of(
            "Hi %s, thanks for reaching out. I have looked into this and will get back to you shortly.",
            "Hi %s, sorry about the trouble. I have sent you the details by e-mail.",
            "Hi %s, this is now sorted on our side. Let us know if anything else comes up!");

    private Texts() {
    }

    static String subject(Category category, long ticketId) {
        List<String> pool = category == null ? UNCATEGORISED : SUBJECTS.get(category);
        return pool.get((int) (ticketId % pool.size())).replace("%d", Long.toString(orderNumber(ticketId)));
    }

    /** The shop order the ticket is about (a Zendesk text field, part of the subject). */
    static long orderNumber(long ticketId) {
        return 4_100_000 + ticketId * 7 % 900_000;
    }

    static String description(String subject, String customerName) {
        return subject + "\n\nHello,\n" + subject + ". Could you please help?\n\nBest regards,\n" + customerName;
    }

    static String agentReply(String customerName, int replyNumber) {
        String given = customerName.split(" ")[0];
        return AGENT_REPLIES.get(replyNumber % AGENT_REPLIES.size()).replace("%s", given);
    }

    static String customerReply(int number) {
        return number % 2 == 0 ? "Thanks, but it is still not resolved. Any news?" : "Here is the photo you asked for.";
    }

    static String agentNote() {
        return "Checked with the warehouse, waiting for the carrier's answer.";
    }
}
