package org.cskpi.analytics.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.SparkSession;
import org.cskpi.ingest.spark.SharedSpark;
import org.cskpi.ingest.warehouse.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A test-scope tool, skipped unless asked for: writes generated tickets as the warehouse's
 * {@code tickets} table, for load tests of {@code ./cskpi analyze}.
 * <pre>
 * mvn -B -o -pl analytics -am test -Dtest=GenerateWarehouseTool -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dcskpi.generate.warehouse=/tmp/bench/warehouse -Dcskpi.generate.tickets=1000000
 * </pre>
 */
class GenerateWarehouseTool {

    @Test
    @EnabledIfSystemProperty(named = "cskpi.generate.warehouse", matches = ".+")
    void writes_generated_tickets_to_the_warehouse() {
        SparkSession spark = SharedSpark.session();
        long count = Long.getLong("cskpi.generate.tickets", 1_000_000L);
        int partitions = (int) Math.max(1, count / 500_000);
        Warehouse warehouse = Warehouse.at(spark, System.getProperty("cskpi.generate.warehouse"));
        warehouse.replace("tickets", GeneratedTickets.generate(spark, count, partitions));
        assertThat(warehouse.table("tickets").orElseThrow().count()).isEqualTo(count);
    }
}
