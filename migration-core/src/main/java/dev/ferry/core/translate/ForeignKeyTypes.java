package dev.ferry.core.translate;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.schema.Column;
import dev.ferry.core.schema.ForeignKey;
import dev.ferry.core.schema.QualifiedName;
import dev.ferry.core.schema.Table;
import dev.ferry.core.types.PortableType;
import dev.ferry.core.types.TypeFamily;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The portable types of a schema's columns, each referencing column of an integer type as wide as the integer column
 * it refers to: DuckDB and MariaDB refuse a foreign key between integers of different widths, which SQLite allows
 * (its INTEGER PRIMARY KEY holds 64-bit integers, read as BIGINT, and an INT column may refer to it). Widening loses
 * no value.
 */
final class ForeignKeyTypes {
    private static final List<TypeFamily> INTEGERS = List.of(TypeFamily.TINYINT, TypeFamily.SMALLINT,
            TypeFamily.INTEGER, TypeFamily.BIGINT);

    private final Dialect source;
    private final Map<QualifiedName, Map<String, PortableType>> widened = new HashMap<>();

    ForeignKeyTypes(Dialect source, List<Table> tables, List<ForeignKey> keys) {
        this.source = source;
        Map<QualifiedName, Table> byName = new HashMap<>();
        tables.forEach(table -> byName.put(table.name(), table));
        // Until nothing widens: a column widened may be referred to in turn (C.x -> B.y -> A.z).
        for (boolean widening = true; widening; ) {
            widening = false;
            for (ForeignKey key : keys) {
                widening |= widen(key, byName.get(key.table()), byName.get(key.referencedTable()));
            }
        }
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
        return referenced != null ? referenced : source.portableType(column);
    }

    private static boolean wider(PortableType referenced, PortableType referencing) {
        return INTEGERS.contains(referencing.family())
                && INTEGERS.indexOf(referenced.family()) > INTEGERS.indexOf(referencing.family());
    }

    private static Column column(Table table, String name) {
        return table.columns().stream().filter(column -> column.name().equals(name)).findFirst().orElse(null);
    }
}
