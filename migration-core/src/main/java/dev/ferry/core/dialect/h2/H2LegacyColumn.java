package dev.ferry.core.dialect.h2;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        return CatalogQuery.list(connection,
                SELECT + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", H2LegacyColumn::read,
                table.schema(), table.name());
    }

    /** The columns of every base table, system schemas included. */
    static List<H2LegacyColumn> ofAllTables(Connection connection) throws SQLException {
        return CatalogQuery.list(connection, SELECT + " c WHERE EXISTS (SELECT 1 FROM"
                + " INFORMATION_SCHEMA.TABLES t WHERE t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                + " AND t.TABLE_TYPE = 'TABLE') ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION",
                H2LegacyColumn::read);
    }

    /** The column one row of {@link #SELECT} describes. */
    private static H2LegacyColumn read(ResultSet row) throws SQLException {
        H2LegacyType type = new H2LegacyType(row.getString(4), row.getString(5), row.getLong(6), row.getLong(7),
                row.getInt(8));
        return new H2LegacyColumn(new QualifiedName(row.getString(1), row.getString(2)), row.getString(3), type,
                !"FALSE".equalsIgnoreCase(row.getString(9)), emptyAsNull(row.getString(10)),
                emptyAsNull(row.getString(11)), emptyAsNull(row.getString(12)), emptyAsNull(row.getString(13)));
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The type as H2 2.x declares it, with INVISIBLE where the column is hidden from {@code SELECT *}. */
    String declaredType() {
        return type.declaration() + (visible ? "" : " INVISIBLE");
    }
}
