package dev.ferry.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HSQLDB database's schema as its own INFORMATION_SCHEMA and SCRIPT say it, read independently of Ferry's reader,
 * in a form that HSQLDB 2.5.2 and 2.7.4 give alike, so that a database and its copy compare as equal maps. Two
 * things are left out by design: the names HSQLDB generates for constraints and their indexes ({@code SYS_PK_10094},
 * renumbered when a database is opened again), and quotes around names in definitions (HSQLDB writes a name quoted
 * where it was created quoted, as Ferry's scripts create every name). HSQLDB's own NOT NULL constraints are left out of
 * the checks: the columns' nullability says the same.
 */
final class HsqldbVersionCatalog {
    private static final String USER = " NOT IN ('INFORMATION_SCHEMA', 'SYSTEM_LOBS')";

    private HsqldbVersionCatalog() {
    }

    static Map<String, List<List<Object>>> describe(Connection connection) throws SQLException {
        Map<String, List<List<Object>>> catalog = new TreeMap<>();
        catalog.put("schemas", CatalogText.text(connection, "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA"
                + " WHERE SCHEMA_NAME" + USER + " ORDER BY 1"));
        catalog.put("tables", CatalogText.text(connection, "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM"
                + " INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA" + USER + " ORDER BY 1, 2"));
        catalog.put("columns", CatalogText.text(connection, "SELECT TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION, COLUMN_NAME,"
                + " DTD_IDENTIFIER, COLLATION_NAME, IS_NULLABLE, COLUMN_DEFAULT, IDENTITY_GENERATION, IDENTITY_START,"
                + " IDENTITY_INCREMENT, " + unquoted("GENERATION_EXPRESSION") + " FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_SCHEMA" + USER + " ORDER BY 1, 2, 3"));
        catalog.put("keys", keys(connection));
        catalog.put("foreign keys", CatalogText.text(connection, "SELECT rc.CONSTRAINT_SCHEMA, " + named("rc.CONSTRAINT_NAME")
                + ", fk.TABLE_NAME, uk.TABLE_SCHEMA, uk.TABLE_NAME, rc.UPDATE_RULE, rc.DELETE_RULE"
                + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
                + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS fk ON fk.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA"
                + " AND fk.CONSTRAINT_NAME = rc.CONSTRAINT_NAME"
                + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS uk ON uk.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA"
                + " AND uk.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME ORDER BY 1, 3, 2"));
        catalog.put("checks", CatalogText.text(connection, "SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, " + named("tc.CONSTRAINT_NAME")
                + ", " + unquoted("cc.CHECK_CLAUSE") + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                + " JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
                + " AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.TABLE_SCHEMA" + USER
                + " AND cc.CHECK_CLAUSE NOT LIKE '% IS NOT NULL' ORDER BY 1, 2, 4"));
        catalog.put("indexes", indexes(connection));
        catalog.put("views", CatalogText.text(connection, "SELECT TABLE_SCHEMA, TABLE_NAME, " + unquoted("VIEW_DEFINITION")
                + " FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA" + USER + " ORDER BY 1, 2"));
        catalog.put("sequences", CatalogText.text(connection, "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, DATA_TYPE, START_VALUE,"
                + " INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE, CYCLE_OPTION, NEXT_VALUE FROM INFORMATION_SCHEMA.SEQUENCES"
                + " WHERE SEQUENCE_SCHEMA" + USER + " ORDER BY 1, 2"));
        catalog.put("comments", CatalogText.text(connection, "SELECT TABLE_SCHEM, TABLE_NAME, NULL, REMARKS FROM"
                + " INFORMATION_SCHEMA.SYSTEM_TABLES WHERE REMARKS IS NOT NULL AND TABLE_SCHEM" + USER
                + " UNION ALL SELECT TABLE_SCHEM, TABLE_NAME, COLUMN_NAME, REMARKS FROM INFORMATION_SCHEMA.SYSTEM_COLUMNS"
                + " WHERE REMARKS IS NOT NULL AND TABLE_SCHEM" + USER + " ORDER BY 1, 2, 3"));
        catalog.put("identity positions", identityPositions(connection));
        return catalog;
    }

    /** Primary and unique keys with their columns in order. */
    private static List<List<Object>> keys(Connection connection) throws SQLException {
        Map<List<Object>, List<String>> keys = new LinkedHashMap<>();
        for (List<Object> row : CatalogText.text(connection, "SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_TYPE, "
                + named("tc.CONSTRAINT_NAME") + ", k.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
                + " AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME WHERE tc.CONSTRAINT_TYPE <> 'CHECK'"
                + " AND tc.TABLE_SCHEMA" + USER + " ORDER BY 1, 2, 3, 4, k.ORDINAL_POSITION")) {
            keys.computeIfAbsent(row.subList(0, 4), k -> new ArrayList<>()).add((String) row.get(4));
        }
        return CatalogText.grouped(keys);
    }

    /** Indexes other than those HSQLDB made for keys (as SYSTEM_KEY_INDEX_USAGE names them): name, uniqueness, columns. */
    private static List<List<Object>> indexes(Connection connection) throws SQLException {
        Map<List<Object>, List<String>> indexes = new LinkedHashMap<>();
        for (List<Object> row : CatalogText.text(connection, "SELECT i.TABLE_SCHEM, i.TABLE_NAME, i.INDEX_NAME, i.NON_UNIQUE,"
                + " i.COLUMN_NAME FROM INFORMATION_SCHEMA.SYSTEM_INDEXINFO i WHERE i.TABLE_SCHEM" + USER
                + " AND NOT EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.SYSTEM_KEY_INDEX_USAGE k"
                + " WHERE k.INDEX_SCHEMA = i.TABLE_SCHEM AND k.INDEX_NAME = i.INDEX_NAME)"
                + " ORDER BY 1, 2, 3, i.ORDINAL_POSITION")) {
            indexes.computeIfAbsent(row.subList(0, 4), k -> new ArrayList<>()).add((String) row.get(4));
        }
        return CatalogText.grouped(indexes);
    }

    /** What each identity column hands out next, as SCRIPT writes it ({@code ALTER TABLE t ALTER COLUMN c RESTART WITH n}). */
    private static List<List<Object>> identityPositions(Connection connection) throws SQLException {
        List<List<Object>> positions = new ArrayList<>();
        for (List<Object> line : CatalogText.text(connection, "SCRIPT")) {
            String command = ((String) line.get(0)).replace("\"", "");
            if (command.startsWith("ALTER TABLE ") && command.contains(" RESTART WITH ")) {
                positions.add(List.of(command));
            }
        }
        return positions;
    }

    private static String named(String column) {
        return "CASE WHEN " + column + " LIKE 'SYS_%' THEN 'SYS_*' ELSE " + column + " END";
    }

    private static String unquoted(String column) {
        return "REPLACE(" + column + ", '\"', '')";
    }
}
