package org.cskpi.web.page;

import io.javalin.Javalin;
import java.time.Clock;
import java.util.stream.Stream;
import org.cskpi.invitation.Invitations;
import org.cskpi.invitation.TicketRef;
import org.cskpi.reports.testing.Chromium;
import org.cskpi.reports.testing.ChromiumExtension;
import org.cskpi.reports.testing.ReportCharts;
import org.cskpi.reports.testing.Viewport;
import org.cskpi.store.Store;
import org.cskpi.web.TestWeb;
import org.cskpi.web.WebApp;
import org.cskpi.web.WebDeps;
import org.cskpi.web.auth.Role;
import org.cskpi.web.auth.UserService;
import org.cskpi.web.report.ReportStoreRows;
import org.cskpi.web.testing.SqlServerProcess;
import org.cskpi.web.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * axe-core finds no serious or critical violation on the survey, login, report, query and users
 * pages of the whole app, at phone and at desktop width (issue 17's guard rails).
 */
@ExtendWith({ChromiumExtension.class, SqlServerProcess.class})
class PagesAccessibilityBrowserTest {

    private static Store store;
    private static Javalin app;
    private static Invitations invitations;

    @BeforeAll
    static void start(SqlServerProcess.Running sqlServer) {
        store = TestWeb.store();
        ReportStoreRows.fill(store.dsl());
        UserService users = new UserService(store.dsl(), TestApp.FAST_HASHER, Clock.systemUTC());
        users.add("analyst1", Role.ANALYST, TestApp.PASSWORD);
        users.add("admin1", Role.ADMIN, TestApp.PASSWORD);
        app = WebApp.create(WebDeps.of(TestWeb.config(10_000).withSqlServer(sqlServer.settings()), store, Clock.systemUTC()).withHasher(TestApp.FAST_HASHER))
                .start("127.0.0.1", 0);
        invitations = new Invitations(store.dsl(), Clock.systemUTC(), TestWeb.config(1).survey());
    }

    @AfterAll
    static void stop() {
        app.stop();
        store.close();
    }

    static Stream<Arguments> pagesAtBothWidths() {
        return Stream.of("survey", "login", "report", "query", "users")
                .flatMap(page -> Stream.of(Viewport.PHONE, Viewport.DESKTOP).map(width -> Arguments.of(page, width)));
    }

    @ParameterizedTest(name = "{0} page at {1}")
    @MethodSource("pagesAtBothWidths")
    void has_no_serious_or_critical_accessibility_violation(String page, Viewport viewport, Chromium chromium) {
        chromium.at(viewport);
        switch (page) {
            case "survey" -> openSurvey(chromium);
            case "login" -> chromium.open(origin() + "/login");
            case "report" -> openReport(chromium);
            case "query" -> openQueryResult(chromium);
            case "users" -> addUserOnUsersPage(chromium);
            default -> throw new IllegalArgumentException(page);
        }
        chromium.assertAccessible("the " + page + " page");
        if (viewport == Viewport.DESKTOP) {
            chromium.screenshot(page); // both widths, for people to look at (target/screenshots)
        }
    }

    private static void openSurvey(Chromium chromium) {
        String ticket = "axe-" + System.nanoTime();
        String token = invitations.issue(new TicketRef("zendesk", ticket, "cust-" + ticket, "en")).issued().orElseThrow().token();
        chromium.open(origin() + "/s/" + token);
    }

    private static void openReport(Chromium chromium) {
        signIn(chromium, "/reports/2026-W47");
        chromium.await(ExpectedConditions.urlContains("/reports/2026-W47"));
        chromium.await(ReportCharts::allDrawn);
    }

    /** The query page showing a result table, its fullest state. */
    private static void openQueryResult(Chromium chromium) {
        signIn(chromium, "/query");
        // The text area is hidden behind the CodeMirror editor: type as an analyst does.
        chromium.await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".editor .CodeMirror"))).click();
        new Actions(chromium.driver()).keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL)
                .sendKeys(Keys.DELETE).sendKeys("SELECT id AS n FROM range(1, 4)").perform();
        chromium.driver().findElement(By.cssSelector(".buttons button")).click();
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.result")));
    }

    /** The users page after an admin added a user through its form, the list showing the new row. */
    private static void addUserOnUsersPage(Chromium chromium) {
        signIn(chromium, "/admin/users", "admin1");
        chromium.await(ExpectedConditions.presenceOfElementLocated(By.id("role")));
        String name = "agent" + System.nanoTime() % 100_000;
        chromium.driver().findElement(By.id("username")).sendKeys(name);
        chromium.driver().findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
        chromium.driver().findElement(By.cssSelector("form[action='/admin/users'] button")).click();
        chromium.await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table tbody"), name));
    }

    private static void signIn(Chromium chromium, String next) {
        signIn(chromium, next, "analyst1");
    }

    private static void signIn(Chromium chromium, String next, String username) {
        chromium.open(origin() + "/login?next=" + next.replace("/", "%2F"));
        chromium.driver().findElement(By.id("username")).sendKeys(username);
        chromium.driver().findElement(By.id("password")).sendKeys(TestApp.PASSWORD);
        chromium.driver().findElement(By.cssSelector("form button")).click();
    }

    private static String origin() {
        return "http://localhost:" + app.port();
    }
}
