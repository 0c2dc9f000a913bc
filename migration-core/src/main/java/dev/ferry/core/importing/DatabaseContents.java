package dev.ferry.core.importing;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.schema.Sequence;
import dev.ferry.core.schema.Relation;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the user has in a database: relations, sequences and schemas, the engine's own left out. */
final class DatabaseContents {
    private final Connection connection;
    private final Dialect dialect;

    DatabaseContents(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** User tables and views (with their type), and sequences, as {@code TYPE schema.name}. */
    List<String> userObjects() throws SQLException {
        List<String> objects = new ArrayList<>();
        for (Relation relation : Relation.list(connection, dialect)) {
            objects.add(relation.type() + " " + relation.name());
        }
        for (Sequence sequence : dialect.sequences(connection)) {
            objects.add("SEQUENCE " + sequence.name());
        }
        return objects;
    }

    /** The schemas that exist now. */
    Set<String> schemas() throws SQLException {
        Set<String> schemas = new HashSet<>();
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet rows = metaData.getSchemas()) {
            while (rows.next()) {
                schemas.add(rows.getString("TABLE_SCHEM"));
            }
        }
        return schemas;
    }
}
