package org.cskpi.batch.sqlserver;

import org.apache.spark.sql.SparkSessionExtensions;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * The session extension of the SQL service: the served views' resolution rule and the
 * read-only check. Given to the builder as an instance ({@code withExtensions}), so every
 * Spark Connect session, cloned from the service's session, carries both.
 */
final class ReadOnlyExtension extends AbstractFunction1<SparkSessionExtensions, BoxedUnit> {

    private final ServedViews views;

    ReadOnlyExtension(ServedViews views) {
        this.views = views;
    }

    @Override
    public BoxedUnit apply(SparkSessionExtensions extensions) {
        extensions.injectResolutionRule(session -> new ResolveServedViews(views));
        extensions.injectCheckRule(session -> new ReadOnlyCheck(views));
        return BoxedUnit.UNIT;
    }
}
