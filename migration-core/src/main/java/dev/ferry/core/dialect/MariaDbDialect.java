package dev.ferry.core.dialect;

import dev.ferry.core.schema.CheckConstraint;
import dev.ferry.core.schema.Column;
import dev.ferry.core.schema.Comment;
import dev.ferry.core.schema.Identity;
import dev.ferry.core.schema.Index;
import dev.ferry.core.schema.KeyConstraint;
import dev.ferry.core.schema.QualifiedName;
import dev.ferry.core.schema.Sequence;
import dev.ferry.core.schema.Table;
import dev.ferry.core.schema.View;
import dev.ferry.core.value.ValueKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MariaDB 10.3 and later, through MariaDB Connector/J.
 *
 * <p>MariaDB's "schema" is a database, and Connector/J reports databases as catalogs with a null schema. An export
 * takes the connection's current database only ({@link java.sql.Connection#getCatalog()}), and its tables are named
 * without a database ({@link QualifiedName} with a null schema), so the scripts load into whatever database the
 * importing connection uses.
 *
 * <p>What the standard answers already get right here: system schemas ({@code information_schema}, {@code mysql},
 * {@code performance_schema}, {@code sys}), the {@code TABLE} relation type, DDL that is not transactional (each
 * statement commits) and plain {@code INSERT ... VALUES (?, ...)}, which takes explicit AUTO_INCREMENT values.
 */
public class MariaDbDialect extends StandardDialect {
    /**
     * The session an export or import runs in: UTC, so that TIMESTAMP values are written and read back as the same
     * instants whatever the client's zone (and no daylight-saving hour is ambiguous); a fixed SQL mode so that the
     * scripts mean the same on every server: backslash escapes as MariaDB writes its defaults, zero and invalid dates
     * as the source may hold them, explicit 0 in an AUTO_INCREMENT column kept, and errors rather than silent
     * truncation.
     */
    private static final String SESSION_TIME_ZONE = "+00:00";
    private static final String SESSION_SQL_MODE = "STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,ALLOW_INVALID_DATES";

    @Override
    public String name() {
        return "mariadb";
    }

    /**
     * MariaDB Connector/J names the product MariaDB. (MySQL Connector/J calls a MariaDB server MySQL, and needs
     * another fetch size to stream and names types otherwise: it is not taken for this dialect until it is tested.)
     */
    @Override
    public boolean supports(DatabaseMetaData metaData) throws SQLException {
        return "MariaDB".equalsIgnoreCase(metaData.getDatabaseProductName());
    }

    /** MariaDB quotes identifiers with backticks (double quotes are string literals unless ANSI_QUOTES is set). */
    @Override
    public String quoteIdentifier(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /**
     * Connector/J's types say too little or too much here. BOOLEAN is TINYINT(1), which holds -128..127; BIT(1) is a
     * boolean but BIT(n) a bit string; BIGINT UNSIGNED goes up to 2^64-1, beyond a long; YEAR is reported as a DATE.
     * FLOAT is selected as DOUBLE (see {@link #selectColumn}) and carried as the double that holds it exactly.
     * Temporal values are carried as the server's text: TIME is an interval of ±838 hours, not a time of day, and
     * dates may be zero ({@code 0000-00-00}), partly zero or invalid where the SQL mode allows, which
     * {@code java.time} cannot hold (Connector/J returns null for zero dates and wraps TIME at 24 hours, silently).
     */
    @Override
    public ValueKind valueKind(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        switch (baseType(name)) {
            case "BOOLEAN", "TINYINT", "YEAR":
                return ValueKind.INTEGER;
            case "BIGINT":
                return name.contains("UNSIGNED") ? ValueKind.DECIMAL : ValueKind.BIGINT;
            case "BIT":
                return jdbcType == Types.BOOLEAN || name.equals("BIT(1)") ? ValueKind.BOOLEAN : ValueKind.BINARY;
            case "FLOAT":
                return ValueKind.DOUBLE;
            case "DATE", "DATETIME", "TIMESTAMP", "TIME", "INET4", "INET6":
                return ValueKind.STRING;
            default:
                return super.valueKind(jdbcType, typeName);
        }
    }

    /**
     * Connector/J reads rows as the server's text, where FLOAT has only six significant digits (16777216 arrives as
     * 16777200), and it fails on the text of a DATETIME whose day or month is zero. FLOAT is therefore read as the
     * DOUBLE that holds it exactly, DATETIME and TIMESTAMP as text.
     */
    @Override
    public String selectColumn(String column, int jdbcType, String typeName) {
        String quoted = quoteIdentifier(column);
        return switch (baseType(typeName == null ? "" : typeName.toUpperCase(Locale.ROOT))) {
            case "FLOAT" -> "CAST(" + quoted + " AS DOUBLE) AS " + quoted;
            case "DATETIME", "TIMESTAMP" -> "CAST(" + quoted + " AS CHAR) AS " + quoted;
            default -> quoted;
        };
    }

    /**
     * Connector/J streams with any fetch size above 0, and holds that many rows in memory; a MariaDB row may be as
     * large as max_allowed_packet (up to 1 GB), so the standard 1,000 rows of 4 MB already overflow a 64 MB heap. One
     * row at a time keeps memory flat; measured on 1,000,000 narrow rows it reads as fast as 1,000 at a time.
     */
    @Override
    public PreparedStatement streamingQuery(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = super.streamingQuery(connection, sql);
        statement.setFetchSize(1);
        return statement;
    }

    /**
     * The driver reports neither ENUM and SET labels, nor unsigned DECIMAL, nor fractional seconds, nor a column's
     * character set, nor JSON (a LONGTEXT with a JSON_VALID check). {@code information_schema.COLUMNS} has them all:
     * each column's type becomes its COLUMN_TYPE with character set and collation, {@code json} for JSON, and what
     * MariaDB keeps beside the type ({@code ON UPDATE ...}, {@code INVISIBLE}). Generated columns are left out (their
     * values cannot be inserted; {@link #notCarried} names them). Only the driver's JDBC type, size and scale are kept:
     * its table name is a LIKE pattern, so for {@code t_1} it also reports the columns of a table {@code tx1}.
     */
    @Override
    public List<Column> columns(Connection connection, QualifiedName table, List<Column> reported)
            throws SQLException {
        Map<String, Column> byName = new HashMap<>();
        for (Column column : reported) {
            byName.put(column.name(), column);
        }
        Set<String> json = jsonColumns(connection, table);
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, CHARACTER_SET_NAME, COLLATION_NAME,"
                        + " IS_GENERATED FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?"
                        + " ORDER BY ORDINAL_POSITION")) {
            statement.setString(1, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    String extra = rows.getString(5).toLowerCase(Locale.ROOT);
                    if ("ALWAYS".equalsIgnoreCase(rows.getString(8))) {
                        continue;
                    }
                    StringBuilder type = new StringBuilder();
                    if (json.contains(name)) {
                        type.append("json");
                    } else {
                        type.append(rows.getString(2));
                        if (rows.getString(6) != null) {
                            type.append(" CHARACTER SET ").append(rows.getString(6))
                                    .append(" COLLATE ").append(rows.getString(7));
                        }
                    }
                    int onUpdate = extra.indexOf("on update ");
                    if (onUpdate >= 0) {
                        type.append(" ON UPDATE ").append(rows.getString(5).substring(onUpdate + "on update ".length())
                                .split("[ ,]", 2)[0]); // EXTRA: "on update current_timestamp(), INVISIBLE"
                    }
                    if (extra.contains("invisible")) {
                        type.append(" INVISIBLE");
                    }
                    Column described = byName.get(name);
                    boolean autoIncrement = extra.contains("auto_increment");
                    columns.add(new Column(name, type.toString(),
                            described == null ? Types.OTHER : described.jdbcType(),
                            described == null ? 0 : described.size(),
                            described == null ? 0 : described.scale(),
                            "YES".equals(rows.getString(3)),
                            autoIncrement ? null : rows.getString(4),
                            autoIncrement ? identity(connection, table, name) : null, null));
                }
            }
        }
        return columns;
    }

    /** The LONGTEXT columns that are JSON: MariaDB keeps JSON as a column CHECK (JSON_VALID(`column`)) named after it. */
    private Set<String> jsonColumns(Connection connection, QualifiedName table) throws SQLException {
        Set<String> columns = new HashSet<>();
        for (Map.Entry<String, String> check : checks(connection, table).entrySet()) {
            if (isJsonCheck(check.getKey(), check.getValue())) {
                columns.add(check.getKey());
            }
        }
        return columns;
    }

    private boolean isJsonCheck(String name, String clause) {
        return clause.equalsIgnoreCase("json_valid(" + quoteIdentifier(name) + ")");
    }

    /** The table's CHECK constraints: name to clause. */
    private static Map<String, String> checks(Connection connection, QualifiedName table) throws SQLException {
        Map<String, String> checks = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                        + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY CONSTRAINT_NAME")) {
            statement.setString(1, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    checks.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return checks;
    }

    /**
     * The type as {@link #columns} describes it. A nullable TIMESTAMP says NULL: where explicit_defaults_for_timestamp
     * is off, MariaDB makes a TIMESTAMP column without it NOT NULL DEFAULT CURRENT_TIMESTAMP.
     */
    @Override
    public String columnType(Column column) {
        String type = column.typeName();
        return column.nullable() && baseType(type.toUpperCase(Locale.ROOT)).equals("TIMESTAMP") ? type + " NULL" : type;
    }

    /** MariaDB keeps the next AUTO_INCREMENT value per table, in information_schema.TABLES. */
    @Override
    public Identity identity(Connection connection, QualifiedName table, String column) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            statement.setString(1, table.name());
            try (ResultSet rows = statement.executeQuery()) {
                long next = rows.next() ? rows.getLong(1) : 0;
                return new Identity(false, 1, 1, next > 0 ? next : 1);
            }
        }
    }

    /** An AUTO_INCREMENT column is declared so; it always takes explicit values too. */
    @Override
    public String identityClause(Identity identity) {
        return "AUTO_INCREMENT";
    }

    /** MariaDB sets a table's next AUTO_INCREMENT value as a table option. */
    @Override
    public String restartIdentity(QualifiedName table, String column, Identity identity) {
        return "ALTER TABLE " + quote(table) + " AUTO_INCREMENT = " + identity.next();
    }

    /**
     * MariaDB's unique constraints are its unique indexes, in the current database (the standard query asks for a
     * schema, which MariaDB tables do not have). Those with a descending column or a prefix length are left to the
     * indexes: CREATE TABLE's UNIQUE (columns) can say neither.
     */
    @Override
    public List<KeyConstraint> uniqueKeys(Connection connection, QualifiedName table) throws SQLException {
        List<KeyConstraint> keys = new ArrayList<>();
        for (IndexPart.Index index : IndexPart.indexes(connection, table).values()) {
            if (index.unique() && !index.name().equals("PRIMARY") && index.plain()
                    && index.parts().stream().noneMatch(p -> p.descending() || p.prefix() > 0)) {
                keys.add(new KeyConstraint(index.name(), index.parts().stream().map(IndexPart::column).toList()));
            }
        }
        return keys;
    }

    /**
     * Indexes not to export as plain indexes: the primary key's and the unique constraints' (created with the table),
     * and those the index model cannot describe yet (FULLTEXT, SPATIAL), named by {@link #notCarried}.
     */
    @Override
    public Set<String> keyIndexNames(Connection connection, QualifiedName table) throws SQLException {
        Set<String> names = new HashSet<>();
        names.add("PRIMARY");
        for (KeyConstraint key : uniqueKeys(connection, table)) {
            names.add(key.name());
        }
        for (IndexPart.Index index : IndexPart.indexes(connection, table).values()) {
            if (!index.plain()) {
                names.add(index.name());
            }
        }
        return names;
    }

    /** The driver does not report prefix lengths ({@code KEY (title(10))}); information_schema.STATISTICS does. */
    @Override
    public List<Index> indexes(Connection connection, Table table, List<Index> reported) throws SQLException {
        Map<String, IndexPart.Index> described = IndexPart.indexes(connection, table.name());
        List<Index> indexes = new ArrayList<>();
        for (Index index : reported) {
            IndexPart.Index parts = described.get(index.name());
            if (parts == null || parts.parts().size() != index.columns().size()) {
                indexes.add(index);
                continue;
            }
            List<Index.IndexColumn> columns = new ArrayList<>();
            for (int i = 0; i < parts.parts().size(); i++) {
                Index.IndexColumn column = index.columns().get(i);
                columns.add(new Index.IndexColumn(column.name(), column.descending(), parts.parts().get(i).prefix()));
            }
            indexes.add(new Index(index.name(), index.table(), index.unique(), columns, null));
        }
        return indexes;
    }

    /**
     * None carried yet: MariaDB's column-level and table-level checks differ in its catalog, and recreating them is
     * not tested; {@link #notCarried} names each (except those that make a column JSON, carried as its type).
     */
    @Override
    public List<CheckConstraint> checkConstraints(Connection connection, QualifiedName table) throws SQLException {
        return List.of();
    }

    /**
     * None carried yet: MariaDB's sequences (10.3+, tables of type SEQUENCE, no information_schema.SEQUENCES) are
     * named by {@link #notCarried}.
     */
    @Override
    public List<Sequence> sequences(Connection connection) throws SQLException {
        return List.of();
    }

    /** None carried yet: MariaDB's view definitions name the source database; {@link #notCarried} names each. */
    @Override
    public List<View> views(Connection connection) throws SQLException {
        return List.of();
    }

    /** None carried yet (MariaDB has no COMMENT ON); {@link dev.ferry.core.schema.SchemaReader} warns about each. */
    @Override
    public String comment(Comment comment) {
        return null;
    }

    /**
     * What MariaDB has beyond tables, views and sequences, and what of its tables the export leaves out: routines,
     * triggers, events, generated columns, system versioning, partitioning, engines other than InnoDB, FULLTEXT and
     * SPATIAL indexes, primary keys on prefixes, and characters the catalog cannot show.
     */
    @Override
    public List<String> notCarried(Connection connection) throws SQLException {
        List<String> warnings = new ArrayList<>();
        query(connection, "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_TYPE IN ('VIEW', 'SEQUENCE') ORDER BY 1", row -> warnings.add(
                capitalized(row.getString(2)) + " " + row.getString(1) + " is not exported ("
                        + row.getString(2).toLowerCase(Locale.ROOT) + "s are not carried yet for MariaDB)"));
        query(connection, "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY 1, 2", row -> {
                    if (!isJsonCheck(row.getString(2), row.getString(3))) {
                        warnings.add("CHECK constraint " + row.getString(2) + " on " + row.getString(1)
                                + " is not exported (not carried yet for MariaDB)");
                    }
                });
        query(connection, "SELECT ROUTINE_TYPE, ROUTINE_NAME FROM information_schema.ROUTINES"
                + " WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY 2", row -> warnings.add(
                capitalized(row.getString(1)) + " " + row.getString(2)
                        + " is not exported (procedures and functions are not carried yet)"));
        query(connection, "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS"
                + " WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY 1", row -> warnings.add(
                "Trigger " + row.getString(1) + " on " + row.getString(2) + " is not exported (triggers are not carried yet)"));
        query(connection, "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE() ORDER BY 1",
                row -> warnings.add("Event " + row.getString(1) + " is not exported (events are not carried)"));
        query(connection, "SELECT TABLE_NAME, COLUMN_NAME, GENERATION_EXPRESSION FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND IS_GENERATED = 'ALWAYS' ORDER BY 1, ORDINAL_POSITION",
                row -> warnings.add("Generated column " + row.getString(1) + "." + row.getString(2) + " AS ("
                        + row.getString(3) + ") is not exported (generated columns are not carried yet)"));
        query(connection, "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND (DATA_TYPE IN ('enum', 'set') AND COLUMN_TYPE LIKE '%?%' OR COLUMN_DEFAULT LIKE '%?%')"
                + " ORDER BY 1, ORDINAL_POSITION",
                row -> warnings.add("Column " + row.getString(1) + "." + row.getString(2) + " has '?' in its default"
                        + " or labels as MariaDB's catalog shows them; where that stands for a character beyond the"
                        + " Basic Multilingual Plane (such as an emoji), which the catalog cannot show, it is exported"
                        + " as '?'"));
        query(connection, "SELECT TABLE_NAME, TABLE_TYPE, ENGINE, CREATE_OPTIONS FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') ORDER BY 1",
                row -> {
                    String name = row.getString(1);
                    if ("SYSTEM VERSIONED".equals(row.getString(2))) {
                        warnings.add("Table " + name + " is exported as a plain table: its system versioning and"
                                + " history rows are not carried");
                    }
                    if (row.getString(3) != null && !"InnoDB".equalsIgnoreCase(row.getString(3))) {
                        warnings.add("Table " + name + " uses engine " + row.getString(3)
                                + "; it is created with the target's default engine");
                    }
                    String options = row.getString(4);
                    if (options != null && options.toLowerCase(Locale.ROOT).contains("partitioned")) {
                        warnings.add("Table " + name + " is partitioned; it is created without partitions");
                    }
                });
        query(connection, "SELECT TABLE_NAME, INDEX_NAME, INDEX_TYPE, GROUP_CONCAT(CONCAT(COLUMN_NAME,"
                + " COALESCE(CONCAT('(', SUB_PART, ')'), '')) ORDER BY SEQ_IN_INDEX SEPARATOR ', ')"
                + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                + " GROUP BY TABLE_NAME, INDEX_NAME, INDEX_TYPE"
                + " HAVING INDEX_TYPE IN ('FULLTEXT', 'SPATIAL') ORDER BY 1, 2",
                row -> warnings.add(row.getString(3) + " index " + row.getString(2) + " on " + row.getString(1)
                        + " (" + row.getString(4) + ") is not exported (such indexes are not carried yet)"));
        query(connection, "SELECT c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c"
                + " WHERE c.TABLE_SCHEMA = DATABASE() AND c.EXTRA LIKE '%auto_increment%' AND NOT EXISTS (SELECT 1"
                + " FROM information_schema.STATISTICS s WHERE s.TABLE_SCHEMA = c.TABLE_SCHEMA"
                + " AND s.TABLE_NAME = c.TABLE_NAME AND s.COLUMN_NAME = c.COLUMN_NAME AND s.SEQ_IN_INDEX = 1"
                + " AND s.NON_UNIQUE = 0 AND NOT EXISTS (SELECT 1 FROM information_schema.STATISTICS p"
                + " WHERE p.TABLE_SCHEMA = s.TABLE_SCHEMA AND p.TABLE_NAME = s.TABLE_NAME AND p.INDEX_NAME = s.INDEX_NAME"
                + " AND (p.SUB_PART IS NOT NULL OR p.COLLATION = 'D'))) ORDER BY 1",
                row -> warnings.add("AUTO_INCREMENT column " + row.getString(1) + "." + row.getString(2) + " leads"
                        + " no primary key or plain unique key, only indexes created after the data; MariaDB will"
                        + " refuse the table's CREATE TABLE on import (not carried yet)"));
        query(connection, "SELECT TABLE_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                + " AND INDEX_NAME = 'PRIMARY' AND SUB_PART IS NOT NULL GROUP BY TABLE_NAME ORDER BY 1",
                row -> warnings.add("The primary key of " + row.getString(1) + " indexes prefixes of its columns;"
                        + " it is exported on the whole columns"));
        return warnings;
    }

    /**
     * A fixed time zone and SQL mode for the export or import (see {@link #SESSION_SQL_MODE}); the session's own are
     * put back afterwards. A session without a current database is refused: Connector/J would then list the tables of
     * every database, the server's own included, each without its database.
     */
    @Override
    public SessionSettings prepareSession(Connection connection) throws SQLException {
        String timeZone;
        String sqlMode;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT @@session.time_zone, @@session.sql_mode, DATABASE()")) {
            row.next();
            timeZone = row.getString(1);
            sqlMode = row.getString(2);
            if (row.getString(3) == null) {
                throw new SQLException("Ferry exports and imports one MariaDB database, the connection's current database,"
                        + " and this connection has none: name a database in the URL or run USE <database> first",
                        "42000");
            }
        }
        set(connection, SESSION_TIME_ZONE, SESSION_SQL_MODE);
        return () -> set(connection, timeZone, sqlMode);
    }

    private static void set(Connection connection, String timeZone, String sqlMode) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SET time_zone = ?, sql_mode = ?")) {
            statement.setString(1, timeZone);
            statement.setString(2, sqlMode);
            statement.execute();
        }
    }

    /**
     * Foreign keys would stop a table from being dropped before the tables that refer to it; SET STATEMENT turns
     * their checks off for this one statement only. (MariaDB takes CASCADE here but does nothing with it.)
     */
    @Override
    public String dropTable(QualifiedName table) {
        return "SET STATEMENT foreign_key_checks = 0 FOR DROP TABLE IF EXISTS " + quote(table);
    }

    /** A MariaDB schema is a database, and DROP DATABASE takes no CASCADE: it always drops what it holds. */
    @Override
    public String dropSchema(String schema) {
        return "DROP DATABASE IF EXISTS " + quoteIdentifier(schema);
    }

    /** The type's first word, upper case: {@code BIGINT} of {@code BIGINT(20) UNSIGNED}. */
    private static String baseType(String upperCaseType) {
        int end = 0;
        while (end < upperCaseType.length() && Character.isLetterOrDigit(upperCaseType.charAt(end))) {
            end++;
        }
        return upperCaseType.substring(0, end);
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : word.charAt(0) + word.substring(1).toLowerCase(Locale.ROOT);
    }

    private static void query(Connection connection, String sql, RowHandler handler) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                handler.row(rows);
            }
        }
    }

    private interface RowHandler {
        void row(ResultSet row) throws SQLException;
    }

    /**
     * One column of an index as information_schema.STATISTICS describes it.
     *
     * @param column     the column
     * @param descending whether it is sorted descending
     * @param prefix     the prefix length, or 0 for the whole value
     */
    private record IndexPart(String column, boolean descending, int prefix) {

        /** An index of the table. */
        record Index(String name, boolean unique, String type, List<IndexPart> parts) {
            /** Whether the index model describes it: a B-tree or hash index, not FULLTEXT or SPATIAL. */
            boolean plain() {
                return !type.equals("FULLTEXT") && !type.equals("SPATIAL");
            }
        }

        /** The table's indexes by name, their parts in order. */
        static Map<String, Index> indexes(Connection connection, QualifiedName table) throws SQLException {
            Map<String, Index> indexes = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT INDEX_NAME, NON_UNIQUE, INDEX_TYPE, COLUMN_NAME, COLLATION, SUB_PART"
                            + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?"
                            + " ORDER BY INDEX_NAME, SEQ_IN_INDEX")) {
                statement.setString(1, table.name());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String name = rows.getString(1);
                        boolean unique = rows.getInt(2) == 0;
                        String type = rows.getString(3);
                        indexes.computeIfAbsent(name, n -> new Index(n, unique, type, new ArrayList<>())).parts()
                                .add(new IndexPart(rows.getString(4), "D".equals(rows.getString(5)), rows.getInt(6)));
                    }
                }
            }
            return indexes;
        }
    }
}
