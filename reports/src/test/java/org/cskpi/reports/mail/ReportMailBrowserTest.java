package org.cskpi.reports.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cskpi.config.CskpiConfig;
import org.cskpi.config.IsoWeek;
import org.cskpi.reports.ReportBuilder;
import org.cskpi.reports.SampleStore;
import org.cskpi.reports.StoreRows;
import org.cskpi.reports.TwoWeeks;
import org.cskpi.reports.WeeklyReport;
import org.cskpi.reports.data.Filters;
import org.cskpi.reports.html.HtmlReport;
import org.cskpi.reports.html.ScriptMode;
import org.cskpi.reports.testing.Chromium;
import org.cskpi.reports.testing.ChromiumExtension;
import org.cskpi.reports.testing.Viewport;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

/**
 * The report e-mail's HTML part as a mail pane of 600 px and a 360 px phone show it (Chromium):
 * nothing sticks out sideways, each tile's value sits on its name's line inside the pane, and
 * axe finds nothing serious. Screenshots: target/screenshots/ReportMailBrowserTest.
 */
@ExtendWith(ChromiumExtension.class)
class ReportMailBrowserTest {

    private static final Path DIR = Path.of("target", "browser");
    /** Tall enough that the whole message is in the screenshot. */
    private static final Viewport MAIL_PANE = new Viewport(600, 1500, false, 1);
    private static final Viewport PHONE = new Viewport(360, 1900, true, 2);

    /** The HTML part of the message, as it arrives. */
    private static String htmlPart(StoreRows rows, IsoWeek week, Filters filters, String name) throws Exception {
        WeeklyReport report = ReportBuilder.build(rows.dsl(), CskpiConfig.defaults(Path.of("data")), week, filters);
        Files.createDirectories(DIR);
        Path file = Files.writeString(DIR.resolve(name + "-" + week + ".html"), HtmlReport.page(report, ScriptMode.inline()));
        MimeMessage message = new ReportMail("kpi@nordlys.example", "https://kpi.nordlys.example")
                .compose(report, file, List.of("lead@nordlys.example"));
        message.saveChanges();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        message.writeTo(wire);
        return ReceivedReport.of(new MimeMessage(null, new ByteArrayInputStream(wire.toByteArray()))).html();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sample", "two-weeks", "chat-two-weeks"})
    void the_message_fits_a_600_px_pane_and_a_360_px_phone(String data, Chromium chromium) throws Exception {
        StoreRows rows = data.equals("sample") ? SampleStore.fill(StoreRows.fresh()) : TwoWeeks.fill(StoreRows.fresh());
        String html;
        try {
            html = data.equals("sample") ? htmlPart(rows, SampleStore.LAST_COMPLETE, Filters.none(), data)
                    : htmlPart(rows, TwoWeeks.WEEK, data.startsWith("chat") ? Filters.channel("chat") : Filters.none(), data);
        } finally {
            rows.store().close();
        }
        Path page = Files.writeString(DIR.resolve("report-mail-" + data + ".html"), html, StandardCharsets.UTF_8);
        chromium.open(page.toUri().toString());

        for (Viewport viewport : List.of(MAIL_PANE, PHONE)) {
            chromium.at(viewport);
            assertThat(chromium.sidewaysOverflow()).as("overflow at %s", viewport).isZero();
            List<WebElement> tiles = chromium.driver().findElements(By.cssSelector("tr[data-kpi]"));
            assertThat(tiles).hasSize(10);
            for (WebElement tile : tiles) {
                Rectangle name = tile.findElement(By.cssSelector("td div")).getRect();
                Rectangle value = tile.findElement(By.cssSelector(".value")).getRect();
                assertThat(value.getX() + value.getWidth()).as("value inside the pane at %s", viewport)
                        .isLessThanOrEqualTo(viewport.width());
                assertThat(value.getX()).as("value right of its name at %s", viewport)
                        .isGreaterThanOrEqualTo(name.getX() + name.getWidth());
                assertThat(Math.abs(value.getY() - name.getY())).as("value on its name's line").isLessThanOrEqualTo(4);
            }
            chromium.assertAccessible("the report e-mail (" + data + ")");
            assertThat(chromium.screenshotAsIs("report-mail-" + data)).isNotEmptyFile();
        }
    }
}
