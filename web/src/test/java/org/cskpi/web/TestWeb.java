package org.cskpi.web;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.cskpi.config.CskpiConfig;
import org.cskpi.store.Store;
import org.cskpi.store.StoreSettings;

/** A fresh in-memory store and a config for web tests. */
public final class TestWeb {

    public static final String API_KEY = "test-api-key-0123456789";

    private TestWeb() {
    }

    public static Store store() {
        return Store.openMigrated(StoreSettings.inMemory(UUID.randomUUID().toString()));
    }

    /** Defaults, with brand "Acme", an API key, and the given survey rate limit. */
    public static CskpiConfig config(int rateLimitPerMinute) {
        CskpiConfig defaults = CskpiConfig.defaults(Path.of("target", "test-data"));
        CskpiConfig.Survey s = defaults.survey();
        CskpiConfig.Survey survey = new CskpiConfig.Survey("Acme", s.secret(), "https://survey.example", s.invitationTtlDays(),
                s.fatigueDays(), s.commentEditHours(), rateLimitPerMinute, s.send(), s.contactRetentionDays(),
                s.sendRatePerMinute());
        CskpiConfig.Web w = defaults.web();
        CskpiConfig.Web web = new CskpiConfig.Web(w.port(), Optional.of(API_KEY), w.queryTimeoutSeconds(), w.queryMaxRows(),
                w.loginAttemptsPerMinute(), w.secureCookies());
        return with(defaults, survey, web);
    }

    /** {@code config} with {@code survey.comment_edit_hours} set. */
    public static CskpiConfig withCommentEditHours(CskpiConfig config, int hours) {
        CskpiConfig.Survey s = config.survey();
        return with(config, new CskpiConfig.Survey(s.brand(), s.secret(), s.baseUrl(), s.invitationTtlDays(), s.fatigueDays(),
                hours, s.rateLimitPerMinute(), s.send(), s.contactRetentionDays(), s.sendRatePerMinute()), config.web());
    }

    /** {@code config} with {@code web.secure_cookies} and {@code web.trust_forwarded_for} set. */
    public static CskpiConfig withWeb(CskpiConfig config, boolean secureCookies, boolean trustForwardedFor) {
        CskpiConfig.Web w = config.web();
        return with(config, config.survey(), new CskpiConfig.Web(w.port(), w.apiKey(), w.queryTimeoutSeconds(),
                w.queryMaxRows(), w.loginAttemptsPerMinute(), secureCookies, trustForwardedFor));
    }

    private static CskpiConfig with(CskpiConfig c, CskpiConfig.Survey survey, CskpiConfig.Web web) {
        return new CskpiConfig(c.dataDir(), c.business(), c.frtTargetSeconds(), c.repeatContactWindowDays(),
                c.warehouse(), c.storeUrl(), c.storePassword(), c.ingest(), c.spark(), survey, web, c.report(), c.weekly(),
                c.mail(), c.sqlServer());
    }
}
