package dev.ferry.core.dialect;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Relation;
import dev.ferry.core.model.schema.SchemaScope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What of a database belongs to the user rather than to the engine: its schemas and its relations. */
public final class UserCatalog {
    /**
     * The table Ferry keeps in a database while an import that commits before its end runs there (the importing
     * package's {@code ImportJournal}): Ferry's, never one of the user's relations, so never exported.
     */
    public static final String IMPORT_JOURNAL = "ferry_import_journal";

    private UserCatalog() {
    }

    /**
     * The user's relations in {@code scope} (not Ferry's {@link #IMPORT_JOURNAL}). Where the engine's schemas are
     * catalogs (MariaDB), the default scope is the connection's current catalog, its relations named without it, and a
     * scope of named schemas lists each named catalog, its relations named with it.
     */
    public static List<Relation> relations(Connection connection, Dialect dialect, SchemaScope scope)
            throws SQLException {
        List<Relation> relations = new ArrayList<>();
        if (dialect.capabilities().schemasAreCatalogs() && !scope.isDefault()) {
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
        try (ResultSet rows = connection.getMetaData().getTables(catalog, null, "%", relationTypes(dialect))) {
            while (rows.next()) {
                String schema = catalogAsSchema != null ? catalogAsSchema : rows.getString("TABLE_SCHEM");
                String type = rows.getString("TABLE_TYPE");
                if (type == null || dialect.isSystemSchema(schema) || type.toUpperCase(Locale.ROOT).contains("SYSTEM")
                        || catalogAsSchema == null && schema != null && !scope.includes(schema)
                        || IMPORT_JOURNAL.equals(rows.getString("TABLE_NAME"))) {
                    continue;
                }
                relations.add(new Relation(new QualifiedName(schema, rows.getString("TABLE_NAME")), type,
                        rows.getString("REMARKS")));
            }
        }
    }

    /**
     * The scope of the schemas a user asked for, each name matched to a schema of the database: the one of exactly that
     * name, else the only one whose name differs in case alone (H2's {@code SALES} for {@code sales}).
     *
     * @throws SQLException (22023) naming a schema that does not exist, and listing those that do
     */
    public static SchemaScope resolveScope(Connection connection, Dialect dialect, List<String> requested)
            throws SQLException {
        if (requested.isEmpty()) {
            return SchemaScope.DEFAULT;
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
            String word = dialect.capabilities().schemasAreCatalogs() ? "database" : "schema";
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

    private static String[] relationTypes(Dialect dialect) {
        List<String> types = dialect.capabilities().relationTypes();
        return types == null ? null : types.toArray(String[]::new);
    }
}
