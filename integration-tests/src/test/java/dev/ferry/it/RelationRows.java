package dev.ferry.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of the tables and views a catalog query lists, each value read by an engine version test's own reader, so
 * that a database and its copy in another version compare as equal maps (rows sorted, as no order is kept).
 */
final class RelationRows {

    /** How one non-null value is read and made comparable. */
    @FunctionalInterface
    interface ValueReader {
        Object read(ResultSet rs, ResultSetMetaData md, int column) throws SQLException;
    }

    /** How a value is told to be NULL before it is read (HSQLDB 2.5.2 fails on some typed reads of NULL). */
    @FunctionalInterface
    interface NullTest {
        boolean isNull(ResultSet rs, ResultSetMetaData md, int column) throws SQLException;
    }

    private RelationRows() {
    }

    /**
     * @param relations a query giving each relation's schema and name
     */
    static Map<String, List<List<Object>>> of(Connection connection, String relations, NullTest nullTest,
                                              ValueReader reader) throws SQLException {
        Map<String, List<List<Object>>> data = new TreeMap<>();
        for (List<Object> relation : TestDatabases.rows(connection, relations)) {
            String name = quote(relation.get(0)) + "." + quote(relation.get(1));
            data.put(name, rows(connection, "SELECT * FROM " + name, nullTest, reader));
        }
        return data;
    }

    private static List<List<Object>> rows(Connection connection, String sql, NullTest nullTest, ValueReader reader)
            throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(nullTest.isNull(rs, md, i) ? null : reader.read(rs, md, i));
                }
                rows.add(row);
            }
        }
        rows.sort(Comparator.comparing(List::toString));
        return rows;
    }

    private static String quote(Object identifier) {
        return '"' + identifier.toString().replace("\"", "\"\"") + '"';
    }
}
