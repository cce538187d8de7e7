package org.cskpi.generate;

/**
 * How a ticket came in, in each help desk's words. The canonical channel is what ingest must
 * derive (docs/architecture.md#help-desk-formats-read-by-name: Zendesk {@code voice} -> phone,
 * {@code twitter}/{@code facebook} -> social, Freshdesk Portal -> web).
 */
enum Channel {
    EMAIL("email", "email", "Email"),
    CHAT("chat", "chat", "Chat"),
    PHONE("phone", "voice", "Phone"),
    TWITTER("social", "twitter", "Twitter"),
    FACEBOOK("social", "facebook", "Facebook"),
    WEB("web", "web", "Portal");

    /** Canonical shares: email 45 %, chat 25 %, phone 12 %, social 8 % (half each network), web 10 %. */
    static final double[] WEIGHTS = {0.45, 0.25, 0.12, 0.04, 0.04, 0.10};

    final String canonical;
    final String zendesk;
    final String freshdesk;

    Channel(String canonical, String zendesk, String freshdesk) {
        this.canonical = canonical;
        this.zendesk = zendesk;
        this.freshdesk = freshdesk;
    }

    /** Live channels are answered in seconds to minutes; the others in hours. */
    boolean isLive() {
        return this == CHAT || this == PHONE;
    }

    static Channel at(int index) {
        return values()[index];
    }
}
