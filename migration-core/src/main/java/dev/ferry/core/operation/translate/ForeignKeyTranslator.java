package dev.ferry.core.operation.translate;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.model.schema.TableOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A schema's foreign keys translated for another engine: named and mapped, each action the target cannot hold left
 * out, and the keys the target cannot create at all (to a partitioned table, closing a cycle where keys are checked
 * while loading) left out; a warning each.
 */
final class ForeignKeyTranslator {
    private final Dialect source;
    private final Dialect target;
    private final NameMapper names;
    private final ConstraintNames constraintNames;
    private final List<String> warnings;
    private final boolean forEnginesOwnImport;

    /**
     * @param warnings            where the warnings go, in order with the translation's others
     * @param forEnginesOwnImport whether the target engine's own IMPORT may run the scripts
     */
    ForeignKeyTranslator(Dialect source, Dialect target, NameMapper names, ConstraintNames constraintNames,
                         List<String> warnings, boolean forEnginesOwnImport) {
        this.source = source;
        this.target = target;
        this.names = names;
        this.constraintNames = constraintNames;
        this.warnings = warnings;
        this.forEnginesOwnImport = forEnginesOwnImport;
    }

    /**
     * The foreign keys, less those that reference a partitioned table, which is an empty table of its own in the
     * target (its rows are in its partitions' tables), so no row could satisfy them; a warning names each.
     */
    List<ForeignKey> referencingUnpartitioned(DatabaseSchema schema) {
        Set<QualifiedName> partitioned = new HashSet<>();
        schema.tables().stream().filter(table -> table.inheritance().partitionBy() != null)
                .forEach(table -> partitioned.add(table.name()));
        List<ForeignKey> kept = new ArrayList<>();
        for (ForeignKey key : schema.foreignKeys()) {
            if (partitioned.contains(key.referencedTable())) {
                warnings.add("Foreign key " + key.name() + " on " + key.table() + " is not carried to " + target.name()
                        + ": it references the partitioned table " + key.referencedTable() + ", whose rows are in the"
                        + " tables of its partitions there");
            } else {
                kept.add(key);
            }
        }
        return kept;
    }

    /** The keys named, their columns and tables mapped, and their actions as the target can hold them. */
    List<ForeignKey> translate(List<ForeignKey> keys, Map<QualifiedName, Table> bySource) {
        List<ForeignKey> translated = new ArrayList<>();
        for (ForeignKey key : keys) {
            QualifiedName table = names.qualified(key.table());
            String name = constraintNames.of(table, key.name());
            List<String> columns = columns(key.columns());
            Table created = bySource.get(key.table());
            String onUpdate = action(key, name, created, columns, "UPDATE", key.onUpdate());
            String onDelete = action(key, name, created, columns, "DELETE", key.onDelete());
            translated.add(new ForeignKey(name, table, columns, names.qualified(key.referencedTable()),
                    columns(key.referencedColumns()), onUpdate, onDelete));
        }
        return translated;
    }

    /**
     * The keys without those in a cycle of tables ({@link TableOrder#cycleKeys}), and those referring to their own
     * table where the target's own IMPORT may run the scripts ({@link SchemaTranslator#forEnginesOwnImport}), each left out with a
     * warning: the target declares its keys in CREATE TABLE, after the tables they refer to, and
     * checks each row's keys as it loads.
     */
    List<ForeignKey> withoutCycles(List<Table> tables, List<ForeignKey> keys) {
        List<ForeignKey> cycle = TableOrder.cycleKeys(tables, keys).stream()
                .filter(key -> forEnginesOwnImport || !key.referencedTable().equals(key.table())).toList();
        for (ForeignKey key : cycle) {
            String described = "Foreign key " + (key.name() == null ? "" : key.name() + " ") + "of table " + key.table()
                    + " (" + String.join(", ", key.columns()) + ") references " + key.referencedTable() + " ("
                    + String.join(", ", key.referencedColumns()) + ")";
            if (key.referencedTable().equals(key.table())) {
                warnings.add(described + ", its own table, and is not carried: " + target.name() + "'s own IMPORT"
                        + " DATABASE loads the table with one COPY, which refuses a row referring to another row of the"
                        + " same COPY, and " + target.name() + " cannot add a foreign key after the data. The rows are"
                        + " loaded without it; after the import, find rows it would refuse with a query ("
                        + key.table() + " rows whose " + String.join(", ", key.columns()) + " has no match), and"
                        + " enforce it in the application; or import with Ferry's IMPORT DATABASE from an export"
                        + " written for " + source.name() + ", which keeps the key and loads such a table one row at a"
                        + " time");
            } else {
                warnings.add(described + " and is not carried: it closes a cycle of foreign keys between "
                        + key.table() + " and " + key.referencedTable() + ", and " + target.name() + " creates a"
                        + " foreign key only in CREATE TABLE, after the table it refers to, and checks each row's keys"
                        + " as it loads (it cannot add the key after the data, nor defer it). The rows are loaded"
                        + " without it; after the import, find rows it would refuse with a query (" + key.table()
                        + " rows whose " + String.join(", ", key.columns()) + " has no match in "
                        + key.referencedTable() + "), and enforce it in the application");
            }
        }
        List<ForeignKey> kept = new ArrayList<>(keys);
        kept.removeAll(cycle);
        return kept;
    }

    /**
     * A foreign key's action on {@code event} as the target can hold it: unchanged, or null (the target's default,
     * which refuses the change) with a warning where the target would refuse the key for it (SET NULL on a NOT NULL
     * column) or drop it without a word (SET DEFAULT).
     */
    private String action(ForeignKey key, String name, Table table, List<String> columns, String event,
                          String action) {
        if (action == null) {
            return null;
        }
        String normalized = action.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        String described = "Foreign key " + (name == null ? "" : name + " ") + "of table " + key.table()
                + " (" + String.join(", ", key.columns()) + ") references " + key.referencedTable() + ": ON " + event
                + " " + normalized + " is not carried";
        if (normalized.equals("SET NULL") && !target.capabilities().setNullOnNotNullKey() && table != null) {
            List<String> notNull = table.columns().stream()
                    .filter(c -> !c.nullable() && columns.stream().anyMatch(k -> k.equalsIgnoreCase(c.name())))
                    .map(c -> c.name()).toList();
            if (!notNull.isEmpty()) {
                warnings.add(described + ": " + target.name() + " refuses SET NULL on the NOT NULL column(s) "
                        + String.join(", ", notNull) + ". The key is created without it, so " + event.toLowerCase(Locale.ROOT)
                        + " of a referenced row is refused (in " + source.name() + " it failed too, when the action set"
                        + " NULL into the NOT NULL column). To keep the action, make the column(s) nullable and add"
                        + " the key again with ON " + event + " SET NULL after the import");
                return null;
            }
        }
        if (!target.capabilities().foreignKeyActions().contains(normalized)) {
            warnings.add(described + ": " + target.name() + " refuses it (it takes ON " + event + " "
                    + String.join(" or ", target.capabilities().foreignKeyActions().stream().sorted().toList())
                    + " alone). The key is created without it, so " + event.toLowerCase(Locale.ROOT) + " of a"
                    + " referenced row that is still referenced is refused instead of "
                    + (normalized.equals("CASCADE") ? (event.equals("DELETE") ? "deleting" : "updating")
                    + " the referencing rows" : "setting " + String.join(", ", key.columns())
                    + (normalized.equals("SET NULL") ? " to NULL" : " to the default"))
                    + ". Where that is needed, do it in the application before the "
                    + event.toLowerCase(Locale.ROOT));
            return null;
        }
        if (normalized.equals("SET DEFAULT") && !target.capabilities().setDefaultAction()) {
            warnings.add(described + ": " + target.name() + " does not keep SET DEFAULT. The key is created without"
                    + " it, so " + event.toLowerCase(Locale.ROOT) + " of a referenced row is refused instead of setting "
                    + String.join(", ", key.columns()) + " to the default. Where the default is needed, do it in a"
                    + " trigger or in the application");
            return null;
        }
        return action;
    }

    private List<String> columns(List<String> columns) {
        return columns.stream().map(names::name).toList();
    }
}
