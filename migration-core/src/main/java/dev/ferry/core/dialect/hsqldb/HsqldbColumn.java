package dev.ferry.core.dialect.hsqldb;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A table column as HSQLDB's INFORMATION_SCHEMA.COLUMNS describes it, beyond what its driver's
 * {@code getColumns} reports (which gives no fractional-second digits and names a distinct type's column by the
 * type's name).
 *
 * @param declared           DTD_IDENTIFIER: the type as HSQLDB declares it, with lengths, precisions and array
 *                           bounds ({@code DECIMAL(38,10)}, {@code TIME(3) WITH TIME ZONE}, {@code VARCHAR(20)
 *                           ARRAY[5]}); a domain's or distinct type's column has the underlying type
 * @param fraction           DATETIME_PRECISION: fractional-second digits of temporal types, -1 for other types
 * @param nullable           IS_NULLABLE: whether the column was declared without NOT NULL (a primary key's column
 *                           declared so is, where the driver's getColumns says it is not)
 * @param collation          the column's collation, or null for none or the standard SQL_TEXT
 * @param userType           the domain or distinct type the column is declared with, or null
 * @param identityGeneration {@code ALWAYS} or {@code BY DEFAULT} for an identity column, else null
 * @param identityStart      the identity's start value (null for other columns)
 * @param identityIncrement  the identity's increment (null for other columns)
 */
record HsqldbColumn(QualifiedName table, String name, String declared, int fraction, boolean nullable,
                    QualifiedName collation, QualifiedName userType, String identityGeneration, Long identityStart,
                    Long identityIncrement) {

    private static final String SELECT = "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, DTD_IDENTIFIER,"
            + " DATETIME_PRECISION, COLLATION_SCHEMA, COLLATION_NAME, COALESCE(DOMAIN_SCHEMA, UDT_SCHEMA),"
            + " COALESCE(DOMAIN_NAME, UDT_NAME), IDENTITY_GENERATION, IDENTITY_START, IDENTITY_INCREMENT,"
            + " IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS";

    /** The columns of one table, in order. */
    static List<HsqldbColumn> of(Connection connection, QualifiedName table) throws SQLException {
        return CatalogQuery.list(connection,
                SELECT + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION", HsqldbColumn::read,
                table.schema(), table.name());
    }

    /** The columns of every base table of the database, system schemas included. */
    static List<HsqldbColumn> ofAllTables(Connection connection) throws SQLException {
        return CatalogQuery.list(connection, SELECT + " c WHERE EXISTS (SELECT 1 FROM"
                + " INFORMATION_SCHEMA.TABLES t WHERE t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                + " AND t.TABLE_TYPE = 'BASE TABLE') ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION",
                HsqldbColumn::read);
    }

    /** The column one row of {@link #SELECT} describes. */
    private static HsqldbColumn read(ResultSet row) throws SQLException {
        int fraction = row.getInt(5);
        if (row.wasNull()) {
            fraction = -1;
        }
        String collation = row.getString(7);
        String userType = row.getString(9);
        String start = row.getString(11);
        String increment = row.getString(12);
        return new HsqldbColumn(new QualifiedName(row.getString(1), row.getString(2)),
                row.getString(3), row.getString(4), fraction, "YES".equals(row.getString(13)),
                collation == null || collation.equals("SQL_TEXT") ? null
                        : new QualifiedName(row.getString(6), collation),
                userType == null ? null : new QualifiedName(row.getString(8), userType), row.getString(10),
                start == null ? null : Long.valueOf(start), increment == null ? null : Long.valueOf(increment));
    }
}
