package org.cskpi.analytics.nps;

import static org.cskpi.store.jooq.Tables.SURVEY_INVITATIONS;
import static org.cskpi.store.jooq.Tables.SURVEY_RESPONSES;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jooq.DSLContext;

/**
 * Reads the survey tables from the H2 store on the driver (they stay small at any ticket
 * volume: one answer per invitation) and hands them to Spark. {@code source} on an answer is
 * its invitation's help-desk source, null for imported answers.
 */
public final class SurveyData {

    public static final StructType RESPONSES = new StructType(new StructField[] {
        DataTypes.createStructField("response_id", DataTypes.LongType, false),
        DataTypes.createStructField("invitation_id", DataTypes.LongType, true),
        DataTypes.createStructField("source", DataTypes.StringType, true),
        DataTypes.createStructField("ticket_id", DataTypes.StringType, true),
        DataTypes.createStructField("customer_id", DataTypes.StringType, true),
        DataTypes.createStructField("score", DataTypes.IntegerType, false),
        DataTypes.createStructField("comment", DataTypes.StringType, true),
        DataTypes.createStructField("locale", DataTypes.StringType, true),
        DataTypes.createStructField("answered_at", DataTypes.TimestampType, false),
        DataTypes.createStructField("origin", DataTypes.StringType, false),
    });

    public static final StructType INVITATIONS = new StructType(new StructField[] {
        DataTypes.createStructField("invitation_id", DataTypes.LongType, false),
        DataTypes.createStructField("source", DataTypes.StringType, false),
        DataTypes.createStructField("ticket_id", DataTypes.StringType, false),
        DataTypes.createStructField("locale", DataTypes.StringType, true),
        DataTypes.createStructField("sent_at", DataTypes.TimestampType, false),
        DataTypes.createStructField("is_answered", DataTypes.BooleanType, false),
    });

    private SurveyData() {
    }

    public static Dataset<Row> responses(SparkSession spark, DSLContext dsl) {
        List<Row> rows = new ArrayList<>();
        dsl.select(SURVEY_RESPONSES.ID, SURVEY_RESPONSES.INVITATION_ID, SURVEY_INVITATIONS.SOURCE,
                        SURVEY_RESPONSES.TICKET_ID, SURVEY_RESPONSES.CUSTOMER_ID, SURVEY_RESPONSES.SCORE,
                        SURVEY_RESPONSES.COMMENT, SURVEY_RESPONSES.LOCALE, SURVEY_RESPONSES.ANSWERED_AT,
                        SURVEY_RESPONSES.ORIGIN)
                .from(SURVEY_RESPONSES)
                .leftJoin(SURVEY_INVITATIONS).on(SURVEY_INVITATIONS.ID.eq(SURVEY_RESPONSES.INVITATION_ID))
                .fetch()
                .forEach(r -> rows.add(RowFactory.create(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), timestamp(r.value9()), r.value10())));
        return spark.createDataFrame(rows, RESPONSES);
    }

    public static Dataset<Row> invitations(SparkSession spark, DSLContext dsl) {
        List<Row> rows = new ArrayList<>();
        var answered = dsl.selectOne().from(SURVEY_RESPONSES).where(SURVEY_RESPONSES.INVITATION_ID.eq(SURVEY_INVITATIONS.ID));
        dsl.select(SURVEY_INVITATIONS.ID, SURVEY_INVITATIONS.SOURCE, SURVEY_INVITATIONS.TICKET_ID,
                        SURVEY_INVITATIONS.LOCALE, SURVEY_INVITATIONS.CREATED_AT, field(exists(answered)))
                .from(SURVEY_INVITATIONS)
                .fetch()
                .forEach(r -> rows.add(RowFactory.create(r.value1(), r.value2(), r.value3(), r.value4(),
                        timestamp(r.value5()), r.value6())));
        return spark.createDataFrame(rows, INVITATIONS);
    }

    private static Timestamp timestamp(OffsetDateTime at) {
        return at == null ? null : Timestamp.from(at.toInstant());
    }
}
