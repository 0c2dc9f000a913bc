package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Loading into the embedded engines (H2, HSQLDB, SQLite: file databases) past the loader's batch and commit
 * boundaries (1,000 rows a batch; H2 and HSQLDB commit every 50 batches, SQLite loads in one transaction): a row the
 * target refuses in a later batch, or after rows were committed, is named by its line, and the failed import leaves
 * the database empty; and HSQLDB exports a table larger than the rows it keeps of a result in the heap.
 */
class EmbeddedLoadBoundariesIT {
    @TempDir
    Path temp;

    /**
     * A table of {@code rows} rows whose row {@code duplicate} repeats the first row's id, refused by a unique index
     * added to the export's schema script: row 1,500 is in the second batch, row 50,500 after the first commit.
     */
    @ParameterizedTest
    @CsvSource({"h2, 1500, 2600", "h2, 50500, 52000", "hsqldb, 1500, 2600", "hsqldb, 50500, 52000",
            "sqlite, 1500, 2600", "sqlite, 50500, 52000"})
    void aRefusedRowIsNamedByItsLineAndTheFailedImportLeavesNothing(String engine, int duplicate, int rows)
            throws Exception {
        String source = url(engine, "source");
        try (Connection plain = DriverManager.getConnection(source); Statement s = plain.createStatement()) {
            s.execute("CREATE TABLE t (id INTEGER, v VARCHAR(20))");
            plain.setAutoCommit(false);
            try (PreparedStatement insert = plain.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 1; i <= rows; i++) {
                    insert.setInt(1, i == duplicate ? 1 : i);
                    insert.setString(2, "row " + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            plain.commit();
        }
        Path export = temp.resolve("export");
        try (Connection ferry = DriverManager.getConnection(ferry(source)); Statement s = ferry.createStatement()) {
            s.execute("EXPORT DATABASE '" + export + "'");
        }
        Files.writeString(export.resolve("schema.sql"), "\nCREATE UNIQUE INDEX t_id ON t (id);\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        String target = url(engine, "target");
        try (Connection ferry = DriverManager.getConnection(ferry(target)); Statement s = ferry.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> s.execute("IMPORT DATABASE '" + export + "' (ALLOW_EDITED_SCRIPTS)"));
            assertTrue(refused.getMessage().contains("The database refused the row at line " + (duplicate + 1) + " of "),
                    refused.getMessage());
        }
        try (Connection plain = DriverManager.getConnection(target)) {
            assertEquals(List.of(), userTables(plain), "left behind by the failed import");
        }
    }

    /**
     * 25,000 rows, more than the 10,000 an export's session lets HSQLDB keep of a result in the heap: read from the
     * result it keeps on disk, all of them; the session's own setting is put back after.
     */
    @Test
    void hsqldbExportsMoreRowsThanItKeepsInTheHeap() throws Exception {
        int rows = 25_000;
        String source = url("hsqldb", "source");
        try (Connection plain = DriverManager.getConnection(source); Statement s = plain.createStatement()) {
            s.execute("CREATE CACHED TABLE t (id INTEGER PRIMARY KEY, v VARCHAR(20))");
            s.execute("INSERT INTO t SELECT x, 'row ' || x FROM UNNEST(SEQUENCE_ARRAY(1, " + rows + ", 1)) AS n(x)");
        }
        Path export = temp.resolve("export");
        try (Connection ferry = DriverManager.getConnection(ferry(source)); Statement s = ferry.createStatement()) {
            s.execute("EXPORT DATABASE '" + export + "'");
            assertEquals(List.of("0"), column(ferry, "SELECT \"VALUE\" FROM INFORMATION_SCHEMA.SYSTEM_SESSIONINFO"
                    + " WHERE \"KEY\" = 'RESULT MEMORY ROWS'"), "the session's setting put back");
        }
        String target = url("hsqldb", "target");
        try (Connection ferry = DriverManager.getConnection(ferry(target)); Statement s = ferry.createStatement()) {
            s.execute("IMPORT DATABASE '" + export + "'");
        }
        try (Connection plain = DriverManager.getConnection(target)) {
            assertEquals(List.of(rows + " " + rows + " row " + rows), column(plain, "SELECT COUNT(*) || ' ' ||"
                    + " COUNT(DISTINCT id) || ' ' || MAX(CASE WHEN id = " + rows + " THEN v END) FROM t"));
        }
    }

    private String url(String engine, String name) {
        return switch (engine) {
            case "h2" -> "jdbc:h2:" + temp.resolve(name);
            case "hsqldb" -> "jdbc:hsqldb:file:" + temp.resolve(name) + ";shutdown=true";
            case "sqlite" -> "jdbc:sqlite:" + temp.resolve(name + ".db");
            default -> throw new IllegalArgumentException(engine);
        };
    }

    private static String ferry(String url) {
        return url.replace("jdbc:", "jdbc:ferry:");
    }

    /** The tables outside the engine's own schemas. */
    private static List<String> userTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String schema = rows.getString("TABLE_SCHEM");
                if (schema == null || !schema.equals("INFORMATION_SCHEMA") && !schema.equals("SYSTEM_LOBS")) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
        }
        return tables;
    }

    private static List<String> column(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rows = s.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
