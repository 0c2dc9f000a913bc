package dev.ferry.core.operation.translate;

import dev.ferry.core.dialect.Capabilities;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.TypeFamily;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The portable types a schema's columns are declared by in the target, where its keys need other types than the
 * columns have:
 * <ul>
 *   <li>a referencing integer column as wide as the integer column it refers to, where the target refuses a foreign
 *       key between integers of different widths ({@link Capabilities#foreignKeyTypesMustMatch}: DuckDB, MariaDB), which
 *       SQLite allows (its INTEGER PRIMARY KEY holds 64-bit integers, read as BIGINT, and an INT column may refer to
 *       it). Widening loses no value.</li>
 *   <li>a text column of a primary or foreign key as a VARCHAR the target can key, where it keys no text of any
 *       length ({@link Capabilities#keyTextLength}): the key's characters, less {@value #OTHER_COLUMN_CHARACTERS} for each
 *       of its other columns, shared between its text columns. A longer value then stops the import, which a warning
 *       names.</li>
 * </ul>
 */
final class KeyColumnTypes {
    private static final List<TypeFamily> INTEGERS = List.of(TypeFamily.TINYINT, TypeFamily.SMALLINT,
            TypeFamily.INTEGER, TypeFamily.BIGINT);
    private static final List<TypeFamily> TEXTS = List.of(TypeFamily.CHAR, TypeFamily.VARCHAR, TypeFamily.TEXT);
    /** What a key's column that is not text takes of its length, in characters of 4 bytes: 16 bytes, a UUID's. */
    private static final int OTHER_COLUMN_CHARACTERS = 4;

    private final Dialect source;
    private final Map<QualifiedName, Map<String, PortableType>> widened = new HashMap<>();
    private final Map<QualifiedName, Map<String, Integer>> keyedText = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();

    KeyColumnTypes(Dialect source, Dialect target, List<Table> tables, List<ForeignKey> keys) {
        this.source = source;
        Map<QualifiedName, Table> byName = new HashMap<>();
        tables.forEach(table -> byName.put(table.name(), table));
        // Until nothing widens: a column widened may be referred to in turn (C.x -> B.y -> A.z).
        for (boolean widening = target.capabilities().foreignKeyTypesMustMatch(); widening; ) {
            widening = false;
            for (ForeignKey key : keys) {
                widening |= widen(key, byName.get(key.table()), byName.get(key.referencedTable()));
            }
        }
        if (target.capabilities().keyTextLength() > 0) {
            for (Map.Entry<QualifiedName, List<String>> key : keyColumns(tables, keys)) {
                bound(byName.get(key.getKey()), key.getValue(), target.capabilities().keyTextLength());
            }
            keyedText.forEach((table, columns) -> columns.forEach((column, length) -> warnings.add("Column " + table
                    + "." + column + " is in a primary or foreign key, where " + target.name() + " holds at most "
                    + target.capabilities().keyTextLength() + " characters of text: it becomes VARCHAR(" + length + "), and a longer"
                    + " value stops the import")));
        }
    }

    /**
     * The columns of each primary key and foreign key (both ends), by table. (MariaDB keys a unique TEXT column by a
     * hash of it, and an index on one by a prefix.)
     */
    private static List<Map.Entry<QualifiedName, List<String>>> keyColumns(List<Table> tables, List<ForeignKey> keys) {
        List<Map.Entry<QualifiedName, List<String>>> all = new ArrayList<>();
        for (Table table : tables) {
            if (table.primaryKey() != null) {
                all.add(Map.entry(table.name(), table.primaryKey().columns()));
            }
        }
        for (ForeignKey key : keys) {
            all.add(Map.entry(key.table(), key.columns()));
            all.add(Map.entry(key.referencedTable(), key.referencedColumns()));
        }
        return all;
    }

    /** Bounds the key's text columns that are longer than their share of {@code limit} characters to that share. */
    private void bound(Table table, List<String> key, int limit) {
        if (table == null) {
            return;
        }
        List<Column> columns = key.stream().map(name -> column(table, name)).filter(Objects::nonNull).toList();
        List<Column> texts = columns.stream()
                .filter(column -> TEXTS.contains(typeOf(table.name(), column).family())).toList();
        if (texts.isEmpty()) {
            return;
        }
        int share = (limit - OTHER_COLUMN_CHARACTERS * (columns.size() - texts.size())) / texts.size();
        for (Column column : texts) {
            PortableType type = typeOf(table.name(), column);
            if (!type.hasLength() || type.length() > share) {
                keyedText.computeIfAbsent(table.name(), name -> new LinkedHashMap<>())
                        .merge(column.name(), share, Math::min);
            }
        }
    }

    /** What the bounds of key columns may lose, each naming the column. */
    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Widens the key's columns to its referenced columns' widths; whether any changed. */
    private boolean widen(ForeignKey key, Table table, Table referenced) {
        if (table == null || referenced == null || key.columns().size() != key.referencedColumns().size()) {
            return false;
        }
        boolean changed = false;
        for (int i = 0; i < key.columns().size(); i++) {
            Column column = column(table, key.columns().get(i));
            Column target = column(referenced, key.referencedColumns().get(i));
            if (column != null && target != null
                    && wider(typeOf(referenced.name(), target), typeOf(table.name(), column))) {
                widened.computeIfAbsent(table.name(), name -> new HashMap<>())
                        .put(column.name(), typeOf(referenced.name(), target));
                changed = true;
            }
        }
        return changed;
    }

    /** The portable type {@code column} of {@code table} is declared by in the target. */
    PortableType typeOf(QualifiedName table, Column column) {
        PortableType referenced = widened.getOrDefault(table, Map.of()).get(column.name());
        PortableType type = referenced != null ? referenced : source.portableType(column);
        Integer keyed = keyedText.getOrDefault(table, Map.of()).get(column.name());
        return keyed == null ? type : PortableType.sized(TypeFamily.VARCHAR, keyed, type.sourceName());
    }

    private static boolean wider(PortableType referenced, PortableType referencing) {
        return INTEGERS.contains(referencing.family())
                && INTEGERS.indexOf(referenced.family()) > INTEGERS.indexOf(referencing.family());
    }

    private static Column column(Table table, String name) {
        return table.columns().stream().filter(column -> column.name().equals(name)).findFirst().orElse(null);
    }
}
