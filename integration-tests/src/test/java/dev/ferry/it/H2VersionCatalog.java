package dev.ferry.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An H2 database's schema in words that H2 1.4.200 and H2 2.x both give, read from each version's own
 * INFORMATION_SCHEMA (which differ) independently of Ferry's reader, so that a database and its copy in the other
 * version compare as equal maps. Types, which the versions name differently, are described by {@link #types} (2.x).
 */
final class H2VersionCatalog {
    private static final Map<Integer, String> RULES = Map.of(0, "CASCADE", 1, "RESTRICT", 2, "SET NULL", 3, "NO ACTION",
            4, "SET DEFAULT");

    private H2VersionCatalog() {
    }

    static Map<String, List<List<Object>>> describe(Connection connection) throws SQLException {
        boolean legacy = connection.getMetaData().getDatabaseMajorVersion() == 1;
        String baseTable = legacy ? "'TABLE'" : "'BASE TABLE'";
        Map<String, List<List<Object>>> catalog = new TreeMap<>();
        catalog.put("schemas", CatalogText.text(connection, "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA"
                + " WHERE SCHEMA_NAME <> 'INFORMATION_SCHEMA' ORDER BY 1"));
        catalog.put("tables", CatalogText.text(connection, "SELECT TABLE_SCHEMA, TABLE_NAME, CASE TABLE_TYPE WHEN " + baseTable
                + " THEN 'table' ELSE TABLE_TYPE END FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY 1, 2"));
        catalog.put("columns", CatalogText.text(connection, "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION, c.COLUMN_NAME,"
                + " c.IS_NULLABLE, CASE WHEN " + (legacy ? "c.SEQUENCE_NAME IS NOT NULL" : "c.IS_IDENTITY = 'YES'")
                + " THEN 'identity' ELSE c.COLUMN_DEFAULT END"
                + " FROM INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA"
                + " AND t.TABLE_NAME = c.TABLE_NAME WHERE t.TABLE_TYPE = " + baseTable
                + " AND t.TABLE_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY 1, 2, 3"));
        catalog.put("identity increments", CatalogText.text(connection, legacy
                ? "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, s.INCREMENT FROM INFORMATION_SCHEMA.COLUMNS c"
                        + " JOIN INFORMATION_SCHEMA.SEQUENCES s ON s.SEQUENCE_SCHEMA = c.TABLE_SCHEMA"
                        + " AND s.SEQUENCE_NAME = c.SEQUENCE_NAME ORDER BY 1, 2, 3"
                : "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, IDENTITY_INCREMENT FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE IS_IDENTITY = 'YES' ORDER BY 1, 2, 3"));
        catalog.put("keys", keys(connection));
        catalog.put("foreign keys", legacy ? legacyForeignKeys(connection) : foreignKeys(connection));
        catalog.put("checks", legacy ? legacyChecks(connection) : checks(connection));
        catalog.put("indexes", legacy ? legacyIndexes(connection) : indexes(connection));
        catalog.put("sequences", CatalogText.text(connection, legacy
                ? "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, INCREMENT, MIN_VALUE, MAX_VALUE, IS_CYCLE"
                        + " FROM INFORMATION_SCHEMA.SEQUENCES WHERE NOT IS_GENERATED ORDER BY 1, 2"
                : "SELECT SEQUENCE_SCHEMA, SEQUENCE_NAME, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE,"
                        + " CYCLE_OPTION = 'YES' FROM INFORMATION_SCHEMA.SEQUENCES ORDER BY 1, 2"));
        catalog.put("comments", CatalogText.text(connection, "SELECT TABLE_SCHEMA, TABLE_NAME, NULL, REMARKS"
                + " FROM INFORMATION_SCHEMA.TABLES WHERE REMARKS <> '' UNION ALL SELECT TABLE_SCHEMA, TABLE_NAME,"
                + " COLUMN_NAME, REMARKS FROM INFORMATION_SCHEMA.COLUMNS WHERE REMARKS <> '' ORDER BY 1, 2, 3"));
        catalog.put("functions", CatalogText.text(connection, legacy
                ? "SELECT DISTINCT ALIAS_SCHEMA, ALIAS_NAME FROM INFORMATION_SCHEMA.FUNCTION_ALIASES ORDER BY 1, 2"
                : "SELECT DISTINCT ROUTINE_SCHEMA, ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES ORDER BY 1, 2"));
        catalog.put("triggers", CatalogText.text(connection, "SELECT TRIGGER_SCHEMA, TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS"
                + " ORDER BY 1, 2"));
        return catalog;
    }

    /**
     * Each column of each base table with its type as H2 2.x declares it: {@code SALES.ORDERS.TOTAL NUMERIC(12, 2)},
     * with lengths, precisions, array element types and enum labels.
     */
    static List<String> types(Connection connection) throws SQLException {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (List<Object> label : CatalogText.text(connection, "SELECT OBJECT_SCHEMA, OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME"
                + " FROM INFORMATION_SCHEMA.ENUM_VALUES ORDER BY 1, 2, 3, VALUE_ORDINAL")) {
            labels.computeIfAbsent(label.subList(0, 3).toString(), k -> new ArrayList<>()).add("'" + label.get(3) + "'");
        }
        List<String> types = new ArrayList<>();
        for (List<Object> c : CatalogText.text(connection, "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE,"
                + " c.CHARACTER_MAXIMUM_LENGTH, c.NUMERIC_PRECISION, c.NUMERIC_SCALE, c.DATETIME_PRECISION,"
                + " c.INTERVAL_TYPE, e.DATA_TYPE, c.DTD_IDENTIFIER, c.IS_VISIBLE"
                + " FROM INFORMATION_SCHEMA.COLUMNS c JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA"
                + " AND t.TABLE_NAME = c.TABLE_NAME LEFT JOIN INFORMATION_SCHEMA.ELEMENT_TYPES e"
                + " ON e.OBJECT_SCHEMA = c.TABLE_SCHEMA AND e.OBJECT_NAME = c.TABLE_NAME"
                + " AND e.COLLECTION_TYPE_IDENTIFIER = c.DTD_IDENTIFIER"
                + " WHERE t.TABLE_TYPE = 'BASE TABLE' AND t.TABLE_SCHEMA <> 'INFORMATION_SCHEMA'"
                + " ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION")) {
            String type = (String) c.get(3);
            String declared = switch (type) {
                case "CHARACTER", "CHARACTER VARYING", "VARCHAR_IGNORECASE", "BINARY", "BINARY VARYING" ->
                        type + "(" + c.get(4) + ")";
                case "NUMERIC" -> type + "(" + c.get(5) + ", " + c.get(6) + ")";
                case "TIME", "TIMESTAMP" -> type + "(" + c.get(7) + ")";
                case "TIME WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE" ->
                        type.replace(" WITH", "(" + c.get(7) + ") WITH");
                case "INTERVAL" -> type + " " + c.get(8) + "(" + c.get(7) + ")";
                case "ARRAY" -> c.get(9) + " ARRAY";
                case "ENUM" -> "ENUM(" + String.join(", ", labels.get(List.of(c.get(0), c.get(1), c.get(10)).toString())) + ")";
                default -> type;
            };
            types.add(c.get(0) + "." + c.get(1) + "." + c.get(2) + " " + declared
                    + ("TRUE".equals(c.get(11)) ? "" : " INVISIBLE"));
        }
        return types;
    }

    /** Primary keys, unique constraints and foreign keys with their columns, from the standard views. */
    private static List<List<Object>> keys(Connection connection) throws SQLException {
        Map<List<Object>, List<String>> keys = new LinkedHashMap<>();
        for (List<Object> row : CatalogText.text(connection, "SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME,"
                + " tc.CONSTRAINT_TYPE, k.COLUMN_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
                + " AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                + " WHERE tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY') ORDER BY 1, 2, 3, k.ORDINAL_POSITION")) {
            keys.computeIfAbsent(row.subList(0, 4), k -> new ArrayList<>()).add((String) row.get(4));
        }
        return CatalogText.grouped(keys);
    }

    private static List<List<Object>> legacyForeignKeys(Connection connection) throws SQLException {
        Map<List<Object>, List<String>> keys = new LinkedHashMap<>();
        for (List<Object> row : CatalogText.rows(connection, "SELECT FKTABLE_SCHEMA, FK_NAME, PKTABLE_SCHEMA, PKTABLE_NAME,"
                + " UPDATE_RULE, DELETE_RULE, PKCOLUMN_NAME FROM INFORMATION_SCHEMA.CROSS_REFERENCES"
                + " ORDER BY 1, 2, ORDINAL_POSITION")) {
            List<Object> key = new ArrayList<>(row.subList(0, 4));
            key.add(RULES.get(((Number) row.get(4)).intValue()));
            key.add(RULES.get(((Number) row.get(5)).intValue()));
            keys.computeIfAbsent(key, k -> new ArrayList<>()).add((String) row.get(6));
        }
        return CatalogText.grouped(keys);
    }

    private static List<List<Object>> foreignKeys(Connection connection) throws SQLException {
        Map<List<Object>, List<String>> keys = new LinkedHashMap<>();
        for (List<Object> row : CatalogText.text(connection, "SELECT rc.CONSTRAINT_SCHEMA, rc.CONSTRAINT_NAME, uk.TABLE_SCHEMA,"
                + " uk.TABLE_NAME, rc.UPDATE_RULE, rc.DELETE_RULE, ukc.COLUMN_NAME"
                + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
                + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS uk ON uk.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA"
                + " AND uk.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE fkc ON fkc.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA"
                + " AND fkc.CONSTRAINT_NAME = rc.CONSTRAINT_NAME"
                + " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE ukc ON ukc.CONSTRAINT_SCHEMA = uk.CONSTRAINT_SCHEMA"
                + " AND ukc.CONSTRAINT_NAME = uk.CONSTRAINT_NAME AND ukc.ORDINAL_POSITION = fkc.POSITION_IN_UNIQUE_CONSTRAINT"
                + " ORDER BY 1, 2, fkc.ORDINAL_POSITION")) {
            keys.computeIfAbsent(row.subList(0, 6), k -> new ArrayList<>()).add((String) row.get(6));
        }
        return CatalogText.grouped(keys);
    }

    /**
     * Table checks by name, and 1.4.200's column checks (which have none) under the name the copy gives them,
     * {@code <table>_<column>_CHECK}; each condition without the parentheses 1.4.200 puts around it.
     */
    private static List<List<Object>> legacyChecks(Connection connection) throws SQLException {
        List<List<Object>> checks = new ArrayList<>();
        for (List<Object> row : CatalogText.text(connection, "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.TABLE_NAME || '_'"
                + " || c.COLUMN_NAME || '_CHECK', c.CHECK_CONSTRAINT FROM INFORMATION_SCHEMA.COLUMNS c"
                + " JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
                + " WHERE c.CHECK_CONSTRAINT <> '' AND t.TABLE_TYPE = 'TABLE'"
                + " UNION ALL SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, CHECK_EXPRESSION"
                + " FROM INFORMATION_SCHEMA.CONSTRAINTS WHERE CONSTRAINT_TYPE = 'CHECK' ORDER BY 1, 2, 3")) {
            String condition = (String) row.get(3);
            checks.add(List.of(row.get(0), row.get(1), row.get(2), condition.substring(1, condition.length() - 1)));
        }
        return checks;
    }

    /**
     * Checks with their conditions as 1.4.200 writes them: H2 2.x writes a literal compared with a DECIMAL column as
     * {@code CAST(0 AS NUMERIC(1))} (it does so for a check created in 2.x alike).
     */
    private static List<List<Object>> checks(Connection connection) throws SQLException {
        List<List<Object>> checks = new ArrayList<>();
        for (List<Object> row : CatalogText.text(connection, "SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, tc.CONSTRAINT_NAME,"
                + " cc.CHECK_CLAUSE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc"
                + " ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                + " ORDER BY 1, 2, 3")) {
            String condition = ((String) row.get(3)).replaceAll("CAST\\(([-0-9.]+) AS NUMERIC\\(\\d+(, \\d+)?\\)\\)", "$1");
            checks.add(List.of(row.get(0), row.get(1), row.get(2), condition));
        }
        return checks;
    }

    /** Indexes made by the user (not for keys): name, uniqueness, columns with their order. */
    private static List<List<Object>> legacyIndexes(Connection connection) throws SQLException {
        Map<List<Object>, List<String>> indexes = new LinkedHashMap<>();
        for (List<Object> row : CatalogText.text(connection, "SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NOT NON_UNIQUE,"
                + " COLUMN_NAME || CASE ASC_OR_DESC WHEN 'D' THEN ' DESC' ELSE ' ASC' END FROM INFORMATION_SCHEMA.INDEXES"
                + " WHERE NOT IS_GENERATED AND NOT PRIMARY_KEY ORDER BY 1, 2, 3, ORDINAL_POSITION")) {
            indexes.computeIfAbsent(row.subList(0, 4), k -> new ArrayList<>()).add((String) row.get(4));
        }
        return CatalogText.grouped(indexes);
    }

    private static List<List<Object>> indexes(Connection connection) throws SQLException {
        Map<List<Object>, List<String>> indexes = new LinkedHashMap<>();
        for (List<Object> row : CatalogText.text(connection, "SELECT i.TABLE_SCHEMA, i.TABLE_NAME, i.INDEX_NAME,"
                + " i.INDEX_TYPE_NAME = 'UNIQUE INDEX', c.COLUMN_NAME || ' ' || c.ORDERING_SPECIFICATION"
                + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c"
                + " ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME"
                + " WHERE NOT i.IS_GENERATED AND i.INDEX_TYPE_NAME <> 'PRIMARY KEY' ORDER BY 1, 2, 3, c.ORDINAL_POSITION")) {
            indexes.computeIfAbsent(row.subList(0, 4), k -> new ArrayList<>()).add((String) row.get(4));
        }
        return CatalogText.grouped(indexes);
    }
}
