package dev.ferry.core.operation.translate;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.Inheritance;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a table loses of PostgreSQL's inheritance and partitioning in another engine, in words: there each table is a
 * table of its own holding its own rows.
 */
final class InheritanceNotCarried {

    private InheritanceNotCarried() {
    }

    /**
     * The warnings for {@code table} of {@code schema}, read from {@code source}, translated for {@code target}: each
     * table becomes a table of its own holding its own rows, as they were exported (a parent's without those of the
     * tables that inherit from it).
     */
    static List<String> warnings(Table table, DatabaseSchema schema, Dialect source, Dialect target) {
        List<String> warnings = new ArrayList<>();
        Inheritance inheritance = table.inheritance();
        String where = "Table " + table.name() + " ";
        String parents = inheritance.parents().stream().map(QualifiedName::toString).collect(Collectors.joining(", "));
        if (inheritance.isPartition()) {
            warnings.add(where + "is a partition of " + parents + " (" + inheritance.partitionBound() + ") in "
                    + source.name() + "; partitioning is not carried to " + target.name() + ": it is a table of its own"
                    + " holding its rows, which " + parents + " no longer returns (a view of " + parents
                    + "'s partitions, UNION ALL, reads them all together)");
        } else if (!inheritance.parents().isEmpty()) {
            warnings.add(where + "inherits from " + parents + " in " + source.name() + "; inheritance is not carried"
                    + " to " + target.name() + ": it is a table of its own holding its own rows, which " + parents
                    + " no longer returns (a view of " + parents + " UNION ALL its children reads them together)");
        }
        if (inheritance.partitionBy() != null) {
            warnings.add(where + "is partitioned (PARTITION BY " + inheritance.partitionBy() + ") in " + source.name()
                    + "; partitioning is not carried to " + target.name() + ": it is a plain table, empty, its rows"
                    + " being in the tables of its partitions");
            List<String> keysAndIndexes = new ArrayList<>();
            schema.foreignKeys().stream().filter(key -> key.table().equals(table.name()))
                    .forEach(key -> keysAndIndexes.add("foreign key " + key.name()));
            schema.indexes().stream().filter(index -> index.table().equals(table.name()))
                    .forEach(index -> keysAndIndexes.add((index.unique() ? "unique index " : "index ") + index.name()));
            if (!keysAndIndexes.isEmpty()) {
                warnings.add(where + "is partitioned in " + source.name() + ", and its " + String.join(", ",
                        keysAndIndexes) + " held on each partition there; in " + target.name() + " they are on "
                        + table.name() + " alone, which holds no rows, and not on the tables of its partitions:"
                        + " create them on each of those tables after the import");
            }
        }
        return warnings;
    }
}
