package dev.ferry.core.model.schema;

import java.io.Serializable;
import java.util.List;

/**
 * Where a table stands among the tables it inherits from (PostgreSQL's INHERITS and declarative partitioning).
 *
 * @param parents        the tables it inherits from, in order (INHERITS), or the one table it is a partition of
 * @param partitionBy    the partition key where the table is partitioned ({@code RANGE (at)}), else null
 * @param partitionBound the bounds where the table is a partition of {@code parents}' one table
 *                       ({@code FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')}, {@code DEFAULT}), else null
 */
public record Inheritance(List<QualifiedName> parents, String partitionBy, String partitionBound) implements Serializable {
    /** A table that inherits from none, is not partitioned and is no partition. */
    public static final Inheritance NONE = new Inheritance(List.of(), null, null);

    public Inheritance {
        parents = parents == null ? List.of() : List.copyOf(parents);
    }

    /** Whether the table inherits from none, is not partitioned and is no partition. */
    public boolean isNone() {
        return parents.isEmpty() && partitionBy == null && partitionBound == null;
    }

    /** Whether the table is a partition (of {@code parents}' one table). */
    public boolean isPartition() {
        return partitionBound != null;
    }

    /** The tables it inherits from through INHERITS: none for a partition. */
    public List<QualifiedName> inherits() {
        return isPartition() ? List.of() : parents;
    }
}
