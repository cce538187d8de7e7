package org.cskpi.batch.sqlserver;

import static scala.jdk.javaapi.CollectionConverters.asJava;

import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.UserDefinedExpression;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.command.ExplainCommand;
import org.apache.spark.sql.execution.command.SetCommand;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import scala.Option;
import scala.Tuple2;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * The SQL service's read-only rule (docs/sql-server.md#security-model), run by the analyser on
 * every analysed plan before anything of it executes: a plan passes only if it is a query over
 * the served views, literal rows and {@code range}. It refuses
 * <ul>
 *   <li>every command (writes, DDL, {@code CACHE}, {@code ADD JAR/FILE}, {@code CREATE FUNCTION},
 *       variables, {@code USE}, ...), except {@code EXPLAIN} and {@code SET} of {@link #SETTABLE};
 *   <li>any read of a file or data source that is not a served view ({@code read_files},
 *       {@code csv.`/path`}, JDBC, tables of a catalog);
 *   <li>the reflection functions ({@code reflect}, {@code java_method}, {@code try_reflect}) and
 *       user-defined functions of any language.
 * </ul>
 * Refusing after analysis (not by looking at the SQL text) means every way of writing the same
 * thing is caught: a CTE, a subquery, a view's alias, a DataFrame built by a Connect client.
 */
final class ReadOnlyCheck extends AbstractFunction1<LogicalPlan, BoxedUnit> {

    /** The settings an analyst may change for their own session; anything else is refused. */
    static final Set<String> SETTABLE = Set.of(
            "spark.sql.session.timezone", "spark.sql.ansi.enabled", "spark.sql.shuffle.partitions");

    private static final Set<String> REFLECTION = Set.of("CallMethodViaReflection", "TryReflect");
    private static final Set<String> DATA_SOURCES = Set.of("DataSourceV2Relation", "DataSourceV2ScanRelation",
            "StreamingRelation", "StreamingRelationV2", "HiveTableRelation", "LogicalRDD", "ExternalRDD");

    private final ServedViews views;

    ReadOnlyCheck(ServedViews views) {
        this.views = views;
    }

    @Override
    public BoxedUnit apply(LogicalPlan plan) {
        if (views.isBuilding()) {
            return BoxedUnit.UNIT;
        }
        if (plan instanceof ExplainCommand) {
            // EXPLAIN only plans its statement; the statement itself is analysed, and so
            // checked, before Spark explains it.
            return BoxedUnit.UNIT;
        }
        try {
            check(plan);
        } catch (AnalysisException e) {
            throw ReadOnlyCheck.<RuntimeException>unchecked(e);
        }
        return BoxedUnit.UNIT;
    }

    private void check(LogicalPlan node) throws AnalysisException {
        checkNode(node);
        for (Expression expression : asJava(node.expressions())) {
            checkExpression(expression);
        }
        for (LogicalPlan subquery : asJava(node.subqueries())) {
            check(subquery);
        }
        for (LogicalPlan child : asJava(node.children())) {
            check(child);
        }
    }

    private void checkNode(LogicalPlan node) throws AnalysisException {
        if (node instanceof SetCommand set) {
            checkSet(set);
        } else if (node instanceof Command) {
            throw refused("only queries run on this service; " + node.nodeName() + " is not one");
        } else if (node instanceof LogicalRelation relation && !views.isServed(relation.relation())) {
            throw refused("only the served views can be read; reading files or other sources is not allowed");
        } else if (DATA_SOURCES.contains(node.getClass().getSimpleName())) {
            throw refused("only the served views can be read; " + node.nodeName() + " is not one of them");
        }
    }

    private static void checkSet(SetCommand set) throws AnalysisException {
        Option<Tuple2<String, Option<String>>> kv = set.kv();
        if (kv.isEmpty()) {
            throw refused("SET without a key is not allowed; settable here: " + String.join(", ", SETTABLE));
        }
        String key = kv.get()._1().trim().toLowerCase(Locale.ROOT);
        if (!SETTABLE.contains(key)) {
            throw refused("SET " + kv.get()._1().trim() + " is not allowed; settable here: " + String.join(", ", SETTABLE));
        }
    }

    private static void checkExpression(Expression expression) throws AnalysisException {
        String name = expression.getClass().getSimpleName();
        if (REFLECTION.contains(name)) {
            throw refused("the reflection functions (reflect, java_method, try_reflect) are not allowed");
        }
        if (expression instanceof UserDefinedExpression) {
            throw refused("user-defined functions are not allowed; use Spark SQL's built-in functions");
        }
        for (Expression child : asJava(expression.children())) {
            checkExpression(child);
        }
    }

    /** Spark's AnalysisException is checked in Java's eyes; the analyser expects it thrown as is. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T unchecked(Throwable e) throws T {
        throw (T) e;
    }

    static AnalysisException refused(String why) {
        scala.collection.immutable.Map<String, String> parameters =
                scala.collection.immutable.Map$.MODULE$.<String, String>empty().updated("message", "Refused: " + why + ".");
        return new AnalysisException("_LEGACY_ERROR_TEMP_3100", parameters);
    }
}
