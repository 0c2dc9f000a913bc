package dev.ferry.core.model.schema;

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
 */
public record Table(QualifiedName name, List<Column> columns, KeyConstraint primaryKey, List<KeyConstraint> uniqueKeys,
                    List<CheckConstraint> checks, String definition) {

    public Table {
        columns = List.copyOf(columns);
        uniqueKeys = List.copyOf(uniqueKeys);
        checks = List.copyOf(checks);
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
