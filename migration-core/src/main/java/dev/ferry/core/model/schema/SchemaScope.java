package dev.ferry.core.model.schema;

import java.util.List;

/**
 * Which schemas an export reads (and a failed import cleans up): the default ones — every user schema on PostgreSQL
 * and H2, the connection's current database on MariaDB, whose tables are then named without a database — or those
 * named by EXPORT DATABASE's {@code SCHEMAS} option, by their names in the database. On MariaDB a schema is a
 * database, and a scope that names databases names every object with its database.
 *
 * @param named the schemas named, in the order named; empty for the default ones
 */
public record SchemaScope(List<String> named) {

    /** The default schemas. */
    public static final SchemaScope DEFAULT = new SchemaScope(List.of());

    public SchemaScope {
        named = List.copyOf(named);
    }

    /** The schemas named, or {@link #DEFAULT} where there are none. */
    public static SchemaScope of(List<String> schemas) {
        return schemas.isEmpty() ? DEFAULT : new SchemaScope(schemas);
    }

    /** Whether this is the default scope rather than one of named schemas. */
    public boolean isDefault() {
        return named.isEmpty();
    }

    /** Whether a user schema is in scope: any, by default; else one of those named. */
    public boolean includes(String schema) {
        return named.isEmpty() || named.contains(schema);
    }
}
