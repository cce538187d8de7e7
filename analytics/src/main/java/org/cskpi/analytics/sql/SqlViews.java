package org.cskpi.analytics.sql;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.cskpi.analytics.nps.SurveyData;
import org.cskpi.analytics.tidy.Tidy;
import org.cskpi.ingest.warehouse.Warehouse;
import org.cskpi.ingest.warehouse.WarehouseTables;
import org.cskpi.store.RunVersions;
import org.jooq.DSLContext;

/**
 * The temp views analysts query with {@code cskpi sql} (docs/kpis.md#tables-for-analysts): the
 * warehouse's tickets, messages, kpi_weekly, busiest_hours and top_complaints (the Parquet
 * versions the store says are current, so the same run as the store's KPI tables; an empty
 * view with the right columns when a table was never written) and survey_responses from the store.
 */
public final class SqlViews {

    static final StructType BUSIEST_HOURS = new StructType(new StructField[] {
        DataTypes.createStructField("week", DataTypes.StringType, false),
        DataTypes.createStructField("weekday", DataTypes.IntegerType, false),
        DataTypes.createStructField("hour", DataTypes.IntegerType, false),
        DataTypes.createStructField("tickets", DataTypes.LongType, false),
    });

    static final StructType TOP_COMPLAINTS = new StructType(new StructField[] {
        DataTypes.createStructField("week", DataTypes.StringType, false),
        DataTypes.createStructField("category", DataTypes.StringType, false),
        DataTypes.createStructField("tickets", DataTypes.LongType, false),
        DataTypes.createStructField("share", DataTypes.DoubleType, false),
        DataTypes.createStructField("change_vs_previous", DataTypes.DoubleType, true),
        DataTypes.createStructField("repeat_contact_rate", DataTypes.DoubleType, true),
    });

    private SqlViews() {
    }

    public static void register(SparkSession spark, String warehouseRoot, DSLContext store) {
        datasets(spark, warehouseRoot, store).forEach((name, rows) -> rows.createOrReplaceTempView(name));
    }

    /**
     * The views by name, in the order above, as of now: the versions the store says are current
     * and the survey answers it holds. The SQL service serves these same Datasets.
     */
    public static Map<String, Dataset<Row>> datasets(SparkSession spark, String warehouseRoot, DSLContext store) {
        WarehouseTables tables = new WarehouseTables(spark, Warehouse.at(spark, warehouseRoot, new RunVersions(store)));
        Map<String, Dataset<Row>> views = new LinkedHashMap<>();
        views.put(WarehouseTables.TICKETS, tables.tickets());
        views.put(WarehouseTables.MESSAGES, tables.messages());
        views.put(WarehouseTables.KPI_WEEKLY, tables.orEmpty(WarehouseTables.KPI_WEEKLY, Tidy.SCHEMA));
        views.put(WarehouseTables.BUSIEST_HOURS, tables.orEmpty(WarehouseTables.BUSIEST_HOURS, BUSIEST_HOURS));
        views.put(WarehouseTables.TOP_COMPLAINTS, tables.orEmpty(WarehouseTables.TOP_COMPLAINTS, TOP_COMPLAINTS));
        views.put("survey_responses", SurveyData.responses(spark, store));
        return views;
    }
}
