package dev.ferry.core.operation.importing;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.UserCatalog;
import dev.ferry.core.model.schema.Relation;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.schema.Sequence;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the user has in the part of a database an import writes to: relations and sequences in a scope (the whole
 * database; on MariaDB, the current database or the databases an export names), and the schemas that exist.
 */
final class DatabaseContents {
    private final Connection connection;
    private final Dialect dialect;
    private final SchemaScope scope;

    DatabaseContents(Connection connection, Dialect dialect, SchemaScope scope) {
        this.connection = connection;
        this.dialect = dialect;
        this.scope = scope;
    }

    /** User tables and views (with their type), and sequences, as {@code TYPE schema.name}. */
    List<String> userObjects() throws SQLException {
        List<String> objects = new ArrayList<>();
        for (Relation relation : UserCatalog.relations(connection, dialect, scope)) {
            objects.add(relation.type() + " " + relation.name());
        }
        for (Sequence sequence : dialect.sequences(connection, scope)) {
            objects.add("SEQUENCE " + sequence.name());
        }
        return objects;
    }

    /** Up to five of {@code objects}, and {@code ...} where there are more. */
    static String shortList(List<String> objects) {
        return String.join(", ", objects.subList(0, Math.min(5, objects.size()))) + (objects.size() > 5 ? ", ..." : "");
    }

    /** The schemas that exist now (MariaDB: the databases), the engine's own and the user's. */
    Set<String> schemas() throws SQLException {
        Set<String> schemas = new HashSet<>(dialect.userSchemas(connection));
        if (!dialect.capabilities().schemasAreCatalogs()) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rows = metaData.getSchemas()) {
                while (rows.next()) {
                    schemas.add(rows.getString("TABLE_SCHEM"));
                }
            }
        }
        return schemas;
    }
}
