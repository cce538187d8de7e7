import static org.cskpi.store.jooq.Tables.SURVEY_INVITATIONS;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.cskpi.invitation.SurveyToken;
import org.cskpi.store.Store;

/**
 * Bench setup, not part of the product: stores N invitations in one transaction (the same
 * token scheme as Invitations: random token, SHA-256 stored) and writes their tokens, one a
 * line. Usage: SeedInvitations STORE_URL N TOKENS_FILE
 */
public final class SeedInvitations {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Store store = Store.openMigrated(args[0]);
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.US_ASCII))) {
            store.dsl().transaction(tx -> {
                var batch = tx.dsl().batch(tx.dsl().insertInto(SURVEY_INVITATIONS,
                        SURVEY_INVITATIONS.TOKEN_HASH, SURVEY_INVITATIONS.SOURCE, SURVEY_INVITATIONS.TICKET_ID,
                        SURVEY_INVITATIONS.LOCALE, SURVEY_INVITATIONS.CREATED_AT, SURVEY_INVITATIONS.EXPIRES_AT)
                        .values((String) null, null, null, null, null, null));
                for (int i = 0; i < n; i++) {
                    String token = SurveyToken.generate();
                    out.println(token);
                    batch.bind(SurveyToken.hash(token), "bench", "b" + i, "en", now, now.plusDays(30));
                }
                batch.execute();
            });
        }
    }
}
