package dev.ferry.core.dialect.h2;

import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table column as H2 1.4.200's INFORMATION_SCHEMA.COLUMNS describes it.
 *
 * @param check    the column's own CHECK condition (1.4.200 keeps column checks, and those of its domain, with the
 *                 column rather than as constraints of the table), or null
 * @param sequence the system sequence behind an identity (AUTO_INCREMENT) column, in the table's schema, or null
 * @param domain   the domain the column was declared with, or null
 * @param onUpdate the ON UPDATE expression, or null
 */
record H2LegacyColumn(QualifiedName table, String name, H2LegacyType type, boolean visible, String check,
                      String sequence, String domain, String onUpdate) {

    private static final String SELECT = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, TYPE_NAME, COLUMN_TYPE,"
            + " CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, IS_VISIBLE, CHECK_CONSTRAINT,"
            + " SEQUENCE_NAME, DOMAIN_NAME, COLUMN_ON_UPDATE FROM INFORMATION_SCHEMA.COLUMNS";

    /** The columns of one table, in order. */
    static List<H2LegacyColumn> of(Connection connection, QualifiedName table) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                SELECT + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            statement.setString(1, table.schema());
            statement.setString(2, table.name());
            return read(statement);
        }
    }

    /** The columns of every base table, system schemas included. */
    static List<H2LegacyColumn> ofAllTables(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SELECT + " c WHERE EXISTS (SELECT 1 FROM"
                + " INFORMATION_SCHEMA.TABLES t WHERE t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                + " AND t.TABLE_TYPE = 'TABLE') ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION")) {
            return read(statement);
        }
    }

    private static List<H2LegacyColumn> read(PreparedStatement statement) throws SQLException {
        List<H2LegacyColumn> columns = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                H2LegacyType type = new H2LegacyType(rows.getString(4), rows.getString(5), rows.getLong(6),
                        rows.getLong(7), rows.getInt(8));
                columns.add(new H2LegacyColumn(new QualifiedName(rows.getString(1), rows.getString(2)),
                        rows.getString(3), type, !"FALSE".equalsIgnoreCase(rows.getString(9)),
                        emptyAsNull(rows.getString(10)), emptyAsNull(rows.getString(11)),
                        emptyAsNull(rows.getString(12)), emptyAsNull(rows.getString(13))));
            }
        }
        return columns;
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The type as H2 2.x declares it, with INVISIBLE where the column is hidden from {@code SELECT *}. */
    String declaredType() {
        return type.declaration() + (visible ? "" : " INVISIBLE");
    }
}
