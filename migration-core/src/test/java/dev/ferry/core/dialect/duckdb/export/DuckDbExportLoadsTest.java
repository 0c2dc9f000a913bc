package dev.ferry.core.dialect.duckdb.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.value.ValueKind;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The COPY statements of real DuckDB exports as TableLoads: where the data files are found, what the load script
 * says, values converted to the kinds of another engine's columns, and what DuckDB itself loses on the way.
 */
class DuckDbExportLoadsTest {
    @TempDir
    Path temp;

    @Test
    void loadsFollowLoadSqlWithItsOptions() throws Exception {
        Path export = temp.resolve("export");
        try (DuckDb source = DuckDb.inMemory()) {
            source.execute("CREATE SCHEMA s", "CREATE TABLE s.t(a INTEGER PRIMARY KEY, b VARCHAR NOT NULL, c INTEGER,"
                            + " g INTEGER GENERATED ALWAYS AS (a + 1))",
                    "CREATE TABLE u(x VARCHAR)", "INSERT INTO s.t VALUES (1, '', NULL), (2, 'x', 3)");
            source.export(export, "(FORMAT csv, DELIMITER '|')");
        }
        String loadScript = Files.readString(export.resolve("load.sql"));
        assertTrue(loadScript.contains("force_not_null ('a', 'b')") || loadScript.contains("force_not_null ('b', 'a')"),
                loadScript);
        DuckDbExport read = DuckDbExport.read(export);
        assertEquals(List.of(new QualifiedName("main", "u"), new QualifiedName("s", "t")),
                read.loads().stream().map(DuckDbExport.TableLoad::table).toList());
        DuckDbExport.TableLoad t = read.loads().get(1);
        assertEquals(List.of(), t.columns());
        assertEquals(export.resolve("s_t.csv"), t.file());
        assertEquals(DataFormat.CSV, t.options().format());
        assertEquals('|', t.options().delimiter());
        assertTrue(t.options().header());
        assertEquals(2, t.line());
        assertEquals(List.of(new DataColumn("a", ValueKind.INTEGER, 0, 0), new DataColumn("b", ValueKind.STRING, 0, 0),
                new DataColumn("c", ValueKind.INTEGER, 0, 0)), t.dataColumns());
        assertEquals(List.of(List.of(1, "", "null"), List.of(2, "x", 3)), rows(t, t.dataColumns()));
        // An empty unquoted field is NULL, but an empty string in a column load.sql lists in force_not_null.
        Path file = export.resolve("s_t.csv");
        String data = Files.readString(file);
        assertTrue(data.contains("1|\"\"|\n"), data);
        Files.writeString(file, data.replace("1|\"\"|\n", "1||\n"));
        assertEquals(List.of(List.of(1, "", "null"), List.of(2, "x", 3)), rows(t, t.dataColumns()));
    }

    /** DuckDB 1.4 writes indexes into schema.sql; older versions wrote them into load.sql, after the COPYs. */
    @Test
    void indexesAreReadFromEitherScript() throws Exception {
        Path export = temp.resolve("indexes");
        try (DuckDb source = DuckDb.inMemory()) {
            source.execute("CREATE TABLE t(a INTEGER, b VARCHAR)", "CREATE INDEX t_b ON t(b)");
            source.export(export, "");
        }
        String schemaScript = Files.readString(export.resolve("schema.sql"));
        assertTrue(schemaScript.contains("CREATE INDEX t_b ON t(b);"), schemaScript);
        Files.writeString(export.resolve("schema.sql"), schemaScript.replace("CREATE INDEX t_b ON t(b);", ""));
        Files.writeString(export.resolve("load.sql"), Files.readString(export.resolve("load.sql"))
                + "CREATE INDEX t_b ON t(b);\n");
        DuckDbExport read = DuckDbExport.read(export);
        assertEquals(1, read.loads().size());
        assertEquals(List.of(new dev.ferry.core.model.schema.Index("t_b", new QualifiedName("main", "t"), false,
                List.of(new dev.ferry.core.model.schema.Index.IndexColumn("b", false)), null)), read.schema().indexes());
    }

    /** DuckDB writes paths as EXPORT DATABASE was given them; the files are found by name in the directory. */
    @Test
    void dataFilesAreFoundInTheExportDirectoryWhereverDuckDbSaidTheyWere() throws Exception {
        Path absolute = temp.resolve("absolute");
        Path relative = Path.of("").toAbsolutePath().relativize(temp.resolve("relative").toAbsolutePath());
        try (DuckDb source = DuckDb.inMemory()) {
            source.execute("CREATE TABLE t(a INTEGER)", "INSERT INTO t VALUES (42)");
            source.export(absolute, "");
            source.export(relative, "(FORMAT parquet)");
        }
        assertTrue(Files.readString(absolute.resolve("load.sql")).contains("'" + absolute.resolve("t.csv") + "'"));
        assertTrue(Files.readString(relative.resolve("load.sql")).contains("'" + relative.resolve("t.parquet") + "'"));
        Path moved = Files.move(absolute, temp.resolve("moved"));
        Path elsewhere = Files.move(relative, temp.resolve("sub-directory-for-relative"));
        for (Path export : List.of(moved, elsewhere)) {
            DuckDbExport.TableLoad load = DuckDbExport.read(export).loads().get(0);
            assertEquals(export.getFileName(), load.file().getParent().getFileName());
            assertEquals(List.of(List.of(42)), rows(load, load.dataColumns()));
        }
    }

    /**
     * The columns of a target engine may be named in another case, ordered otherwise and carry values as other kinds
     * (booleans as integers, TIMESTAMPTZ as TIMESTAMP, HUGEINT as DECIMAL, lists and intervals as text).
     */
    @Test
    void valuesAreReadAsTheKindsTheTargetAsksFor() throws Exception {
        for (String format : List.of("csv", "parquet")) {
            Path export = temp.resolve("kinds-" + format);
            try (DuckDb source = DuckDb.inMemory()) {
                source.execute("SET TimeZone = 'America/New_York'",
                        "CREATE TABLE t(b BOOLEAN, tz TIMESTAMPTZ, h HUGEINT, l VARCHAR[], iv INTERVAL, t TIME,"
                                + " f FLOAT, u UUID)",
                        "INSERT INTO t VALUES (true, TIMESTAMPTZ '2024-01-01 10:00:00+05:30',"
                                + " 170141183460469231731687303715884105727, ['a,b', NULL, ''],"
                                + " INTERVAL '1 month 2 days 00:00:03.5', TIME '10:11:12', 0.5,"
                                + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11')");
                source.export(export, "(FORMAT " + format + ")");
            }
            DuckDbExport.TableLoad load = DuckDbExport.read(export).loads().get(0);
            List<DataColumn> target = DataColumn.of(List.of("U", "IV", "L", "H", "TZ", "B", "T", "F"),
                    List.of(ValueKind.STRING, ValueKind.STRING, ValueKind.STRING, ValueKind.DECIMAL, ValueKind.TIMESTAMP,
                            ValueKind.INTEGER, ValueKind.TIME_WITH_TIME_ZONE, ValueKind.DOUBLE));
            try (TableReader reader = load.open(target)) {
                Object[] row = reader.next();
                assertArrayEquals(new Object[] {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "1 month 2 days 00:00:03.5",
                        "{\"a,b\",NULL,\"\"}", new BigDecimal("170141183460469231731687303715884105727"),
                        LocalDateTime.parse("2024-01-01T04:30:00"), 1, OffsetTime.parse("10:11:12Z"), 0.5}, row,
                        format);
                assertNull(reader.next());
            }
        }
    }

    @Test
    void columnsThatAreNotTheFilesAreRefused() throws Exception {
        Path export = temp.resolve("export");
        try (DuckDb source = DuckDb.inMemory()) {
            source.execute("CREATE TABLE t(a INTEGER, b INTEGER)");
            source.export(export, "");
        }
        DuckDbExport.TableLoad load = DuckDbExport.read(export).loads().get(0);
        SQLException refused = assertThrows(SQLException.class, () -> load.open(DataColumn.of(List.of("a", "c"),
                List.of(ValueKind.INTEGER, ValueKind.INTEGER))));
        assertEquals("22000", refused.getSQLState());
        assertEquals("t.csv holds the columns [a, b] but the columns to load are [a, c]", refused.getMessage());
    }

    /**
     * What DuckDB loses in its own export and import, which Ferry reads as the files hold it: its import reads the
     * empty strings it wrote ({@code ""}) as NULL (duckdb#25501); its CSV writes a TIMESTAMPTZ's offset without its
     * seconds (a local mean time before 1906 in Asia/Kolkata, +05:21:10, is written +05:21, 10 seconds off); its
     * Parquet writer keeps a TIMETZ's local time and drops its offset.
     */
    @Test
    void whatDuckDbLosesInItsOwnExportIsReadAsTheFilesHoldIt() throws Exception {
        Path csv = temp.resolve("csv");
        Path parquet = temp.resolve("parquet");
        try (DuckDb source = DuckDb.inMemory()) {
            source.execute("SET TimeZone = 'Asia/Kolkata'", "CREATE TABLE t(id INTEGER, s VARCHAR, tz TIMESTAMPTZ,"
                    + " ttz TIMETZ)", "INSERT INTO t VALUES (1, '', TIMESTAMPTZ '1900-01-01 00:00:00+00',"
                    + " TIMETZ '12:00:00+05:30'), (2, NULL, NULL, NULL)");
            source.export(csv, "");
            source.export(parquet, "(FORMAT parquet)");
        }
        assertEquals(List.of("id,s,tz,ttz", "1,\"\",1900-01-01 05:21:10+05:21,12:00:00+05:30", "2,,,"),
                Files.readAllLines(csv.resolve("t.csv")));
        try (DuckDb target = DuckDb.inMemory()) {
            target.execute("IMPORT DATABASE '" + csv + "'");
            assertEquals(List.of(List.of("1", "true"), List.of("2", "true")),
                    target.rows("SELECT id, s IS NULL FROM t ORDER BY id"));
        }
        DuckDbExport.TableLoad fromCsv = DuckDbExport.read(csv).loads().get(0);
        assertEquals(List.of(List.of(1, "", OffsetDateTime.parse("1900-01-01T05:21:10+05:21"),
                OffsetTime.parse("12:00:00+05:30")), List.of(2, "null", "null", "null")),
                rows(fromCsv, fromCsv.dataColumns()));
        DuckDbExport.TableLoad fromParquet = DuckDbExport.read(parquet).loads().get(0);
        assertEquals(List.of(List.of(1, "", OffsetDateTime.parse("1900-01-01T00:00:00Z"), OffsetTime.parse("12:00Z")),
                List.of(2, "null", "null", "null")), rows(fromParquet, fromParquet.dataColumns()));
        assertEquals(10, java.time.Duration.between(OffsetDateTime.parse("1900-01-01T00:00:00Z"),
                OffsetDateTime.parse("1900-01-01T05:21:10+05:21")).toSeconds(), "the CSV's instant is 10 s off");
    }

    /** Every row's values; "null" for NULL (List.of takes no null). */
    private static List<List<Object>> rows(DuckDbExport.TableLoad load, List<DataColumn> columns) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (TableReader reader = load.open(columns)) {
            for (Object[] row = reader.next(); row != null; row = reader.next()) {
                List<Object> values = new ArrayList<>();
                for (Object value : row) {
                    values.add(value == null ? "null" : value);
                }
                rows.add(values);
            }
        }
        return rows;
    }
}
