package dev.ferry.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A description of an H2 database's whole schema from INFORMATION_SCHEMA, written independently of Ferry's own
 * schema reader so that it can catch that reader's mistakes. Names H2 generates itself (for key indexes) are left
 * out; everything else is compared by name.
 */
final class H2Schema {

    private H2Schema() {
    }

    static Map<String, List<List<Object>>> of(Connection connection) throws SQLException {
        Map<String, List<List<Object>>> schema = new TreeMap<>();
        schema.put("schemas", TestDatabases.rows(connection,
                "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE SCHEMA_NAME <> 'INFORMATION_SCHEMA' ORDER BY 1"));
        schema.put("views", TestDatabases.rows(connection,
                "SELECT TABLE_SCHEMA, TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS ORDER BY 1, 2"));
        schema.put("sequences", TestDatabases.rows(connection,
                "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE,"
                        + " CYCLE_OPTION, BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES ORDER BY 1, 2"));
        schema.put("tables", TestDatabases.rows(connection,
                "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY 1, 2"));
        schema.put("columns", TestDatabases.rows(connection,
                "SELECT TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
                        + " NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, IS_NULLABLE, COLUMN_DEFAULT,"
                        + " IS_IDENTITY, IDENTITY_GENERATION, IDENTITY_START, IDENTITY_BASE, IDENTITY_INCREMENT"
                        + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY 1, 2, 3"));
        schema.put("constraints", TestDatabases.rows(connection,
                "SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE,"
                        + " LISTAGG(k.COLUMN_NAME, ',') WITHIN GROUP (ORDER BY k.ORDINAL_POSITION)"
                        + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
                        + " ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                        + " GROUP BY tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE ORDER BY 1, 2, 3"));
        schema.put("checks", TestDatabases.rows(connection,
                "SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE"
                        + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc"
                        + " ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                        + " ORDER BY 1, 2, 3"));
        schema.put("comments", TestDatabases.rows(connection,
                "SELECT TABLE_SCHEMA, TABLE_NAME, NULL, REMARKS FROM INFORMATION_SCHEMA.TABLES WHERE REMARKS IS NOT NULL"
                        + " UNION ALL SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, REMARKS FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE REMARKS IS NOT NULL ORDER BY 1, 2, 3"));
        schema.put("foreign keys", TestDatabases.rows(connection,
                "SELECT rc.CONSTRAINT_SCHEMA, rc.CONSTRAINT_NAME, rc.UNIQUE_CONSTRAINT_SCHEMA, uk.TABLE_NAME,"
                        + " rc.UPDATE_RULE, rc.DELETE_RULE"
                        + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
                        + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS uk ON uk.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA"
                        + " AND uk.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME ORDER BY 1, 2"));
        schema.put("indexes", TestDatabases.rows(connection,
                "SELECT i.TABLE_SCHEMA, i.TABLE_NAME, CASE WHEN i.IS_GENERATED THEN '(generated)' ELSE i.INDEX_NAME END,"
                        + " i.INDEX_TYPE_NAME, LISTAGG(c.COLUMN_NAME || ' ' || c.ORDERING_SPECIFICATION, ',')"
                        + " WITHIN GROUP (ORDER BY c.ORDINAL_POSITION)"
                        + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c"
                        + " ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME"
                        + " WHERE i.TABLE_SCHEMA <> 'INFORMATION_SCHEMA'"
                        + " GROUP BY i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, i.IS_GENERATED, i.INDEX_TYPE_NAME"
                        + " ORDER BY 1, 2, 5, 4, 3"));
        return schema;
    }

    /** Every row of every table of the database, by table. */
    static Map<String, List<List<Object>>> data(Connection connection) throws SQLException {
        Map<String, List<List<Object>>> data = new TreeMap<>();
        for (List<Object> table : TestDatabases.rows(connection, "SELECT TABLE_SCHEMA, TABLE_NAME"
                + " FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' AND TABLE_TYPE = 'BASE TABLE'")) {
            String name = quote(table.get(0)) + "." + quote(table.get(1));
            data.put(name, TestDatabases.rows(connection, "SELECT * FROM " + name + " ORDER BY " + allColumns(connection, table)));
        }
        return data;
    }

    private static String allColumns(Connection connection, List<Object> table) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (List<Object> column : TestDatabases.rows(connection, "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA = '" + table.get(0) + "' AND TABLE_NAME = '" + table.get(1).toString().replace("'", "''")
                + "' AND DATA_TYPE NOT IN ('CHARACTER LARGE OBJECT', 'BINARY LARGE OBJECT') ORDER BY ORDINAL_POSITION")) {
            columns.add(quote(column.get(0)));
        }
        return String.join(", ", columns);
    }

    private static String quote(Object identifier) {
        return '"' + identifier.toString().replace("\"", "\"\"") + '"';
    }
}
