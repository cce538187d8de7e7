package org.cskpi.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.cskpi.cli.Subcommands.Listed;
import org.cskpi.cli.Subcommands.Side;
import org.junit.jupiter.api.Test;

/** The list of commands itself; that each listed command runs as listed is LauncherIT's part (e2e). */
class SubcommandsTest {

    @Test
    void every_command_has_a_side_what_runs_it_and_a_one_line_summary() {
        for (Listed listed : Subcommands.all()) {
            assertThat(listed.words()).as(listed.name()).hasSizeBetween(1, 2);
            assertThat(listed.sides()).as(listed.name()).isNotEmpty();
            assertThat(listed.runs()).as(listed.name()).isNotEmpty().allSatisfy(runs -> assertThat(runs).isNotBlank());
            assertThat(listed.summary()).as(listed.name()).isNotBlank().doesNotEndWith(".");
        }
    }

    @Test
    void a_command_is_listed_once() {
        List<String> commands = Subcommands.all().stream().map(Listed::command).toList();

        assertThat(commands).doesNotHaveDuplicates();
    }

    @Test
    void scripts_are_executables_of_the_project_and_run_on_no_jvm_side() {
        List<Listed> scripts = Subcommands.on(Side.SCRIPT);

        assertThat(scripts).isNotEmpty();
        for (Listed script : scripts) {
            assertThat(script.sides()).containsExactly(Side.SCRIPT);
            assertThat(Path.of("..").resolve(script.runsOn(Side.SCRIPT))).isExecutable();
        }
    }

    @Test
    void a_two_word_name_registers_its_first_word() {
        Listed listed = Subcommands.parse("db migrate\tbatch,web\torg.cskpi.store.cli.DbCommand\tCreate the store");

        assertThat(listed.command()).isEqualTo("db");
        assertThat(listed.sides()).containsExactly(Side.BATCH, Side.WEB);
        assertThat(Subcommands.on(Side.WEB)).extracting(Listed::name).contains("db migrate");
    }

    @Test
    void a_command_may_name_what_runs_it_on_each_side_in_the_sides_order() {
        Listed listed = Subcommands.parse("sql\tweb,batch\torg.example.ServiceSql, org.example.LocalSql\tRun SQL");

        assertThat(listed.runsOn(Side.WEB)).isEqualTo("org.example.ServiceSql");
        assertThat(listed.runsOn(Side.BATCH)).isEqualTo("org.example.LocalSql");
        assertThat(Subcommands.parse("db migrate\tbatch,web\torg.example.Db\tCreate").runsOn(Side.WEB))
                .isEqualTo("org.example.Db");
    }

    @Test
    void as_many_classes_as_sides_or_one() {
        assertThatThrownBy(() -> Subcommands.parse("sql\tweb,batch\ta.A,b.B,c.C\tRun SQL"))
                .hasMessage("commands.tsv: 'sql' lists 2 sides and 3 classes; give one class, or one per side");
    }

    @Test
    void a_line_without_its_four_fields_is_refused_naming_the_file() {
        assertThatThrownBy(() -> Subcommands.parse("ingest\tbatch\tIngest things"))
                .hasMessageStartingWith("commands.tsv: expected name, side, runs and summary separated by tabs");
    }
}
