package org.cskpi.ingest.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cskpi.cli.UserError;
import org.cskpi.ingest.canonical.Messages;
import org.cskpi.ingest.canonical.Tickets;
import org.cskpi.ingest.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedSpark.class)
class WarehouseTablesTest {

    private static final StructType COUNTS = new StructType().add("week", DataTypes.StringType, false);

    @Test
    void tables_never_written_are_empty_with_their_columns(SparkSession spark, @TempDir Path dir) {
        WarehouseTables tables = new WarehouseTables(spark, Warehouse.at(spark, dir.toString()));
        assertThat(tables.tickets().count()).isZero();
        assertThat(tables.tickets().schema()).isEqualTo(Tickets.SCHEMA);
        assertThat(tables.messages().schema()).isEqualTo(Messages.SCHEMA);
        assertThat(tables.orEmpty(WarehouseTables.KPI_WEEKLY, COUNTS).schema()).isEqualTo(COUNTS);
    }

    @Test
    void a_written_table_is_its_current_version(SparkSession spark, @TempDir Path dir) {
        Warehouse warehouse = Warehouse.at(spark, dir.toString());
        warehouse.replace(WarehouseTables.KPI_WEEKLY, spark.createDataFrame(List.of(RowFactory.create("2026-W43")), COUNTS));
        assertThat(new WarehouseTables(spark, warehouse).orEmpty(WarehouseTables.KPI_WEEKLY, COUNTS).collectAsList())
                .containsExactly(RowFactory.create("2026-W43"));
    }

    @Test
    void ingested_tickets_fail_naming_the_warehouse_before_the_first_ingest(SparkSession spark, @TempDir Path dir) {
        WarehouseTables tables = new WarehouseTables(spark, Warehouse.at(spark, dir.toString()));
        assertThatThrownBy(tables::ingestedTickets).isInstanceOf(UserError.class)
                .hasMessage(dir + ": no tickets table; run ./cskpi ingest first");
    }
}
