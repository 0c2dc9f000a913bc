package dev.ferry.core.model.schema;

import java.util.Locale;

/**
 * A user's table, view or other relation, as {@link java.sql.DatabaseMetaData#getTables} lists it.
 *
 * @param name    schema and name
 * @param type    the type as the driver reports it: {@code TABLE}, {@code BASE TABLE}, {@code VIEW} ...
 * @param remarks the relation's comment, or null
 */
public record Relation(QualifiedName name, String type, String remarks) {

    /** Whether this is a view of any kind. */
    public boolean isView() {
        return type.toUpperCase(Locale.ROOT).contains("VIEW");
    }
}
