package dev.ferry.core.schema;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    /**
     * The scope of the schemas a user asked for, each name matched to a schema of the database: the one of exactly that
     * name, else the only one whose name differs in case alone (H2's {@code SALES} for {@code sales}).
     *
     * @throws SQLException (22023) naming a schema that does not exist, and listing those that do
     */
    public static SchemaScope resolve(Connection connection, Dialect dialect, List<String> requested)
            throws SQLException {
        if (requested.isEmpty()) {
            return DEFAULT;
        }
        List<String> existing = dialect.userSchemas(connection);
        List<String> resolved = new ArrayList<>();
        for (String name : requested) {
            String match = existing.contains(name) ? name : null;
            if (match == null) {
                List<String> inOtherCase = existing.stream()
                        .filter(schema -> schema.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
                        .toList();
                match = inOtherCase.size() == 1 ? inOtherCase.get(0) : null;
            }
            String word = dialect.schemasAreCatalogs() ? "database" : "schema";
            if (match == null) {
                throw FerryErrors.invalidParameter("SCHEMAS names " + name + ", which is not a " + word + " of this "
                        + dialect.name() + " server; its " + word + "s are: "
                        + (existing.isEmpty() ? "(none)" : String.join(", ", existing)));
            }
            if (resolved.contains(match)) {
                throw FerryErrors.invalidParameter("SCHEMAS names the " + word + " " + match + " twice");
            }
            resolved.add(match);
        }
        return new SchemaScope(resolved);
    }
}
