package org.cskpi.batch.sqlserver;

import org.apache.spark.sql.catalyst.AliasIdentifier;
import org.apache.spark.sql.catalyst.analysis.UnresolvedRelation;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.SubqueryAlias;
import org.apache.spark.sql.catalyst.rules.Rule;
import scala.runtime.AbstractPartialFunction;

/**
 * Resolves a one-part table name that is one of the served views ({@code tickets},
 * {@code kpi_weekly}, ...) to that view's plan in the current snapshot, as a temp view would
 * resolve in {@code cskpi sql}. The analyser runs this rule in its resolution batch; a name it
 * does not serve stays unresolved and fails as Spark's own "table not found".
 */
final class ResolveServedViews extends Rule<LogicalPlan> {

    private final ServedViews views;

    ResolveServedViews(ServedViews views) {
        this.views = views;
    }

    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return plan.transformUp(new AbstractPartialFunction<LogicalPlan, LogicalPlan>() {
            @Override
            public boolean isDefinedAt(LogicalPlan node) {
                return servedName(node) != null;
            }

            @Override
            public LogicalPlan apply(LogicalPlan node) {
                String name = servedName(node);
                if (name == null) {
                    return node;
                }
                return views.plan(name)
                        .<LogicalPlan>map(view -> new SubqueryAlias(new AliasIdentifier(name), view))
                        .orElse(node);
            }
        });
    }

    /** The name of {@code node} if it is an unresolved, non-streaming one-part name that is served. */
    private String servedName(LogicalPlan node) {
        if (node instanceof UnresolvedRelation relation && !relation.isStreaming()
                && relation.multipartIdentifier().size() == 1) {
            String name = relation.multipartIdentifier().head();
            return views.plan(name).isPresent() ? name : null;
        }
        return null;
    }
}
