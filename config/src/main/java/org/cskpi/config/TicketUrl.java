package org.cskpi.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code report.ticket_url} (docs/configuration.md#keys): where the report links a ticket id.
 *
 * @param template the help desk's address of one ticket, with {@code {id}} where the ticket id
 *                 goes (e.g. {@code https://acme.zendesk.com/agent/tickets/{id}}); checked when
 *                 made to be an absolute http or https URL, so that a report never links
 *                 {@code javascript:} or a relative address
 */
public record TicketUrl(Optional<String> template) {

    static final String ID = "{id}";

    public static final TicketUrl NONE = new TicketUrl(Optional.empty());

    public TicketUrl {
        template.ifPresent(TicketUrl::check);
    }

    /** The {@code ticket_url} key of {@code node} (the {@code report} section), checked. */
    static TicketUrl from(ConfigNode node) {
        String url = node.string("ticket_url", null);
        if (url == null) {
            return NONE;
        }
        try {
            return new TicketUrl(Optional.of(url));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(node.key("ticket_url") + ": " + e.getMessage());
        }
    }

    /**
     * The link to ticket {@code id}: the template with {@code {id}} replaced by the id
     * percent-encoded as one path segment (a {@code /}, {@code ?} or {@code #} in an id stays
     * inside the id). Empty without a template or an id. Not HTML-escaped: the page does that.
     */
    public Optional<String> link(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String segment = URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        return template.map(t -> t.replace(ID, segment));
    }

    private static void check(String template) {
        String expected = "expected an http or https address with " + ID + " where the ticket id goes, "
                + "e.g. https://acme.zendesk.com/agent/tickets/" + ID + "; got \"" + template + "\"";
        if (!template.contains(ID)) {
            throw new IllegalArgumentException(expected);
        }
        URI uri;
        try {
            uri = new URI(template.replace(ID, "1"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(expected);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(expected);
        }
    }
}
