package org.cskpi.batch.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.cskpi.ingest.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class CaseMappingWarmUpTest {

    final SparkSession spark = SharedSpark.session();

    @Test
    void the_class_it_warms_is_the_one_this_spark_has() {
        // A Spark upgrade that renames the class would make the warm-up a silent no-op.
        assertThat(CaseMappingWarmUp.load()).isTrue();
    }

    @Test
    void with_the_jvms_case_mappings_it_starts_nothing_and_otherwise_it_starts_once_a_jvm() throws Exception {
        RuntimeConfig conf = spark.conf();
        conf.set("spark.sql.icu.caseMappings.enabled", "false");
        try {
            assertThat(CaseMappingWarmUp.startFor(spark).get(1, TimeUnit.SECONDS)).isFalse();
        } finally {
            conf.unset("spark.sql.icu.caseMappings.enabled");
        }

        CaseMappingWarmUp.startFor(spark).get(60, TimeUnit.SECONDS);

        assertThat(CaseMappingWarmUp.startFor(spark).get(1, TimeUnit.SECONDS)).isFalse();
    }
}
