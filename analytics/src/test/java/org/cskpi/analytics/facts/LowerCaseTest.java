package org.cskpi.analytics.facts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.cskpi.ingest.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class LowerCaseTest {

    final SparkSession spark = SharedSpark.session();

    @Test
    void it_lower_cases_as_sparks_lower_does_with_icu() {
        List<String> texts = new ArrayList<>(Arrays.asList(
                "Returns", "DELIVERY Late", "", "  Padded  ", "already lower", "MiXeD-Case_123",
                "Größe", "STRASSE", "ẞ", // German: capital sharp s lower-cases to ß
                "İSTANBUL", "ISPARTA", // Turkish dotted capital I: i + combining dot outside tr
                "ΟΔΟΣ", "ΣΑΣ Σ", // Greek: final sigma at a word's end, not elsewhere
                "ÅPNINGSTIDER Æ Ø", "ДОСТАВКА", "ᏣᎳᎩ", // Norwegian, Russian, Cherokee
                "Ǆ ǅ ǆ", "\uD801\uDC00", // Latin digraph, a Deseret capital outside the BMP
                "Mail 📦 RETURN", "\t TAB", "\u00C5\u0301"));
        texts.add(null);
        Dataset<Row> rows = spark.createDataset(texts, Encoders.STRING()).toDF("text");

        List<Row> both = rows.select(col("text"), lower(col("text")).as("spark"), LowerCase.of(col("text")).as("ours"))
                .collectAsList();

        assertThat(both).hasSize(texts.size());
        for (Row row : both) {
            assertThat((String) row.getAs("ours")).as("lower(%s)", (Object) row.getAs("text"))
                    .isEqualTo(row.getAs("spark"));
        }
        assertThat(LowerCase.lower("DELIVERY Late")).isEqualTo("delivery late");
        assertThat(LowerCase.lower("ΟΔΟΣ")).isEqualTo("οδος");
        assertThat(LowerCase.lower(null)).isNull();
    }
}
