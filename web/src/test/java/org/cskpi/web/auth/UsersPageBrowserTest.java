package org.cskpi.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.time.Instant;
import java.util.List;
import org.cskpi.reports.testing.Chromium;
import org.cskpi.reports.testing.ChromiumExtension;
import org.cskpi.store.Store;
import org.cskpi.web.MutableClock;
import org.cskpi.web.TestWeb;
import org.cskpi.web.WebApp;
import org.cskpi.web.WebDeps;
import org.cskpi.web.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** An admin manages users on a 360 px phone: every row's Remove button is in view without scrolling sideways. */
@ExtendWith(ChromiumExtension.class)
class UsersPageBrowserTest {

    @Test
    void every_remove_button_fits_a_phone(Chromium chromium) {
        try (Store store = TestWeb.store()) {
            MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
            UserService users = new UserService(store.dsl(), TestApp.FAST_HASHER, clock);
            users.add("admin1", Role.ADMIN, TestApp.PASSWORD);
            users.add("demo-manager", Role.MANAGER, TestApp.PASSWORD);
            users.add("demo-analyst", Role.ANALYST, TestApp.PASSWORD);
            Javalin app = WebApp.create(WebDeps.of(TestWeb.config(1000), store, clock)
                    .withHasher(TestApp.FAST_HASHER)).start("127.0.0.1", 0);
            try {
                ChromeDriver browser = chromium.atPhoneWidth().driver();
                chromium.open("http://127.0.0.1:" + app.port() + "/login?next=/admin/users");
                browser.findElement(By.id("username")).sendKeys("admin1");
                browser.findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
                browser.findElement(By.cssSelector("form button")).click();
                chromium.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.users")));

                List<WebElement> removes = browser.findElements(By.cssSelector("table.users button"));
                assertThat(removes).hasSize(2);
                WebElement card = browser.findElement(By.cssSelector("table.users")).findElement(By.xpath("./ancestor::section"));
                int cardRight = card.getRect().getX() + card.getRect().getWidth();
                for (WebElement remove : removes) {
                    Rectangle at = remove.getRect();
                    assertThat(at.getX() + at.getWidth()).as("right edge of a Remove button").isLessThanOrEqualTo(cardRight);
                }
                WebElement scroll = browser.findElement(By.cssSelector("section .scroll"));
                assertThat((Long) browser.executeScript("return arguments[0].scrollWidth - arguments[0].clientWidth", scroll))
                        .as("the table scrolls sideways in its card").isZero();
                assertThat(chromium.sidewaysOverflow()).isZero();
                chromium.screenshot("users");
                assertThat(chromium.takeProblems()).isEmpty();
            } finally {
                app.stop();
            }
        }
    }
}
