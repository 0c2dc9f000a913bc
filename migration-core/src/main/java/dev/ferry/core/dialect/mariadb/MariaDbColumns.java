package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A table's columns as information_schema.COLUMNS describes them ({@link MariaDbDialect#columns} says what the
 * driver leaves out): each column's whole type with its character set, collation and attributes, its default, its
 * column-level CHECK and its generation clause.
 */
final class MariaDbColumns {
    private static final String COLUMNS = "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,"
            + " CHARACTER_SET_NAME, COLLATION_NAME, IS_GENERATED, COLUMN_COMMENT, GENERATION_EXPRESSION"
            + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?"
            + " ORDER BY ORDINAL_POSITION";

    private final Connection connection;
    private final Dialect dialect;
    private final QualifiedName table;
    private final Map<String, Column> reported = new HashMap<>();
    private final Map<String, MariaDbCheck> checks;
    /** The database to leave out of defaults, or null to keep it. */
    private final String database;

    private MariaDbColumns(Connection connection, Dialect dialect, QualifiedName table, List<Column> reported)
            throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.table = table;
        for (Column column : reported) {
            this.reported.put(column.name(), column);
        }
        this.checks = MariaDbCheck.of(connection, table);
        // MariaDB writes a sequence's database into a default: nextval(`db`.`seq`). It is left out where the scripts
        // name no database; where they do (a scope of named databases), it stays, naming the same database there.
        this.database = table.schema() == null ? connection.getCatalog() : null;
    }

    /**
     * The table's columns in order.
     *
     * @param dialect  reads the identity of an AUTO_INCREMENT column
     * @param reported the driver's columns, of which only the JDBC type, size and scale are kept
     */
    static List<Column> of(Connection connection, Dialect dialect, QualifiedName table, List<Column> reported)
            throws SQLException {
        MariaDbColumns columns = new MariaDbColumns(connection, dialect, table, reported);
        return CatalogQuery.list(connection, COLUMNS, columns::column, table.schema(), table.name());
    }

    private Column column(ResultSet row) throws SQLException {
        String name = row.getString(1);
        String extra = row.getString(5).toLowerCase(Locale.ROOT);
        boolean generated = "ALWAYS".equalsIgnoreCase(row.getString(8));
        MariaDbCheck check = checks.get(name);
        boolean json = check != null && check.isJson();
        String attributes = attributes(row, extra);
        // SHOW CREATE TABLE's order: type, GENERATED ALWAYS AS (...) VIRTUAL|STORED, INVISIBLE, COMMENT.
        String generation = generated ? "GENERATED ALWAYS AS (" + row.getString(10) + ") "
                + (extra.contains("stored") || extra.contains("persistent") ? "STORED" : "VIRTUAL")
                + attributes : null;
        String type = (json ? "json" : declaredType(row)) + (generated ? "" : attributes);
        Column described = reported.get(name);
        boolean autoIncrement = extra.contains("auto_increment");
        String defaultExpression = row.getString(4);
        return new Column(name, type,
                described == null ? Types.OTHER : described.jdbcType(),
                described == null ? 0 : described.size(),
                described == null ? 0 : described.scale(),
                "YES".equals(row.getString(3)),
                generated || autoIncrement || defaultExpression == null ? null
                        : MariaDbSqlText.withoutDatabase(defaultExpression, database),
                autoIncrement ? dialect.identity(connection, table, name) : null, null,
                check != null && check.columnLevel() && !json ? "CHECK (" + check.clause() + ")" : null,
                generation);
    }

    /** COLUMN_TYPE, with the column's character set and collation where it has them. */
    private static String declaredType(ResultSet row) throws SQLException {
        StringBuilder type = new StringBuilder().append(row.getString(2));
        if (row.getString(6) != null) {
            type.append(" CHARACTER SET ").append(row.getString(6)).append(" COLLATE ").append(row.getString(7));
        }
        return type.toString();
    }

    /** What MariaDB keeps beside the type: {@code ON UPDATE ...}, {@code INVISIBLE}, {@code COMMENT '...'}. */
    private static String attributes(ResultSet row, String extra) throws SQLException {
        StringBuilder attributes = new StringBuilder();
        int onUpdate = extra.indexOf("on update ");
        if (onUpdate >= 0) {
            attributes.append(" ON UPDATE ").append(row.getString(5).substring(onUpdate + "on update ".length())
                    .split("[ ,]", 2)[0]); // EXTRA: "on update current_timestamp(), INVISIBLE"
        }
        if (extra.contains("invisible")) {
            attributes.append(" INVISIBLE");
        }
        String comment = row.getString(9);
        if (comment != null && !comment.isEmpty()) {
            attributes.append(" COMMENT ").append(MariaDbSqlText.stringLiteral(comment));
        }
        return attributes.toString();
    }
}
