package dev.ferry.core.schema;

import dev.ferry.core.dialect.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

    /** Every relation of the connection's database that belongs to the user, not to the engine. */
    public static List<Relation> list(Connection connection, Dialect dialect) throws SQLException {
        return list(connection, dialect, SchemaScope.DEFAULT);
    }

    /**
     * The user's relations in {@code scope}. Where the engine's schemas are catalogs (MariaDB), the default scope is the
     * connection's current catalog, its relations named without it, and a scope of named schemas lists each named
     * catalog, its relations named with it.
     */
    public static List<Relation> list(Connection connection, Dialect dialect, SchemaScope scope) throws SQLException {
        List<Relation> relations = new ArrayList<>();
        if (dialect.schemasAreCatalogs() && !scope.isDefault()) {
            for (String catalog : scope.named()) {
                add(relations, connection, dialect, catalog, catalog, scope);
            }
        } else {
            add(relations, connection, dialect, connection.getCatalog(), null, scope);
        }
        return relations;
    }

    private static void add(List<Relation> relations, Connection connection, Dialect dialect, String catalog,
                            String catalogAsSchema, SchemaScope scope) throws SQLException {
        try (ResultSet rows = connection.getMetaData().getTables(catalog, null, "%", dialect.relationTypes())) {
            while (rows.next()) {
                String schema = catalogAsSchema != null ? catalogAsSchema : rows.getString("TABLE_SCHEM");
                String type = rows.getString("TABLE_TYPE");
                if (type == null || dialect.isSystemSchema(schema) || type.toUpperCase(Locale.ROOT).contains("SYSTEM")
                        || catalogAsSchema == null && schema != null && !scope.includes(schema)) {
                    continue;
                }
                relations.add(new Relation(new QualifiedName(schema, rows.getString("TABLE_NAME")), type,
                        rows.getString("REMARKS")));
            }
        }
    }
}
