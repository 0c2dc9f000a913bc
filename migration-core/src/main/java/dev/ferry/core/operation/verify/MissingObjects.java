package dev.ferry.core.operation.verify;

import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.model.schema.View;
import dev.ferry.core.operation.verify.VerifiedObject.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The schema objects an export creates that a database lacks: primary keys, unique keys, indexes, foreign keys and
 * views of the export's tables that exist in the database. Each is matched by what it is rather than by its name,
 * which engines choose for themselves: a key or an index by its table and columns in order (a unique index by a
 * unique key and the reverse, as engines make one of the other; by its name where the engine gives an index's
 * definition alone), a foreign key by its table and columns and those it
 * references, a view by its name. Names compare regardless of case, and a name without a schema matches one with.
 */
final class MissingObjects {
    private final DatabaseSchema expected;
    private final DatabaseSchema found;

    MissingObjects(DatabaseSchema expected, DatabaseSchema found) {
        this.expected = expected;
        this.found = found;
    }

    /** One {@code missing} entry for each object lacking, keys and indexes first, in the export's order. */
    List<VerifiedObject> missing() {
        List<VerifiedObject> missing = new ArrayList<>();
        for (Table table : expected.tables()) {
            Table there = table(table.name());
            if (there == null) {
                continue; // a missing table is reported with its rows
            }
            if (table.primaryKey() != null && !table.primaryKey().columns().isEmpty()
                    && (there.primaryKey() == null
                    || !sameColumns(table.primaryKey().columns(), there.primaryKey().columns()))) {
                missing.add(missing("primary key (" + String.join(", ", table.primaryKey().columns()) + ") of "
                        + table.name()));
            }
            for (KeyConstraint unique : table.uniqueKeys()) {
                if (!hasUnique(table.name(), unique.columns())) {
                    missing.add(missing("unique key " + named(unique.name()) + "(" + String.join(", ",
                            unique.columns()) + ") on " + table.name()));
                }
            }
        }
        for (Index index : expected.indexes()) {
            if (table(index.table()) != null && !hasIndex(index)) {
                missing.add(missing("index " + index.name() + " on " + index.table()));
            }
        }
        for (ForeignKey key : expected.foreignKeys()) {
            if (table(key.table()) != null && found.foreignKeys().stream().noneMatch(k -> sameKey(key, k))) {
                missing.add(missing("foreign key " + named(key.name()) + "(" + String.join(", ", key.columns())
                        + ") on " + key.table() + " referencing " + key.referencedTable()));
            }
        }
        for (View view : expected.views()) {
            if (found.views().stream().noneMatch(v -> sameName(view.name(), v.name()))) {
                missing.add(missing((view.materialized() ? "materialized view " : "view ") + view.name()));
            }
        }
        return missing;
    }

    private static VerifiedObject missing(String name) {
        return new VerifiedObject(name, Status.MISSING, null, null, "not in the database");
    }

    private static String named(String name) {
        return name == null ? "" : name + " ";
    }

    private Table table(QualifiedName name) {
        return found.tables().stream().filter(t -> sameName(name, t.name())).findFirst().orElse(null);
    }

    private boolean hasUnique(QualifiedName table, List<String> columns) {
        Table there = table(table);
        if (there.primaryKey() != null && sameColumns(columns, there.primaryKey().columns())) {
            return true;
        }
        return there.uniqueKeys().stream().anyMatch(k -> sameColumns(columns, k.columns()))
                || found.indexes().stream().anyMatch(i -> i.unique() && sameName(table, i.table())
                && sameColumns(columns, names(i)));
    }

    /**
     * Whether the database has {@code index}: one on its table with its columns (unique where it is), or, where the
     * columns of either are not known (PostgreSQL gives an index as its definition alone), one of its name; or a key
     * with its columns.
     */
    private boolean hasIndex(Index index) {
        List<String> columns = names(index);
        if (found.indexes().stream().anyMatch(i -> sameName(index.table(), i.table())
                && (index.columns().isEmpty() || i.columns().isEmpty() ? i.name().equalsIgnoreCase(index.name())
                : (i.unique() || !index.unique()) && sameColumns(columns, names(i))))) {
            return true;
        }
        Table there = table(index.table());
        return !columns.isEmpty() && ((there.primaryKey() != null && sameColumns(columns, there.primaryKey().columns()))
                || there.uniqueKeys().stream().anyMatch(k -> sameColumns(columns, k.columns())));
    }

    private static List<String> names(Index index) {
        return index.columns().stream().map(Index.IndexColumn::name).toList();
    }

    private static boolean sameKey(ForeignKey a, ForeignKey b) {
        return sameName(a.table(), b.table()) && sameName(a.referencedTable(), b.referencedTable())
                && sameColumns(a.columns(), b.columns()) && sameColumns(a.referencedColumns(), b.referencedColumns());
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean sameName(QualifiedName a, QualifiedName b) {
        return a.name().toLowerCase(Locale.ROOT).equals(b.name().toLowerCase(Locale.ROOT))
                && (a.schema() == null || b.schema() == null || a.schema().equalsIgnoreCase(b.schema()));
    }
}
