package dev.ferry.core.dialect.sqlite;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.ForeignKey;
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
     * included), in the order they were made; those SQLite made for keys (which have no statement) left out. A plain
     * index (columns alone, each with its order, whatever quotes its names: {@code "x"}, {@code `x`}, {@code [x]}) also
     * has its columns, as {@code PRAGMA index_xinfo} names them, by which other engines create it; one that is more
     * (an expression, a WHERE, a COLLATE) has its statement alone.
     */
    List<Index> indexes(QualifiedName table) throws SQLException {
        record Found(String name, String sql, boolean unique, boolean partial) {
        }
        List<Found> found = CatalogQuery.list(connection,
                "SELECT m.name, m.sql, l.\"unique\", l.partial FROM sqlite_master m JOIN pragma_index_list(?) l"
                        + " ON l.name = m.name WHERE m.type = 'index' AND m.tbl_name = ? AND m.sql IS NOT NULL"
                        + " ORDER BY m.rowid",
                row -> new Found(row.getString(1), row.getString(2), row.getBoolean(3), row.getBoolean(4)),
                table.name(), table.name());
        List<Index> indexes = new ArrayList<>();
        for (Found index : found) {
            List<Index.IndexColumn> columns = new ArrayList<>();
            boolean[] plain = {!index.partial() && !SqliteTableText.hasWord(index.sql(), "COLLATE")};
            CatalogQuery.forEach(connection,
                    "SELECT cid, name, \"desc\" FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno",
                    row -> {
                        plain[0] &= row.getInt(1) >= 0 && row.getString(2) != null;
                        columns.add(new Index.IndexColumn(row.getString(2), row.getBoolean(3)));
                    }, index.name());
            indexes.add(new Index(index.name(), table, index.unique(), plain[0] ? columns : List.of(), index.sql()));
        }
        return indexes;
    }

    /**
     * The table's foreign keys as {@code PRAGMA foreign_key_list} reports them, one key for each of its ids (a
     * composite key has one row for each column), in the order declared: the referencing and referenced columns in
     * key order, the referenced primary key's where the key names no columns, the actions, and the name from the
     * CREATE TABLE text, null where the key has none. Tables and columns are named as they were created, whatever case
     * the key writes them in.
     */
    List<ForeignKey> foreignKeys(QualifiedName table) throws SQLException {
        List<KeyRow> rows = CatalogQuery.list(connection,
                "SELECT id, \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list(?)"
                        + " ORDER BY id DESC, seq",
                row -> new KeyRow(row.getInt(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        row.getString(6)), table.name());
        Map<Integer, List<KeyRow>> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.computeIfAbsent(row.id(), id -> new ArrayList<>()).add(row));
        List<SqliteTableText.ForeignKeyText> declared = new ArrayList<>(SqliteTableText.of(tableSql(table.name()))
                .foreignKeys());
        List<ForeignKey> keys = new ArrayList<>();
        for (List<KeyRow> key : byId.values()) {
            KeyRow first = key.get(0);
            String referenced = tableName(first.referenced());
            List<String> columns = new ArrayList<>();
            List<String> referencedColumns = new ArrayList<>();
            List<String> primaryKey = key.stream().anyMatch(row -> row.to() == null) ? primaryKey(referenced) : List.of();
            for (int i = 0; i < key.size(); i++) {
                columns.add(columnName(table.name(), key.get(i).from()));
                referencedColumns.add(key.get(i).to() != null ? columnName(referenced, key.get(i).to())
                        : i < primaryKey.size() ? primaryKey.get(i) : key.get(i).from());
            }
            String name = null;
            for (SqliteTableText.ForeignKeyText text : declared) {
                if (text.referenced().equalsIgnoreCase(first.referenced()) && sameNames(text.columns(), key)) {
                    name = text.name();
                    declared.remove(text);
                    break;
                }
            }
            keys.add(new ForeignKey(name, table, columns, new QualifiedName(table.schema(), referenced),
                    referencedColumns, first.onUpdate(), first.onDelete()));
        }
        return keys;
    }

    /** One row of {@code PRAGMA foreign_key_list}: one column of a key. */
    private record KeyRow(int id, String referenced, String from, String to, String onUpdate, String onDelete) {
    }

    private static boolean sameNames(List<String> written, List<KeyRow> key) {
        if (written.size() != key.size()) {
            return false;
        }
        for (int i = 0; i < written.size(); i++) {
            if (!written.get(i).equalsIgnoreCase(key.get(i).from())) {
                return false;
            }
        }
        return true;
    }

    /** The table's name as it was created, for a name a foreign key writes in any case; as written where none is. */
    private String tableName(String written) throws SQLException {
        String name = string("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE",
                written);
        return name != null ? name : written;
    }

    /** The column's name as it was created, for a name written in any case; as written where there is none. */
    private String columnName(String table, String written) throws SQLException {
        String name = string("SELECT name FROM pragma_table_xinfo(?) WHERE name = ? COLLATE NOCASE", table, written);
        return name != null ? name : written;
    }

    /** The table's primary key columns in key order. */
    private List<String> primaryKey(String table) throws SQLException {
        return CatalogQuery.list(connection, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk",
                row -> row.getString(1), table);
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
