package dev.ferry.core.model.schema;

import java.io.Serializable;
import java.util.List;

/**
 * A table with what is created along with it.
 *
 * @param name       schema and name
 * @param columns    columns in their order
 * @param primaryKey the primary key, or null
 * @param uniqueKeys unique constraints
 * @param checks     CHECK constraints
 * @param definition the complete CREATE TABLE statement as the engine keeps it (SQLite), foreign keys included, which
 *                   the scripts then use as it is; null to build one from the parts above
 * @param inheritance the tables it inherits from, its partition key and bounds (PostgreSQL); {@link Inheritance#NONE}
 *                    for a table that stands alone (null is taken as that)
 */
public record Table(QualifiedName name, List<Column> columns, KeyConstraint primaryKey, List<KeyConstraint> uniqueKeys,
                    List<CheckConstraint> checks, String definition, Inheritance inheritance) implements Serializable {

    public Table {
        columns = List.copyOf(columns);
        uniqueKeys = List.copyOf(uniqueKeys);
        checks = List.copyOf(checks);
        inheritance = inheritance == null ? Inheritance.NONE : inheritance;
    }

    /** A table that stands alone, with the engine's own CREATE TABLE statement or null. */
    public Table(QualifiedName name, List<Column> columns, KeyConstraint primaryKey, List<KeyConstraint> uniqueKeys,
                 List<CheckConstraint> checks, String definition) {
        this(name, columns, primaryKey, uniqueKeys, checks, definition, Inheritance.NONE);
    }

    /** A table whose CREATE TABLE statement is built from its parts. */
    public Table(QualifiedName name, List<Column> columns, KeyConstraint primaryKey, List<KeyConstraint> uniqueKeys,
                 List<CheckConstraint> checks) {
        this(name, columns, primaryKey, uniqueKeys, checks, null);
    }

    /** The columns whose values are exported and loaded: all but the generated ones, in order. */
    public List<Column> dataColumns() {
        return columns.stream().filter(column -> !column.isGenerated()).toList();
    }
}
