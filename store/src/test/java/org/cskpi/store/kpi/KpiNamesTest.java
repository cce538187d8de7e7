package org.cskpi.store.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cskpi.store.Store;
import org.junit.jupiter.api.Test;

/** The enums say the same as the store's schema and as docs/kpis.md#names-in-the-kpi-store. */
class KpiNamesTest {

    private static final Path KPIS_DOC = Path.of("..", "docs", "kpis.md");
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void breakdowns_are_the_values_the_store_check_constraint_allows() {
        String clause;
        try (Store store = Store.openMigrated("jdbc:h2:mem:" + UUID.randomUUID())) {
            clause = store.dsl().fetchValue(
                    "select check_clause from information_schema.check_constraints where constraint_name = ?",
                    "KPI_WEEKLY_BREAKDOWN_KNOWN").toString();
        }
        List<String> allowed = new ArrayList<>();
        Matcher m = QUOTED.matcher(clause);
        while (m.find()) {
            allowed.add(m.group(1));
        }
        assertThat(Arrays.stream(Breakdown.values()).map(Breakdown::storedName)).containsExactlyElementsOf(allowed);
    }

    @Test
    void every_kpi_is_in_the_docs_table_of_names_and_nothing_else_is() throws IOException {
        assertThat(documentedKpis()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Kpi.values()).map(Kpi::storedName).toList());
    }

    @Test
    void stored_names_lead_back_to_their_constant() {
        for (Kpi kpi : Kpi.values()) {
            assertThat(Kpi.fromStoredName(kpi.storedName())).contains(kpi);
        }
        for (Breakdown breakdown : Breakdown.values()) {
            assertThat(Breakdown.fromStoredName(breakdown.storedName())).contains(breakdown);
        }
        assertThat(Kpi.fromStoredName("FRT_MEDIAN_S")).isEmpty();
        assertThat(Breakdown.fromStoredName("agent_id")).isEmpty();
    }

    /** The names in the first column of the table headed {@code | `kpi` | section | sample size |}. */
    private static List<String> documentedKpis() throws IOException {
        List<String> names = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(KPIS_DOC)) {
            if (line.startsWith("| `kpi` | section |")) {
                inTable = true;
            } else if (inTable && !line.startsWith("|")) {
                break;
            } else if (inTable && !line.startsWith("|---")) {
                Matcher m = CODE.matcher(line.split("\\|")[1]);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        assertThat(names).as("the kpi table of %s", KPIS_DOC).isNotEmpty();
        return names;
    }
}
