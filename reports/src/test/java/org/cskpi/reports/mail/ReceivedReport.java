package org.cskpi.reports.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A report e-mail as a mail client sees it: its MIME tree taken apart (checking the shape on the
 * way), and the tiles read back from the HTML part.
 *
 * @param tiles each tile's row by its {@code data-kpi}: value, change and the row's text
 */
public record ReceivedReport(String text, String html, byte[] attachment, String attachmentName,
                             String attachmentType, Map<String, TileRow> tiles) {

    /** One tile as the e-mail shows it; {@code text} is everything in the row, tags removed. */
    public record TileRow(String value, String change, String text) {
    }

    private static final Pattern ROW = Pattern.compile("<tr data-kpi=\"([a-z_0-9]+)\">(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern VALUE = Pattern.compile("class=\"value\"[^>]*>([^<]*)<");
    private static final Pattern CHANGE = Pattern.compile("class=\"change\"[^>]*>([^<]*)<");

    public static ReceivedReport of(MimeMessage message) throws Exception {
        assertThat(message.getContentType()).startsWith("multipart/mixed");
        MimeMultipart mixed = (MimeMultipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        BodyPart body = mixed.getBodyPart(0);
        assertThat(body.getContentType()).startsWith("multipart/alternative");
        MimeMultipart alternatives = (MimeMultipart) body.getContent();
        assertThat(alternatives.getCount()).isEqualTo(2);
        BodyPart plain = alternatives.getBodyPart(0);
        BodyPart rich = alternatives.getBodyPart(1);
        assertThat(plain.getContentType()).startsWith("text/plain").contains("UTF-8");
        assertThat(rich.getContentType()).startsWith("text/html").contains("UTF-8");
        BodyPart file = mixed.getBodyPart(1);
        assertThat(file.getDisposition()).isEqualTo(Part.ATTACHMENT);
        byte[] bytes;
        try (InputStream in = file.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String html = ((String) rich.getContent()).replace("\r\n", "\n");
        return new ReceivedReport(((String) plain.getContent()).replace("\r\n", "\n"), html, bytes,
                file.getFileName(), file.getContentType(), tiles(html));
    }

    private static Map<String, TileRow> tiles(String html) {
        Map<String, TileRow> tiles = new LinkedHashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            String cells = row.group(2);
            tiles.put(row.group(1), new TileRow(first(VALUE, cells), first(CHANGE, cells), plainText(cells)));
        }
        return tiles;
    }

    private static String first(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        assertThat(m.find()).as("%s in %s", pattern, html).isTrue();
        return unescape(m.group(1));
    }

    private static String plainText(String html) {
        return unescape(html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim());
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
