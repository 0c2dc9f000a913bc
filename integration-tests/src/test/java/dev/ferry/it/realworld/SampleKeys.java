package dev.ferry.it.realworld;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assertions;

/**
 * A database's primary and foreign keys as the engine's own driver describes them ({@link DatabaseMetaData}), in lower
 * case and sorted, so that the keys of a copy in another engine compare equal to the source's: {@code
 * track(trackid)}, {@code track(albumid) -> album(albumid)}. Names of the constraints are left out (MariaDB names every
 * primary key PRIMARY).
 */
public final class SampleKeys {

    private SampleKeys() {
    }

    /** Each table's primary key, {@code table(column, ...)}, sorted. */
    public static List<String> primaryKeys(Connection plain) throws SQLException {
        DatabaseMetaData md = plain.getMetaData();
        List<String> keys = new ArrayList<>();
        for (String table : SampleRows.tableNames(plain)) {
            Map<Integer, String> columns = new TreeMap<>();
            try (ResultSet rs = md.getPrimaryKeys(plain.getCatalog(), plain.getSchema(), table)) {
                while (rs.next()) {
                    columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            if (!columns.isEmpty()) {
                keys.add(lower(table + "(" + String.join(", ", columns.values()) + ")"));
            }
        }
        keys.sort(null);
        return keys;
    }

    /** Each foreign key, {@code table(column, ...) -> referenced(column, ...)}, sorted. */
    public static List<String> foreignKeys(Connection plain) throws SQLException {
        DatabaseMetaData md = plain.getMetaData();
        List<String> keys = new ArrayList<>();
        for (String table : SampleRows.tableNames(plain)) {
            Map<String, Map<Integer, String[]>> byKey = new TreeMap<>();
            try (ResultSet rs = md.getImportedKeys(plain.getCatalog(), plain.getSchema(), table)) {
                while (rs.next()) {
                    String key = rs.getString("FK_NAME") + " " + rs.getString("PKTABLE_NAME");
                    byKey.computeIfAbsent(key, k -> new TreeMap<>()).put(rs.getInt("KEY_SEQ"), new String[] {
                            rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME"),
                            rs.getString("PKCOLUMN_NAME")});
                }
            }
            for (Map<Integer, String[]> key : byKey.values()) {
                List<String> from = new ArrayList<>();
                List<String> to = new ArrayList<>();
                String referenced = null;
                for (String[] column : key.values()) {
                    from.add(column[0]);
                    referenced = column[1];
                    to.add(column[2]);
                }
                keys.add(lower(table + "(" + String.join(", ", from) + ") -> " + referenced + "("
                        + String.join(", ", to) + ")"));
            }
        }
        keys.sort(null);
        return keys;
    }

    /**
     * The target has the source's primary and foreign keys; the source has some (so that a driver that reports none
     * does not pass for a copy that keeps them all).
     */
    public static void assertSameKeys(Connection source, Connection target, String what) throws SQLException {
        List<String> primary = primaryKeys(source);
        List<String> foreign = foreignKeys(source);
        Assertions.assertFalse(primary.isEmpty() || foreign.isEmpty(), what + ": the source's keys are not read");
        Assertions.assertEquals(primary, primaryKeys(target), what + ": primary keys");
        Assertions.assertEquals(foreign, foreignKeys(target), what + ": foreign keys");
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
