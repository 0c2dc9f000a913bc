package dev.ferry.core.operation.translate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jooq.AggregateFunction;
import org.jooq.DSLContext;
import org.jooq.GroupField;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.TableField;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.QOM;

/**
 * The columns a grouped query selects outside an aggregate without grouping by them: MariaDB and SQLite return any one
 * row's value for such a column, where PostgreSQL, H2, HSQLDB and DuckDB refuse the query (Sakila's
 * {@code sales_by_store} groups by the store alone and selects its city).
 */
final class UngroupedColumns {
    private static final DSLContext WRITER = DSL.using(SQLDialect.DEFAULT,
            new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER));

    private UngroupedColumns() {
    }

    /** The first such column of {@code query}'s outermost SELECT, as jOOQ writes it, or null where it has none. */
    static String first(QueryPart query) {
        if (!(query instanceof Select<?> select) || select.$groupBy().isEmpty()) {
            return null;
        }
        Set<String> grouped = new HashSet<>();
        for (GroupField field : select.$groupBy()) {
            grouped.add(WRITER.render(field));
        }
        for (SelectFieldOrAsterisk field : select.$select()) {
            for (String column : columnsOutsideAggregates(field)) {
                if (!grouped.contains(column)) {
                    return column;
                }
            }
        }
        return null;
    }

    private static List<String> columnsOutsideAggregates(QueryPart field) {
        List<String> columns = new ArrayList<>();
        int[] within = {0};
        DSL.using(new DefaultConfiguration().set(SQLDialect.DEFAULT).set(new VisitListener() {
            @Override
            public void visitStart(VisitContext context) {
                if (isAggregateOrSubquery(context.queryPart())) {
                    within[0]++;
                } else if (within[0] == 0 && context.queryPart() instanceof TableField<?, ?> column) {
                    columns.add(WRITER.render(column));
                }
            }

            @Override
            public void visitEnd(VisitContext context) {
                if (isAggregateOrSubquery(context.queryPart())) {
                    within[0]--;
                }
            }
        })).render(field instanceof QOM.FieldAlias<?> alias ? alias.$field() : field);
        return columns;
    }

    private static boolean isAggregateOrSubquery(QueryPart part) {
        return part instanceof AggregateFunction<?> || part instanceof Select<?>;
    }
}
