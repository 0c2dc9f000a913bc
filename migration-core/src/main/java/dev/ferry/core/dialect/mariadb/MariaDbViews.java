package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.schema.View;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The views of a scope's databases: their ALGORITHM and SQL SECURITY from information_schema.VIEWS, their queries from
 * SHOW CREATE VIEW, and the other views each reads (see {@link MariaDbDialect#views}).
 */
final class MariaDbViews {
    private final Connection connection;
    private final Dialect dialect;

    /** @param dialect quotes the views' names */
    MariaDbViews(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** The views of the scope's databases, by database and name. */
    List<View> of(SchemaScope scope) throws SQLException {
        Map<QualifiedName, String> options = new LinkedHashMap<>();
        for (String database : MariaDbQueries.databases(scope)) {
            MariaDbQueries.forEach(connection, database, "SELECT TABLE_NAME, ALGORITHM, SECURITY_TYPE"
                    + " FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1",
                    row -> options.put(new QualifiedName(database, row.getString(1)),
                            "ALGORITHM=" + row.getString(2) + " SQL SECURITY " + row.getString(3)));
        }
        Map<QualifiedName, String> queries = new LinkedHashMap<>();
        try (OutsideDatabases ignored = OutsideDatabases.enter(connection, scope, options.isEmpty())) {
            for (QualifiedName name : options.keySet()) {
                MariaDbQueries.forEachUnprepared(connection, "SHOW CREATE VIEW " + dialect.quote(name),
                        row -> queries.put(name, MariaDbShowCreate.viewQuery(name.name(), row.getString(2))));
            }
        }
        List<View> views = new ArrayList<>();
        for (Map.Entry<QualifiedName, String> view : queries.entrySet()) {
            Set<QualifiedName> reads = new HashSet<>();
            for (QualifiedName read : scope.isDefault() ? MariaDbSqlText.unqualifiedNames(view.getValue())
                    : MariaDbSqlText.qualifiedNames(view.getValue())) {
                if (!read.equals(view.getKey()) && queries.containsKey(read)) {
                    reads.add(read);
                }
            }
            views.add(new View(view.getKey(), view.getValue(), false, reads, options.get(view.getKey())));
        }
        return views;
    }

    /**
     * For a scope of named databases: the connection's current database is left, where it is one of them, for
     * {@code information_schema} while views are read, and entered again afterwards. SHOW CREATE VIEW leaves the
     * current database's name out of a view's text; the scripts of named databases are run from any database, so they
     * need every name with its database.
     */
    private static final class OutsideDatabases implements AutoCloseable {
        private final Connection connection;
        private final String current;

        private OutsideDatabases(Connection connection, String current) {
            this.connection = connection;
            this.current = current;
        }

        static OutsideDatabases enter(Connection connection, SchemaScope scope, boolean nothingToRead)
                throws SQLException {
            String current = connection.getCatalog();
            if (nothingToRead || scope.isDefault() || current == null || !scope.includes(current)) {
                return new OutsideDatabases(connection, null);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("USE information_schema");
            }
            return new OutsideDatabases(connection, current);
        }

        @Override
        public void close() throws SQLException {
            if (current != null) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("USE " + MariaDbSqlText.identifier(current));
                }
            }
        }
    }
}
