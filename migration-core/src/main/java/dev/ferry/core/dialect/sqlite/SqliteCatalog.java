package dev.ferry.core.dialect.sqlite;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.View;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a SQLite database says of its own objects: {@code sqlite_master} (each table's, index's, view's and trigger's
 * CREATE statement as written), its PRAGMAs and {@code sqlite_sequence}. Only the main database: an attached one is
 * not exported ({@link SqliteDialect#notCarried} warns about it).
 */
final class SqliteCatalog {
    private static final Pattern AUTOINCREMENT = Pattern.compile("\\bAUTOINCREMENT\\b", Pattern.CASE_INSENSITIVE);

    private final Connection connection;

    SqliteCatalog(Connection connection) {
        this.connection = connection;
    }

    /**
     * One column as {@code PRAGMA table_xinfo} reports it.
     *
     * @param name         its name
     * @param declaredType its type exactly as declared, empty for none
     * @param notNull      whether it is NOT NULL
     * @param defaultValue its DEFAULT as written, or null
     * @param primaryKey   its position in the primary key (1, 2 ...), or 0
     * @param hidden       0 for an ordinary column, 2 for a VIRTUAL generated one, 3 for a STORED one
     */
    record ColumnInfo(String name, String declaredType, boolean notNull, String defaultValue, int primaryKey,
                      int hidden) {
    }

    /** The table's columns, generated ones included, in order. */
    List<ColumnInfo> columns(String table) throws SQLException {
        return CatalogQuery.list(connection,
                "SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid",
                row -> new ColumnInfo(row.getString(1), row.getString(2) == null ? "" : row.getString(2),
                        row.getBoolean(3), row.getString(4), row.getInt(5), row.getInt(6)), table);
    }

    /** The statement that created the table, as SQLite keeps it (renames and added columns included). */
    String tableSql(String table) throws SQLException {
        return string("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", table);
    }

    /**
     * Refuses a virtual table (FTS, R*Tree ...) and the shadow tables that hold its data: creating the virtual table
     * creates them again, so they cannot be exported as plain tables, and Ferry does not carry virtual tables yet.
     */
    void requirePlainTable(String table) throws SQLException {
        String type = string("SELECT type FROM pragma_table_list WHERE schema = 'main' AND name = ?", table);
        if ("virtual".equals(type) || "shadow".equals(type)) {
            throw FerryErrors.notSupported("EXPORT DATABASE cannot carry the " + type + " table " + table + " yet ("
                    + ("virtual".equals(type) ? "a virtual table, such as FTS5 or R*Tree" : "it holds a virtual"
                    + " table's data") + "). Nothing was written");
        }
    }

    /**
     * The next value SQLite hands out for the table's {@code INTEGER PRIMARY KEY AUTOINCREMENT} column: one more than
     * its row in {@code sqlite_sequence}, 1 where it has none; null where the table is not AUTOINCREMENT.
     */
    Long nextAutoincrement(String table) throws SQLException {
        String sql = tableSql(table);
        if (sql == null || !AUTOINCREMENT.matcher(sql).find()
                || string("SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'") == null) {
            return null;
        }
        String seq = string("SELECT seq FROM sqlite_sequence WHERE name = ?", table);
        return seq == null ? 1 : Long.parseLong(seq) + 1;
    }

    /** The table's UNIQUE constraints (SQLite's indexes of origin {@code u}), columns in order; they have no name. */
    List<KeyConstraint> uniqueKeys(String table) throws SQLException {
        List<KeyConstraint> keys = new ArrayList<>();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        CatalogQuery.forEach(connection,
                "SELECT l.name, i.name FROM pragma_index_list(?) l, pragma_index_info(l.name) i"
                        + " WHERE l.origin = 'u' ORDER BY l.seq DESC, i.seqno",
                row -> columns.computeIfAbsent(row.getString(1), index -> new ArrayList<>()).add(row.getString(2)),
                table);
        columns.values().forEach(key -> keys.add(new KeyConstraint(null, key)));
        return keys;
    }

    /**
     * The table's indexes as they were created ({@code CREATE INDEX} as written, partial and expression ones
     * included), in the order they were made; those SQLite made for keys (which have no statement) left out.
     */
    List<Index> indexes(QualifiedName table) throws SQLException {
        return CatalogQuery.list(connection,
                "SELECT m.name, m.sql, l.\"unique\" FROM sqlite_master m JOIN pragma_index_list(?) l ON l.name = m.name"
                        + " WHERE m.type = 'index' AND m.tbl_name = ? AND m.sql IS NOT NULL ORDER BY m.rowid",
                row -> new Index(row.getString(1), table, row.getBoolean(3), List.of(), row.getString(2)),
                table.name(), table.name());
    }

    /**
     * The views, each with its whole CREATE VIEW statement as written (column list included) in place of a query, and
     * the views it names: a view depends on each other view whose name, quoted or as a whole word, appears in its
     * text (a false match only changes the order of views that do not depend on each other).
     */
    List<View> views() throws SQLException {
        Map<String, String> statements = new LinkedHashMap<>();
        CatalogQuery.forEach(connection, "SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY name",
                row -> statements.put(row.getString(1), row.getString(2)));
        List<View> views = new ArrayList<>();
        statements.forEach((name, sql) -> {
            Set<QualifiedName> reads = new HashSet<>();
            for (String other : statements.keySet()) {
                if (!other.equals(name) && mentions(sql, other)) {
                    reads.add(new QualifiedName(null, other));
                }
            }
            views.add(new View(new QualifiedName(null, name), sql, false, reads));
        });
        return views;
    }

    private static boolean mentions(String sql, String name) {
        String quoted = "(\"" + Pattern.quote(name.replace("\"", "\"\"")) + "\"|`" + Pattern.quote(name) + "`|\\["
                + Pattern.quote(name) + "]|'" + Pattern.quote(name.replace("'", "''")) + "')";
        String word = "(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])";
        return Pattern.compile(quoted + "|" + word, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(sql).find();
    }

    /** The triggers' CREATE statements as written, in the order they were made (which decides their firing order). */
    List<String> triggers() throws SQLException {
        return CatalogQuery.list(connection, "SELECT sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid",
                row -> row.getString(1));
    }

    /**
     * The settings an application keeps in the database file's header, as PRAGMA statements: {@code user_version}
     * (the schema version many applications and migration tools keep there) and {@code application_id}; those that
     * are 0, SQLite's default, left out.
     */
    List<String> headerSettings() throws SQLException {
        List<String> settings = new ArrayList<>();
        for (String pragma : List.of("user_version", "application_id")) {
            String value = string("SELECT * FROM pragma_" + pragma);
            if (value != null && !value.equals("0")) {
                settings.add("PRAGMA " + pragma + " = " + value);
            }
        }
        return settings;
    }

    /** The databases attached to the connection besides {@code main} and {@code temp}. */
    List<String> attachedDatabases() throws SQLException {
        return CatalogQuery.list(connection,
                "SELECT name FROM pragma_database_list WHERE name NOT IN ('main', 'temp') ORDER BY seq",
                row -> row.getString(1));
    }

    /** The first column of the first row of {@code sql}, or null where there is no row (or the value is NULL). */
    private String string(String sql, String... parameters) throws SQLException {
        return CatalogQuery.first(connection, sql, row -> row.getString(1), (Object[]) parameters).orElse(null);
    }
}
