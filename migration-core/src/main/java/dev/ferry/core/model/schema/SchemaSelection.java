package dev.ferry.core.model.schema;

import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What goes with the tables a {@link TableSelection} leaves out, once the schema of those it takes is read: a foreign
 * key into a table left out (with a warning), a view that is left out or reads a relation left out (the latter with a
 * warning: the import runs into a database without that relation, where creating the view would fail), a sequence
 * owned by a table left out (or left out itself, and named by no default of a table exported), a trigger on a table
 * left out, and what routines were said to need of such tables.
 */
public final class SchemaSelection {
    private final TableSelection selection;
    private final boolean mysql;

    /**
     * @param mysql whether the SQL is read by MySQL's lexical rules (back-quoted names)
     */
    public SchemaSelection(TableSelection selection, boolean mysql) {
        this.selection = selection;
        this.mysql = mysql;
    }

    /** Whether the sequence goes: left out with the table owning it, or by the choice and named by no default. */
    public boolean leavesOut(Sequence sequence, List<Table> tables) {
        if (sequence.ownedBy() != null) {
            QualifiedName owner = ownerTable(sequence.ownedBy());
            return owner != null && selection.leavesOut(owner);
        }
        if (!selection.leavesOut(sequence.name())) {
            return false;
        }
        for (Table table : tables) {
            for (Column column : table.columns()) {
                if (column.defaultExpression() != null && names(column.defaultExpression(), sequence.name(), false)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code schema} without what goes with the relations left out; a warning for each key and view dropped. */
    public DatabaseSchema apply(DatabaseSchema schema) {
        List<String> warnings = new ArrayList<>(schema.warnings());
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (ForeignKey key : schema.foreignKeys()) {
            if (selection.leavesOut(key.referencedTable())) {
                warnings.add("Foreign key " + key.name() + " on " + key.table() + " refers to "
                        + key.referencedTable() + ", which TABLES or EXCLUDE_TABLES leave out; it is not exported");
            } else {
                foreignKeys.add(key);
            }
        }
        List<View> views = new ArrayList<>();
        Set<QualifiedName> gone = new HashSet<>(selection.leftOut());
        for (View view : schema.views()) {
            if (selection.leavesOut(view.name())) {
                continue;
            }
            QualifiedName read = readsOneOf(view, gone);
            if (read != null) {
                gone.add(view.name());
                warnings.add("View " + view.name() + " reads " + read + (selection.leavesOut(read)
                        ? ", which TABLES or EXCLUDE_TABLES leave out" : ", a view not exported") + "; it is not"
                        + " exported (the import would fail creating it)");
            } else {
                views.add(view);
            }
        }
        List<String> triggers = schema.triggers().stream().filter(trigger -> !onLeftOut(trigger)).toList();
        return new DatabaseSchema(schema.schemas(), schema.schemaOptions(), schema.types(), schema.routines(),
                schema.sequences(), schema.tables(), foreignKeys, schema.indexes(), views, triggers,
                schema.comments(), warnings, dependencies(schema.dependencies()), schema.schemaComments());
    }

    private Dependencies dependencies(Dependencies dependencies) {
        return new Dependencies(dependencies.routineRoutines(), withoutLeftOut(dependencies.routineTables()),
                withoutLeftOut(dependencies.calledBy()));
    }

    private Map<String, Set<QualifiedName>> withoutLeftOut(Map<String, Set<QualifiedName>> byRoutine) {
        Map<String, Set<QualifiedName>> kept = new LinkedHashMap<>();
        byRoutine.forEach((routine, tables) -> kept.put(routine,
                Set.copyOf(tables.stream().filter(table -> !selection.leavesOut(table)).toList())));
        return kept;
    }

    /** The first relation of {@code gone} the view reads (by its own query, or as a view it depends on), or null. */
    private QualifiedName readsOneOf(View view, Set<QualifiedName> gone) {
        for (QualifiedName dependency : view.dependsOn()) {
            if (gone.contains(dependency)) {
                return dependency;
            }
        }
        // Those of the view's own schema first, as its unqualified names mean them.
        List<QualifiedName> candidates = gone.stream().sorted(Comparator.comparing((QualifiedName relation) ->
                !Objects.equals(relation.schema(), view.name().schema())).thenComparing(QualifiedName::toString))
                .toList();
        for (QualifiedName relation : candidates) {
            if (names(view.query(), relation, true)) {
                return relation;
            }
        }
        return null;
    }

    /**
     * Whether {@code sql} names {@code relation}: its name as a word (in any case) or a quoted name (exactly), not
     * after a dot that follows another schema's name, in the SQL or in a string literal of it (PostgreSQL's
     * {@code nextval('sales.seq'::regclass)}). A column named as the relation counts too: a view is then left out that
     * did not need to be, never kept where its table is missing.
     *
     * @param unlessExported whether a name without its schema that a relation exported has too is taken for that one
     *                       (PostgreSQL writes a view's {@code orders.id} for {@code sales.orders} on its search path,
     *                       when {@code hr.orders} is left out)
     */
    boolean names(String sql, QualifiedName relation, boolean unlessExported) {
        List<SqlToken> tokens = new ArrayList<>();
        for (SqlToken token : tokens(sql)) {
            tokens.add(token);
            if (token.kind() == SqlToken.Kind.STRING) {
                tokens.addAll(tokens(token.text()));
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (!isName(tokens.get(i), relation.name())) {
                continue;
            }
            boolean qualified = i >= 2 && tokens.get(i - 1).isSymbol(".");
            if (qualified && (relation.schema() == null || isName(tokens.get(i - 2), relation.schema()))) {
                return true;
            }
            SqlToken name = tokens.get(i);
            if (!qualified && !(unlessExported && selection.chosen().stream().anyMatch(exported -> isName(name,
                    exported.name())))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a trigger's (or rule's) CREATE statement is on a table left out. */
    private boolean onLeftOut(String trigger) {
        List<SqlToken> tokens = tokens(trigger);
        boolean rule = tokens.size() > 1 && tokens.get(1).isWord("RULE")
                || tokens.size() > 3 && tokens.get(3).isWord("RULE");
        int depth = 0;
        boolean on = false;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("ON") && !on) {
                on = true;
                if (!rule) {
                    return leftOut(tokens, i + 1);
                }
            } else if (depth == 0 && on && token.isWord("TO")) {
                return leftOut(tokens, i + 1);
            }
        }
        return false;
    }

    /** Whether the name beginning at token {@code i} is that of a relation left out and of none exported. */
    private boolean leftOut(List<SqlToken> tokens, int i) {
        List<String> parts = new ArrayList<>();
        List<Boolean> quoted = new ArrayList<>();
        for (int j = i; j < tokens.size(); j += 2) {
            SqlToken token = tokens.get(j);
            if (token.kind() != SqlToken.Kind.WORD && token.kind() != SqlToken.Kind.QUOTED_IDENTIFIER) {
                break;
            }
            parts.add(token.text());
            quoted.add(token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER);
            if (j + 1 >= tokens.size() || !tokens.get(j + 1).isSymbol(".")) {
                break;
            }
        }
        if (parts.isEmpty()) {
            return false;
        }
        String name = parts.get(parts.size() - 1);
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        boolean exact = quoted.get(quoted.size() - 1);
        return matchesAny(selection.leftOut(), schema, name, exact)
                && !matchesAny(selection.chosen(), schema, name, exact);
    }

    private static boolean matchesAny(Set<QualifiedName> relations, String schema, String name, boolean exact) {
        return relations.stream().anyMatch(relation -> (exact ? relation.name().equals(name)
                : relation.name().equalsIgnoreCase(name))
                && (schema == null || relation.schema() == null || relation.schema().equalsIgnoreCase(schema)));
    }

    /** The table of an OWNED BY column, {@code schema.table.column} as SQL. */
    private QualifiedName ownerTable(String ownedBy) {
        List<String> parts = tokens(ownedBy).stream()
                .filter(t -> t.kind() == SqlToken.Kind.WORD || t.kind() == SqlToken.Kind.QUOTED_IDENTIFIER)
                .map(SqlToken::text).toList();
        if (parts.size() < 2) {
            return null;
        }
        String table = parts.get(parts.size() - 2);
        String schema = parts.size() > 2 ? parts.get(parts.size() - 3) : null;
        for (QualifiedName relation : selection.leftOut()) {
            if (relation.name().equals(table) && (schema == null || schema.equals(relation.schema()))) {
                return relation;
            }
        }
        return null;
    }

    private static boolean isName(SqlToken token, String name) {
        return token.kind() == SqlToken.Kind.WORD && token.text().equalsIgnoreCase(name)
                || token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER && token.text().equals(name);
    }

    private List<SqlToken> tokens(String sql) {
        try {
            return SqlLexer.tokens(sql, mysql);
        } catch (SQLException unreadable) {
            return List.of();
        }
    }
}
