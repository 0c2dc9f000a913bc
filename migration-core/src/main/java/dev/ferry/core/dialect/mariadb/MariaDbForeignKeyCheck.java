package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.SchemaScope;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that every row of the scope's tables satisfies their foreign keys, as InnoDB does when it adds a key with
 * {@code foreign_key_checks} on — by copying the whole table, which with the checks off it adds in place, checking
 * nothing. One anti-join per key: a row whose key columns are all non-null and match no row of the referenced table
 * fails the check (MATCH SIMPLE, as InnoDB compares).
 */
final class MariaDbForeignKeyCheck {
    private final Connection connection;
    private final Dialect dialect;

    private record Key(QualifiedName table, String name, QualifiedName referenced, List<String> columns,
                       List<String> referencedColumns) {
    }

    MariaDbForeignKeyCheck(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * @throws SQLException (23000) naming the key, its table and the first row's key values that refer to nothing
     */
    void check(SchemaScope scope) throws SQLException {
        for (Key key : keys(scope)) {
            checkKey(key);
        }
    }

    private List<Key> keys(SchemaScope scope) throws SQLException {
        Map<List<String>, Key> keys = new LinkedHashMap<>();
        for (String database : MariaDbQueries.databases(scope)) {
            MariaDbQueries.forEach(connection, database, "SELECT TABLE_NAME, CONSTRAINT_NAME,"
                    + " CASE WHEN REFERENCED_TABLE_SCHEMA <> DATABASE() THEN REFERENCED_TABLE_SCHEMA END,"
                    + " REFERENCED_TABLE_NAME, COLUMN_NAME, REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
                    + " WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL"
                    + " ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION", row -> {
                        Key found = new Key(new QualifiedName(database, row.getString(1)), row.getString(2),
                                new QualifiedName(row.getString(3) != null ? row.getString(3) : database,
                                        row.getString(4)),
                                new ArrayList<>(), new ArrayList<>());
                        Key key = keys.computeIfAbsent(List.of(String.valueOf(database), row.getString(1),
                                row.getString(2)), name -> found);
                        key.columns().add(row.getString(5));
                        key.referencedColumns().add(row.getString(6));
                    });
        }
        return List.copyOf(keys.values());
    }

    private void checkKey(Key key) throws SQLException {
        List<String> notNull = new ArrayList<>();
        List<String> matches = new ArrayList<>();
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < key.columns().size(); i++) {
            String column = "c." + dialect.quoteIdentifier(key.columns().get(i));
            selected.add(column);
            notNull.add(column + " IS NOT NULL");
            matches.add("p." + dialect.quoteIdentifier(key.referencedColumns().get(i)) + " = " + column);
        }
        String sql = "SELECT " + String.join(", ", selected) + " FROM " + dialect.quote(key.table()) + " c WHERE "
                + String.join(" AND ", notNull) + " AND NOT EXISTS (SELECT 1 FROM " + dialect.quote(key.referenced())
                + " p WHERE " + String.join(" AND ", matches) + ") LIMIT 1";
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            if (row.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < key.columns().size(); i++) {
                    values.add(key.columns().get(i) + " = " + row.getString(i + 1));
                }
                throw new SQLException("Foreign key " + key.name() + " of " + dialect.quote(key.table())
                        + " does not hold: the row with " + String.join(", ", values) + " refers to no row of "
                        + dialect.quote(key.referenced()), "23000");
            }
        }
    }
}
