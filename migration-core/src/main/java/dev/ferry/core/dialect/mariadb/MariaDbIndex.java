package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.model.schema.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An index of a table as information_schema.STATISTICS describes it, with what the driver does not report: prefix
 * lengths and FULLTEXT or SPATIAL types.
 *
 * @param name   the index's name ({@code PRIMARY} for the primary key)
 * @param unique whether it is unique
 * @param type   its INDEX_TYPE: BTREE, HASH, FULLTEXT or SPATIAL
 * @param parts  its columns, in order
 */
record MariaDbIndex(String name, boolean unique, String type, List<Part> parts) {

    /**
     * One column of an index.
     *
     * @param column     the column
     * @param descending whether it is sorted descending
     * @param prefix     the prefix length, or 0 for the whole value
     */
    record Part(String column, boolean descending, int prefix) {
    }

    /** The table's indexes by name, their parts in order. */
    static Map<String, MariaDbIndex> of(Connection connection, QualifiedName table) throws SQLException {
        Map<String, MariaDbIndex> indexes = new LinkedHashMap<>();
        CatalogQuery.forEach(connection, "SELECT INDEX_NAME, NON_UNIQUE, INDEX_TYPE, COLUMN_NAME, COLLATION, SUB_PART"
                + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = COALESCE(?, DATABASE())"
                + " AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX", row -> {
                    String name = row.getString(1);
                    boolean unique = row.getInt(2) == 0;
                    String type = row.getString(3);
                    indexes.computeIfAbsent(name, n -> new MariaDbIndex(n, unique, type, new ArrayList<>())).parts()
                            .add(new Part(row.getString(4), "D".equals(row.getString(5)), row.getInt(6)));
                }, table.schema(), table.name());
        return indexes;
    }

    /**
     * {@code CREATE FULLTEXT|SPATIAL INDEX name ON table (columns)}: the table in its database where it has one, else in
     * the current one.
     */
    String createStatement(QualifiedName table) {
        StringBuilder sql = new StringBuilder("CREATE ").append(type).append(" INDEX ").append(MariaDbSqlText.identifier(name))
                .append(" ON ");
        if (table.schema() != null) {
            sql.append(MariaDbSqlText.identifier(table.schema())).append('.');
        }
        sql.append(MariaDbSqlText.identifier(table.name())).append(" (");
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            sql.append(i == 0 ? "" : ", ").append(MariaDbSqlText.identifier(part.column()))
                    .append(part.prefix() > 0 ? "(" + part.prefix() + ")" : "");
        }
        return sql.append(')').toString();
    }

    /** Whether the index model describes it: a B-tree or hash index, not FULLTEXT or SPATIAL. */
    boolean plain() {
        return !type.equals("FULLTEXT") && !type.equals("SPATIAL");
    }
}
