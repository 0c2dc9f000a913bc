package dev.ferry.core.operation.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.manifest.Manifest;
import dev.ferry.core.model.manifest.ManifestFile;
import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.TableOutcome;
import dev.ferry.core.operation.importing.DatabaseImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CHUNK_ROWS on embedded H2, which reads on one connection: a table above it with an integer key is written as a file
 * per key range, read one after another, and imports to the same rows as a table written whole.
 */
class ChunkedExportH2Test {
    @TempDir
    Path temp;

    private static Connection h2() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * {@code orders}: 10,000 rows, keys from -3,000 to 7,099 with a gap of 100; {@code small}: 10 rows; {@code named}: 3,000 rows keyed
     * by text, which is not split.
     */
    private static void fill(Connection source) throws SQLException {
        try (Statement s = source.createStatement()) {
            s.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, note VARCHAR(40), amount DECIMAL(12,2))");
            s.execute("INSERT INTO orders SELECT CASE WHEN x <= 6000 THEN x - 3001 ELSE x - 2901 END,"
                    + " CASE WHEN MOD(x, 7) = 0 THEN NULL ELSE 'note, \"' || x || '\"' END, x / 4.0"
                    + " FROM SYSTEM_RANGE(1, 10000)");
            s.execute("CREATE TABLE small (id INT PRIMARY KEY, label VARCHAR(10))");
            s.execute("INSERT INTO small SELECT x, 's' || x FROM SYSTEM_RANGE(1, 10)");
            s.execute("CREATE TABLE named (code VARCHAR(20) PRIMARY KEY, n INT)");
            s.execute("INSERT INTO named SELECT 'c' || x, x FROM SYSTEM_RANGE(1, 3000)");
        }
    }

    /** Every row of {@code sql}, each value as text. */
    static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static ExportOptions options(String format, long chunkRows) throws SQLException {
        return new ExportOptions(FormatOptions.from(Map.of("FORMAT", format), "COPY"), List.of(), null, 0, chunkRows);
    }

    private static List<String> dataFiles(Path dir, String extension) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(f -> dir.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith("." + extension)).sorted().toList();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void aTableAboveChunkRowsIsAFilePerKeyRange_andImportsToTheSameRows(String format) throws Exception {
        Path dir = temp.resolve("export");
        try (Connection source = h2()) {
            fill(source);
            MigrationResult result = new DatabaseExporter(source).export(dir, options(format, 1000),
                    ProgressListener.NONE);
            List<String> expected = new ArrayList<>();
            for (int part = 1; part <= 10; part++) {
                expected.add(String.format("data/public.orders/part-%04d.%s", part, format));
            }
            expected.add("data/public.named/part-0001." + format);
            expected.add("data/public.small/part-0001." + format);
            assertEquals(expected.stream().sorted().toList(), dataFiles(dir, format));
            assertEquals(12, result.tables().size(), "a row per data file");
            assertEquals(10_000 + 10 + 3000, result.tables().stream().mapToLong(TableOutcome::rows).sum());

            Manifest manifest = ManifestFile.read(dir);
            assertEquals(Manifest.CHUNKED_FORMAT_VERSION, manifest.formatVersion());
            Manifest.TableEntry orders = manifest.tables().stream().filter(t -> t.name().equals("ORDERS"))
                    .findFirst().orElseThrow();
            assertTrue(orders.chunked());
            assertNull(orders.file());
            assertEquals(10_000, orders.rows());
            assertEquals(10, orders.chunks().size());
            assertEquals(10_000, orders.chunks().stream().mapToLong(Manifest.DataFile::rows).sum());
            assertTrue(orders.chunks().stream().allMatch(c -> c.rows() > 0 && c.sha256().length() == 64),
                    orders.chunks().toString());
            assertEquals(orders.chunks().stream().mapToLong(Manifest.DataFile::bytes).sum(), orders.bytes());
            String load = Files.readString(dir.resolve("load.sql"), StandardCharsets.UTF_8);
            for (int part = 1; part <= 10; part++) {
                assertTrue(load.contains(String.format("'data/public.orders/part-%04d.%s'", part, format)), load);
            }

            try (Connection target = h2()) {
                MigrationResult imported = new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE);
                assertEquals(10_000 + 10 + 3000, imported.tables().stream().mapToLong(TableOutcome::rows).sum());
                for (String table : List.of("orders", "small", "named")) {
                    String sql = "SELECT * FROM " + table + " ORDER BY 1";
                    assertEquals(rows(source, sql), rows(target, sql), table);
                }
            }
        }
    }

    @Test
    void withChunkRowsAboveEveryTableTheFilesAreNamedAsBefore_andTheManifestIsVersionOne() throws Exception {
        Path dir = temp.resolve("export");
        try (Connection source = h2()) {
            fill(source);
            new DatabaseExporter(source).export(dir, options("csv", 1_000_000), ProgressListener.NONE);
        }
        assertEquals(List.of("data/public.named/part-0001.csv", "data/public.orders/part-0001.csv",
                "data/public.small/part-0001.csv"), dataFiles(dir, "csv"));
        Manifest manifest = ManifestFile.read(dir);
        assertEquals(Manifest.FORMAT_VERSION, manifest.formatVersion());
        assertTrue(manifest.tables().stream().noneMatch(Manifest.TableEntry::chunked));
        assertFalse(Files.readString(dir.resolve(ManifestFile.NAME)).contains("chunks"));
    }

    /**
     * An export in Spark's Parquet types is layout version 3, which a Ferry reading only 1 and 2 refuses rather than
     * load its times as numbers; one in the exact types names no PARQUET_TYPES and keeps its version.
     */
    @Test
    void sparksTypesRaiseTheLayoutVersion_theDefaultOnesDoNot() throws Exception {
        Path spark = temp.resolve("spark");
        Path exact = temp.resolve("exact");
        try (Connection source = h2()) {
            fill(source);
            new DatabaseExporter(source).export(spark, new ExportOptions(FormatOptions.from(Map.of("FORMAT", "parquet",
                    "PARQUET_TYPES", "spark"), "COPY"), List.of(), null, 0, 1_000_000), ProgressListener.NONE);
            new DatabaseExporter(source).export(exact, options("parquet", 1_000_000), ProgressListener.NONE);
        }
        Manifest sparkManifest = ManifestFile.read(spark);
        assertEquals(Manifest.SPARK_TYPES_FORMAT_VERSION, sparkManifest.formatVersion());
        assertEquals("spark", sparkManifest.options().get("PARQUET_TYPES"));
        Manifest exactManifest = ManifestFile.read(exact);
        assertEquals(Manifest.FORMAT_VERSION, exactManifest.formatVersion());
        assertFalse(exactManifest.options().containsKey("PARQUET_TYPES"), exactManifest.options().toString());
        try (Connection target = DriverManager.getConnection("jdbc:h2:mem:" + java.util.UUID.randomUUID())) {
            new DatabaseImporter(target).importFrom(spark, ProgressListener.NONE);
        }
    }

    @Test
    void chunkRowsZeroWritesEveryTableWhole() throws Exception {
        Path dir = temp.resolve("export");
        try (Connection source = h2()) {
            fill(source);
            new DatabaseExporter(source).export(dir, options("csv", 0), ProgressListener.NONE);
        }
        assertEquals(List.of("data/public.named/part-0001.csv", "data/public.orders/part-0001.csv",
                "data/public.small/part-0001.csv"), dataFiles(dir, "csv"));
    }

    @Test
    void anAlteredChunkIsRefusedByName_beforeAnythingIsImported() throws Exception {
        Path dir = temp.resolve("export");
        try (Connection source = h2()) {
            fill(source);
            new DatabaseExporter(source).export(dir, options("csv", 1000), ProgressListener.NONE);
        }
        Path chunk = dir.resolve("data/public.orders/part-0004.csv");
        String text = Files.readString(chunk);
        Files.writeString(chunk, text.replaceFirst("1", "2"));
        try (Connection target = h2()) {
            SQLException failure = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE));
            assertTrue(failure.getMessage().contains("data file data/public.orders/part-0004.csv of table PUBLIC.ORDERS"
                    + " does not match its checksum"), failure.getMessage());
            assertEquals(List.of(), rows(target, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC'"));
        }
    }

    @Test
    void aMissingChunk_orChunksThatDoNotAddUpToTheTablesRows_areRefusedNamingTheTable() throws Exception {
        Path dir = temp.resolve("export");
        try (Connection source = h2()) {
            fill(source);
            new DatabaseExporter(source).export(dir, options("csv", 1000), ProgressListener.NONE);
        }
        Path manifest = dir.resolve(ManifestFile.NAME);
        String original = Files.readString(manifest);
        Files.writeString(manifest, original.replaceFirst("\"rows\" : 10000,", "\"rows\" : 9999,"));
        try (Connection target = h2()) {
            SQLException failure = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE));
            assertEquals("IMPORT DATABASE: the chunks of table PUBLIC.ORDERS in manifest.json hold 10000 rows, the"
                    + " manifest says the table holds 9999; it has been altered", failure.getMessage());
        }
        Files.writeString(manifest, original);
        Files.delete(dir.resolve("data/public.orders/part-0007.csv"));
        try (Connection target = h2()) {
            SQLException failure = assertThrows(SQLException.class,
                    () -> new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE));
            assertEquals("IMPORT DATABASE: data file data/public.orders/part-0007.csv of table PUBLIC.ORDERS is missing",
                    failure.getMessage());
        }
    }

    /**
     * An export of an earlier Ferry version, whose data files lie beside the scripts ({@code public.small.csv},
     * {@code public.orders.part-0001.csv} ...) as its manifest and load.sql name them, still imports to the same rows.
     */
    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void anOlderFlatExportStillImports(String format) throws Exception {
        Path dir = temp.resolve("flat");
        try (Connection source = h2()) {
            fill(source);
            new DatabaseExporter(source).export(dir, options(format, 1000), ProgressListener.NONE);
            flatten(dir);
            assertTrue(Files.exists(dir.resolve("public.orders.part-0010." + format)));
            assertTrue(Files.exists(dir.resolve("public.small." + format)));
            assertFalse(Files.exists(dir.resolve("data")));
            try (Connection target = h2()) {
                new DatabaseImporter(target).importFrom(dir, ProgressListener.NONE);
                for (String table : List.of("orders", "small", "named")) {
                    String sql = "SELECT * FROM " + table + " ORDER BY 1";
                    assertEquals(rows(source, sql), rows(target, sql), table);
                }
            }
        }
    }

    /** Moves an export's data files where earlier versions wrote them, and names them so in load.sql and the manifest. */
    private static void flatten(Path dir) throws Exception {
        Path load = dir.resolve("load.sql");
        Path manifest = dir.resolve("manifest.json");
        String loadText = Files.readString(load, StandardCharsets.UTF_8);
        String manifestText = Files.readString(manifest, StandardCharsets.UTF_8);
        String oldLoadSum = dev.ferry.core.format.FileChecksum.sha256(load);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir.resolve("data"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String table = file.getParent().getFileName().toString();
            String part = file.getFileName().toString();
            long parts;
            try (Stream<Path> siblings = Files.list(file.getParent())) {
                parts = siblings.count();
            }
            String extension = part.substring(part.indexOf('.') + 1);
            String flat = parts == 1 ? table + "." + extension : table + "." + part;
            String layered = "data/" + table + "/" + part;
            Files.move(file, dir.resolve(flat));
            loadText = loadText.replace("'" + layered + "'", "'" + flat + "'");
            manifestText = manifestText.replace("\"" + layered + "\"", "\"" + flat + "\"");
        }
        try (Stream<Path> walk = Files.walk(dir.resolve("data"))) {
            for (Path folder : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(folder);
            }
        }
        Files.writeString(load, loadText, StandardCharsets.UTF_8);
        manifestText = manifestText.replace(oldLoadSum, dev.ferry.core.format.FileChecksum.sha256(load));
        Files.writeString(manifest, manifestText, StandardCharsets.UTF_8);
        assertFalse(loadText.contains("data/") || manifestText.contains("data/"), loadText);
    }
}
