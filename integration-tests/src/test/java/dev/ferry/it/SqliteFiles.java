package dev.ferry.it;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQLite database files for the tests, and ways to look into them that see each value's storage class. */
final class SqliteFiles {

    private SqliteFiles() {
    }

    /** A Ferry URL for the database file {@code file} (created when first opened). */
    static String url(Path file) {
        return "jdbc:ferry:sqlite:" + file;
    }

    /**
     * Every row of {@code table}, each value as its storage class, its SQL literal and its value (a real with its exact
     * bits: SQLite's literal of -0.0 is 0.0), in the order of all the literals.
     */
    static List<List<Object>> rows(Connection connection, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (List<Object> column : TestDatabases.rows(connection,
                "SELECT name FROM pragma_table_xinfo('" + table.replace("'", "''") + "') ORDER BY cid")) {
            columns.add("\"" + column.get(0).toString().replace("\"", "\"\"") + "\"");
        }
        List<String> selected = new ArrayList<>();
        List<String> order = new ArrayList<>();
        for (String column : columns) {
            selected.add("typeof(" + column + ")");
            selected.add("quote(" + column + ")");
            selected.add(column);
            order.add("quote(" + column + ")");
        }
        return TestDatabases.rows(connection, "SELECT " + String.join(", ", selected) + " FROM \""
                + table.replace("\"", "\"\"") + "\" ORDER BY " + String.join(", ", order));
    }

    /**
     * The database's schema as SQLite describes it: every object's CREATE statement, each table's columns (PRAGMA
     * table_xinfo: name, declared type, NOT NULL, default, key position, hidden), indexes with their columns, foreign
     * keys, the AUTOINCREMENT positions and the header's user_version and application_id.
     */
    static List<List<Object>> catalog(Connection connection) throws SQLException {
        List<List<Object>> catalog = new ArrayList<>(TestDatabases.rows(connection,
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"));
        catalog.addAll(TestDatabases.rows(connection, "SELECT m.name, c.* FROM sqlite_master m,"
                + " pragma_table_xinfo(m.name) c WHERE m.type IN ('table', 'view') ORDER BY m.name, c.cid"));
        catalog.addAll(TestDatabases.rows(connection, "SELECT m.name, l.name, l.\"unique\", l.origin, l.partial, i.*"
                + " FROM sqlite_master m, pragma_index_list(m.name) l, pragma_index_xinfo(l.name) i"
                + " WHERE m.type = 'table' ORDER BY m.name, l.name, i.seqno"));
        catalog.addAll(TestDatabases.rows(connection, "SELECT m.name, f.* FROM sqlite_master m,"
                + " pragma_foreign_key_list(m.name) f WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq"));
        if (TestDatabases.value(connection, "SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'") != null) {
            catalog.addAll(TestDatabases.rows(connection, "SELECT 'sqlite_sequence', name, seq FROM sqlite_sequence"
                    + " ORDER BY name"));
        }
        catalog.addAll(TestDatabases.rows(connection, "SELECT 'header', u.user_version, a.application_id"
                + " FROM pragma_user_version u, pragma_application_id a"));
        return catalog;
    }
}
