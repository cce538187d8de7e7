package org.cskpi.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cskpi.web.testing.Browser.csrfIn;
import static org.cskpi.web.testing.Browser.form;

import io.javalin.testtools.JavalinTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.cskpi.web.testing.Browser;
import org.cskpi.web.testing.TestApp;
import org.junit.jupiter.api.Test;

class AuthWebTest {

    @Test
    void a_page_needs_sign_in_and_sends_the_visitor_to_the_login_page() {
        try (TestApp t = new TestApp()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser browser = new Browser(server.port());
                HttpResponse<String> page = browser.get("/query?x=1");
                assertThat(page.statusCode()).isEqualTo(302);
                assertThat(page.headers().firstValue("Location")).contains("/login?next=%2Fquery%3Fx%3D1");
                assertThat(browser.post("/query", form("sql", "SELECT 1")).statusCode()).isEqualTo(401);
                assertThat(browser.post("/query/csv", form("sql", "SELECT 1")).statusCode()).isEqualTo(401);
                assertThat(browser.get("/admin/users").statusCode()).isEqualTo(302);
            });
        }
    }

    @Test
    void guarding_the_home_page_leaves_the_public_survey_open() {
        try (TestApp t = new TestApp()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser anonymous = new Browser(server.port());
                assertThat(anonymous.get("/").statusCode()).isEqualTo(302);
                HttpResponse<String> survey = anonymous.get("/s/abc");
                assertThat(survey.statusCode()).isEqualTo(200);
                assertThat(survey.body()).isEqualTo("public survey");
                anonymous.logIn("manager1", TestApp.PASSWORD);
                assertThat(anonymous.get("/").body()).isEqualTo("report home");
            });
        }
    }

    @Test
    void each_role_sees_only_its_pages() {
        try (TestApp t = new TestApp()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser manager = new Browser(server.port());
                assertThat(manager.logIn("manager1", TestApp.PASSWORD).statusCode()).isEqualTo(303);
                assertThat(manager.get("/query").statusCode()).isEqualTo(403);
                assertThat(manager.get("/admin/users").statusCode()).isEqualTo(403);

                Browser analyst = new Browser(server.port());
                analyst.logIn("analyst1", TestApp.PASSWORD);
                HttpResponse<String> query = analyst.get("/query");
                assertThat(query.statusCode()).isEqualTo(200);
                assertThat(query.body()).contains("<textarea id=\"sql\"").contains("kpi_weekly");
                assertThat(analyst.get("/admin/users").statusCode()).isEqualTo(403);

                Browser admin = new Browser(server.port());
                admin.logIn("admin1", TestApp.PASSWORD);
                assertThat(admin.get("/query").statusCode()).isEqualTo(200);
                assertThat(admin.get("/admin/users").body()).contains("manager1").contains("analyst1");
            });
        }
    }

    @Test
    void login_redirects_to_next_but_never_off_site() {
        try (TestApp t = new TestApp()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser browser = new Browser(server.port());
                HttpResponse<String> ok = browser.logIn("analyst1", TestApp.PASSWORD);
                assertThat(ok.headers().firstValue("Location")).contains("/query");
                Browser other = new Browser(server.port());
                String token = csrfIn(other.get("/login?next=//evil.example").body());
                HttpResponse<String> login = other.post("/login", form("csrf", token, "username", "analyst1",
                        "password", TestApp.PASSWORD, "next", "//evil.example/x"));
                assertThat(login.headers().firstValue("Location")).contains("/");
            });
        }
    }

    @Test
    void a_wrong_password_or_unknown_user_is_refused_with_the_same_message() {
        try (TestApp t = new TestApp()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser browser = new Browser(server.port());
                HttpResponse<String> wrong = browser.logIn("analyst1", "not the password");
                assertThat(wrong.statusCode()).isEqualTo(401);
                assertThat(wrong.body()).contains("Wrong user name or password.");
                HttpResponse<String> unknown = browser.logIn("nobody", TestApp.PASSWORD);
                assertThat(unknown.statusCode()).isEqualTo(401);
                assertThat(unknown.body()).contains("Wrong user name or password.");
                assertThat(browser.get("/query").statusCode()).isEqualTo(302);
            });
        }
    }

    @Test
    void a_post_without_the_csrf_token_is_refused() {
        try (TestApp t = new TestApp()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser browser = new Browser(server.port());
                browser.get("/login");
                HttpResponse<String> login = browser.post("/login",
                        form("username", "analyst1", "password", TestApp.PASSWORD));
                assertThat(login.statusCode()).isEqualTo(403);
                assertThat(browser.post("/login", form("csrf", "forged", "username", "analyst1",
                        "password", TestApp.PASSWORD)).statusCode()).isEqualTo(403);

                browser.logIn("admin1", TestApp.PASSWORD);
                assertThat(browser.post("/query", form("sql", "SELECT 1")).statusCode()).isEqualTo(403);
                assertThat(browser.post("/admin/users", form("username", "mallory", "role", "admin",
                        "password", "mallory-password")).statusCode()).isEqualTo(403);
                assertThat(t.users.find("mallory")).isEmpty();
                assertThat(browser.post("/logout", form()).statusCode()).isEqualTo(403);
                assertThat(browser.get("/query").statusCode()).isEqualTo(200);
            });
        }
    }

    @Test
    void after_six_wrong_passwords_a_name_waits_and_longer_after_each_further_one() {
        try (TestApp t = new TestApp()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser browser = new Browser(server.port());
                for (int i = 1; i <= 6; i++) {
                    assertThat(browser.logIn("analyst1", "wrong " + i).statusCode()).as("attempt %d", i).isEqualTo(401);
                }
                HttpResponse<String> seventh = browser.logIn("analyst1", TestApp.PASSWORD);
                assertThat(seventh.statusCode()).isEqualTo(429);
                assertThat(seventh.headers().firstValue("Retry-After")).contains("1");
                assertThat(seventh.body()).contains("Too many login attempts");
                assertThat(browser.get("/query").statusCode()).isEqualTo(302);

                t.clock.advance(Duration.ofSeconds(1));
                assertThat(browser.logIn("analyst1", "wrong 7").statusCode()).isEqualTo(401);
                assertThat(browser.logIn("analyst1", TestApp.PASSWORD).headers().firstValue("Retry-After")).contains("2");
                t.clock.advance(Duration.ofSeconds(2));
                assertThat(browser.logIn("analyst1", TestApp.PASSWORD).statusCode()).isEqualTo(303);
            });
        }
    }

    @Test
    void wrong_passwords_from_one_address_do_not_lock_the_user_out_at_another() {
        try (TestApp t = new TestApp()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser attacker = Browser.at(server.port(), "198.51.100.66");
                HttpResponse<String> guess = null;
                for (int i = 1; i <= 20; i++) {
                    guess = attacker.logIn("manager1", "guess " + i);
                }
                assertThat(guess.statusCode()).isEqualTo(429);
                assertThat(guess.headers().firstValue("Retry-After")).hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isPositive());

                Browser manager = Browser.at(server.port(), "203.0.113.7");
                assertThat(manager.logIn("manager1", TestApp.PASSWORD).statusCode()).isEqualTo(303);
                assertThat(manager.get("/").body()).isEqualTo("report home");
            });
        }
    }

    @Test
    void login_issues_a_new_http_only_same_site_session_and_logout_ends_it() {
        try (TestApp t = new TestApp()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser browser = new Browser(server.port());
                HttpResponse<String> loginPage = browser.get("/login");
                String cookie = loginPage.headers().firstValue("Set-Cookie").orElseThrow();
                assertThat(cookie).startsWith("cskpi_session=").contains("HttpOnly").contains("SameSite=Lax")
                        .doesNotContain("Secure");
                String before = browser.sessionId().orElseThrow();
                String token = csrfIn(loginPage.body());
                browser.post("/login", form("csrf", token, "username", "analyst1", "password", TestApp.PASSWORD));
                String after = browser.sessionId().orElseThrow();
                assertThat(after).isNotEqualTo(before);

                HttpResponse<String> page = browser.get("/query");
                assertThat(csrfIn(page.body())).as("a new CSRF token after login").isNotEqualTo(token);
                HttpResponse<String> logout = browser.post("/logout", form("csrf", csrfIn(page.body())));
                assertThat(logout.statusCode()).isEqualTo(303);
                assertThat(browser.get("/query").statusCode()).isEqualTo(302);
            });
        }
    }

    @Test
    void the_session_cookie_is_secure_when_configured() {
        try (TestApp t = new TestApp(true, 5, 100)) {
            JavalinTest.test(t.app, (server, client) -> {
                String cookie = new Browser(server.port()).get("/login").headers().firstValue("Set-Cookie").orElseThrow();
                assertThat(cookie).contains("Secure").contains("HttpOnly");
            });
        }
    }

    @Test
    void a_removed_user_loses_the_session_at_once() {
        try (TestApp t = new TestApp()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser browser = new Browser(server.port());
                browser.logIn("analyst1", TestApp.PASSWORD);
                assertThat(browser.get("/query").statusCode()).isEqualTo(200);
                t.users.remove("analyst1");
                assertThat(browser.get("/query").statusCode()).isEqualTo(302);
            });
        }
    }

    @Test
    void an_admin_adds_and_removes_users_on_the_users_page() {
        try (TestApp t = new TestApp()) {
            JavalinTest.test(t.app, (server, client) -> {
                Browser admin = new Browser(server.port());
                admin.logIn("admin1", TestApp.PASSWORD);
                String token = csrfIn(admin.get("/admin/users").body());
                HttpResponse<String> added = admin.post("/admin/users",
                        form("csrf", token, "username", "<b>eve</b>", "role", "analyst", "password", "long enough pw"));
                assertThat(added.statusCode()).isEqualTo(400);
                assertThat(added.body()).contains("&lt;b&gt;eve&lt;/b&gt;").doesNotContain("<b>eve");
                assertThat(admin.post("/admin/users", form("csrf", token, "username", "eve", "role", "analyst",
                        "password", "long enough pw")).statusCode()).isEqualTo(303);
                assertThat(t.users.find("eve")).get().extracting(User::role).isEqualTo(Role.ANALYST);
                assertThat(admin.post("/admin/users/eve/remove", form("csrf", token)).statusCode()).isEqualTo(303);
                assertThat(t.users.find("eve")).isEmpty();
                assertThat(admin.post("/admin/users/admin1/remove", form("csrf", token)).statusCode()).isEqualTo(400);
            });
        }
    }
}
