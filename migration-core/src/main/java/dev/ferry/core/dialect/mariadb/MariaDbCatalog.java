package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.Identity;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.schema.Sequence;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What information_schema says of the server's databases, and where a table's AUTO_INCREMENT and the sequences of a
 * scope stand (see the methods of {@link MariaDbDialect} of the same names).
 */
final class MariaDbCatalog {
    private final Connection connection;
    private final Dialect dialect;

    /** @param dialect quotes names and tells the server's own databases */
    MariaDbCatalog(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** The databases of the server, its own left out. */
    List<String> userSchemas() throws SQLException {
        List<String> databases = new ArrayList<>();
        MariaDbQueries.forEachUnprepared(connection, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY 1", row -> {
            if (!dialect.isSystemSchema(row.getString(1))) {
                databases.add(row.getString(1));
            }
        });
        return databases;
    }

    /** {@code DEFAULT CHARACTER SET ... COLLATE ...} of {@code schema} (null: the current database). */
    String schemaOptions(String schema) throws SQLException {
        return MariaDbQueries.first(connection, schema, "SELECT DEFAULT_CHARACTER_SET_NAME, DEFAULT_COLLATION_NAME"
                + " FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = DATABASE()",
                row -> "DEFAULT CHARACTER SET " + row.getString(1) + " COLLATE " + row.getString(2)).orElse(null);
    }

    /** The table's next AUTO_INCREMENT value, from information_schema.TABLES: 1 where it has none yet. */
    Identity identity(QualifiedName table) throws SQLException {
        long next = CatalogQuery.first(connection, "SELECT AUTO_INCREMENT FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?", row -> row.getLong(1),
                table.schema(), table.name()).orElse(0L);
        return new Identity(false, 1, 1, next > 0 ? next : 1);
    }

    /** The sequences of the scope's databases, each read by selecting from it, by database and name. */
    List<Sequence> sequences(SchemaScope scope) throws SQLException {
        List<QualifiedName> names = new ArrayList<>();
        for (String database : MariaDbQueries.databases(scope)) {
            names.addAll(MariaDbQueries.list(connection, database, "SELECT TABLE_NAME FROM information_schema.TABLES"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'SEQUENCE' ORDER BY 1",
                    row -> new QualifiedName(database, row.getString(1))));
        }
        List<Sequence> sequences = new ArrayList<>();
        for (QualifiedName sequence : names) {
            MariaDbQueries.forEachUnprepared(connection, "SELECT next_not_cached_value, minimum_value, maximum_value,"
                    + " start_value, increment, cache_size, cycle_option FROM " + dialect.quote(sequence),
                    row -> sequences.add(new Sequence(sequence, null, row.getLong(4), row.getLong(5), row.getLong(2),
                            row.getLong(3), row.getBoolean(7), row.getLong(1), null, row.getLong(6))));
        }
        return sequences;
    }
}
