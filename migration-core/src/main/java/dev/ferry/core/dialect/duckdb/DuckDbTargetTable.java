package dev.ferry.core.dialect.duckdb;

import dev.ferry.core.dialect.CatalogQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * The table a load goes into, as DuckDB's catalog describes it.
 *
 * @param database       the database it is in (the current one)
 * @param schema         its schema, as the catalog writes it
 * @param name           its name, as the catalog writes it
 * @param columnNames    its stored columns' names in their order (not its generated ones, which nothing loads)
 * @param columnTypes    their types, as duckdb_columns() writes them ({@code DECIMAL(12,2)}, {@code VARCHAR})
 * @param refersToItself whether a foreign key of the table refers to the table itself
 */
record DuckDbTargetTable(String database, String schema, String name, List<String> columnNames,
                         List<String> columnTypes, boolean refersToItself) {
    /** The table named by the parameters schema (null: the current one) and name, in the current database. */
    private static final String THE_TABLE = " database_name = current_database() AND lower(schema_name) ="
            + " lower(coalesce(?, current_schema())) AND lower(table_name) = lower(?)";

    /** The table {@code table} names (as SQL: {@code "s"."t"}, {@code t}) in the connection's current database. */
    static DuckDbTargetTable of(Connection connection, DuckDbVersion version, String table) throws SQLException {
        List<String> parts = DuckDbConstraints.identifiers(table, '.');
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        String name = parts.get(parts.size() - 1);
        Set<String> generated = DuckDbGeneratedColumns.of(CatalogQuery.first(connection, "SELECT sql FROM"
                + " duckdb_tables() WHERE" + THE_TABLE, row -> row.getString(1), schema, name).orElse(null)).keySet();
        List<String[]> columns = CatalogQuery.list(connection, "SELECT database_name, schema_name, table_name,"
                + " column_name, data_type FROM duckdb_columns() WHERE" + THE_TABLE + " ORDER BY column_index",
                row -> new String[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5)}, schema, name).stream()
                .filter(column -> !generated.contains(column[3])).toList();
        String[] first = columns.isEmpty() ? new String[] {null, schema, name} : columns.get(0);
        return new DuckDbTargetTable(first[0], first[1], first[2],
                columns.stream().map(column -> column[3]).toList(), columns.stream().map(column -> column[4]).toList(),
                refersToItself(connection, version, schema, name));
    }

    /**
     * Whether the table has a foreign key to itself. Both versions write such a key's text empty in
     * duckdb_constraints(); 1.x also names the table it refers to.
     */
    private static boolean refersToItself(Connection connection, DuckDbVersion version, String schema, String name)
            throws SQLException {
        String itself = version.describesForeignKeys() ? "lower(referenced_table) = lower(table_name)"
                : "coalesce(constraint_text, '') = ''";
        return !CatalogQuery.list(connection, "SELECT 1 FROM duckdb_constraints() WHERE database_name ="
                + " current_database() AND constraint_type = 'FOREIGN KEY' AND lower(schema_name) ="
                + " lower(coalesce(?, current_schema())) AND lower(table_name) = lower(?) AND " + itself,
                row -> row.getInt(1), schema, name).isEmpty();
    }
}
