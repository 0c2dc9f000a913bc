package dev.ferry.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.exporting.ExportTask;
import dev.ferry.core.operation.exporting.SplitExport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Spark in local mode (two executor threads) exports PostgreSQL and MariaDB databases, whose largest table is split
 * into chunks, into Ferry's layout, which Ferry's own IMPORT DATABASE then loads; and imports Ferry's own exports with
 * its tasks. Every table compared row by row with the source, the views' rows too; the refusals and the undoing of a
 * failed import.
 */
class SparkRoundTripTest {
    private final JavaSparkContext spark = LocalSpark.get();

    @TempDir
    Path temp;

    @AfterAll
    static void dropDatabases() throws Exception {
        Servers.dropCreated();
    }

    @ParameterizedTest
    @EnumSource(Servers.class)
    void exportedBySparkImportsWithFerryAsTheSource(Servers server) throws Exception {
        JdbcSource source = SampleDatabase.create(server, "ferry_spark_src");
        Path export = temp.resolve("spark-export");
        MigrationResult result = SparkExport.run(spark, source, export.toUri(), ExportOptions.from(Map.of(
                "FORMAT", "parquet", "CHUNK_ROWS", "1000")), Map.of());

        long orderFiles = result.tables().stream().filter(t -> t.table().contains("orders")).count();
        assertTrue(orderFiles >= 4, "orders is split into chunks: " + result.tables());
        assertEquals(SampleDatabase.ORDERS, result.tables().stream().filter(t -> t.table().contains("orders"))
                .mapToLong(t -> t.rows()).sum());
        assertTrue(Files.isRegularFile(export.resolve("manifest.json")));
        assertTrue(Files.readString(export.resolve("manifest.json")).contains("\"snapshot\" : \"per-file\"")
                || Files.readString(export.resolve("manifest.json")).contains("\"snapshot\":\"per-file\""),
                "the manifest says each file was read on its own");
        assertFalse(Files.exists(export.resolve(".ferry-export-writing")), "the marker is gone");
        assertEquals(List.of(), filesNamed(export, ".crc"), "no Hadoop checksum files beside the data");
        assertFalse(Files.exists(export.resolve(WriteDataFile.ATTEMPTS)), "the tasks' uploads are renamed into place");

        JdbcSource target = server.freshDatabase("ferry_spark_dst");
        try (Connection ferry = SampleDatabase.ferry(target); Statement statement = ferry.createStatement()) {
            statement.execute("IMPORT DATABASE '" + export + "'");
        }
        SampleDatabase.assertSameRows(server, source, target);
    }

    @ParameterizedTest
    @EnumSource(Servers.class)
    void ferryExportImportedBySparkAsTheSource(Servers server) throws Exception {
        JdbcSource source = SampleDatabase.create(server, "ferry_spark_src");
        Path export = temp.resolve("ferry-export");
        try (Connection ferry = SampleDatabase.ferry(source); Statement statement = ferry.createStatement()) {
            statement.execute("EXPORT DATABASE '" + export + "' (FORMAT csv, COMPRESSION zstd, CHUNK_ROWS 1000)");
        }
        JdbcSource target = server.freshDatabase("ferry_spark_dst");
        MigrationResult result = SparkImport.run(spark, target, export.toUri(), ImportOptions.from(Map.of()),
                Map.of());
        assertEquals(SampleDatabase.ORDERS, result.tables().stream().filter(t -> t.table().contains("orders"))
                .mapToLong(t -> t.rows()).sum());
        assertTrue(result.tables().stream().allMatch(t -> t.file().endsWith(".csv.zst")), result.tables().toString());
        SampleDatabase.assertSameRows(server, source, target);
        try (Connection ferry = SampleDatabase.ferry(target); Statement statement = ferry.createStatement();
             ResultSet verified = statement.executeQuery("VERIFY DATABASE '" + export + "'")) {
            while (verified.next()) {
                assertEquals("ok", verified.getString("status"), verified.getString("table_name") + ": "
                        + verified.getString("detail"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Servers.class)
    void aFailedImportLeavesTheDatabaseEmpty(Servers server) throws Exception {
        JdbcSource source = SampleDatabase.create(server, "ferry_spark_src");
        Path export = temp.resolve("altered");
        try (Connection ferry = SampleDatabase.ferry(source); Statement statement = ferry.createStatement()) {
            statement.execute("EXPORT DATABASE '" + export + "' (FORMAT csv, CHUNK_ROWS 1000)");
        }
        Path altered = filesNamed(export, ".csv").stream().filter(file -> file.toString().contains("orders"))
                .sorted().reduce((first, last) -> last).orElseThrow();
        String original = Files.readString(altered);
        Files.writeString(altered, original.replaceFirst("line", "LINE"));
        assertNotEquals(original, Files.readString(altered), "the file was altered");
        JdbcSource target = server.freshDatabase("ferry_spark_dst");

        SQLException failure = assertThrows(SQLException.class, () -> SparkImport.run(spark, target, export.toUri(),
                ImportOptions.from(Map.of()), Map.of()));
        assertTrue(failure.getMessage().contains(export.relativize(altered).toString().replace('\\', '/'))
                        && failure.getMessage().contains("checksum"), failure.getMessage());
        assertEquals("22000", failure.getSQLState(), "the task's own SQLState");
        assertEquals(List.of(), SampleDatabase.tables(server, target), "the import dropped what it had created");
    }

    @ParameterizedTest
    @EnumSource(Servers.class)
    void refusals(Servers server) throws Exception {
        JdbcSource source = SampleDatabase.create(server, "ferry_spark_src");
        Path export = temp.resolve("refusals");
        SparkExport.run(spark, source, export.toUri(), ExportOptions.from(Map.of()), Map.of());

        SQLException notEmptyDirectory = assertThrows(SQLException.class, () -> SparkExport.run(spark, source,
                export.toUri(), ExportOptions.from(Map.of()), Map.of()));
        assertTrue(notEmptyDirectory.getMessage().contains("not an empty directory"), notEmptyDirectory.getMessage());

        List<String> before = SampleDatabase.tables(server, source);
        SQLException notEmptyDatabase = assertThrows(SQLException.class, () -> SparkImport.run(spark, source,
                export.toUri(), ImportOptions.from(Map.of()), Map.of()));
        assertEquals("42000", notEmptyDatabase.getSQLState(), notEmptyDatabase.getMessage());
        assertEquals(before, SampleDatabase.tables(server, source));

        SQLException resume = assertThrows(SQLException.class, () -> SparkExport.run(spark, source,
                temp.resolve("resumed").toUri(), ExportOptions.from(Map.of("RESUME", "true")), Map.of()));
        assertEquals("0A000", resume.getSQLState(), resume.getMessage());

        SQLException noManifest = assertThrows(SQLException.class, () -> SparkImport.run(spark,
                server.freshDatabase("ferry_spark_dst"), temp.resolve("refusals/data").toUri(),
                ImportOptions.from(Map.of()), Map.of()));
        assertTrue(noManifest.getMessage().contains("no manifest.json"), noManifest.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Servers.class)
    void anAttemptThatOutlivesItsExportRemovesItsFile(Servers server) throws Exception {
        JdbcSource source = SampleDatabase.create(server, "ferry_spark_src");
        ExportTask task;
        try (Connection connection = source.open()) {
            task = SplitExport.plan(connection, ExportOptions.from(Map.of())).tasks().get(0);
        }
        Path export = Files.createDirectory(temp.resolve("ended"));
        SQLException ended = assertThrows(SQLException.class, () -> new WriteDataFile(source, export.toUri(),
                HadoopSettings.of(spark.getConf(), Map.of())).call(task));
        assertTrue(ended.getMessage().contains("ended while " + task.file() + " was written"), ended.getMessage());
        assertEquals(List.of(), filesNamed(export, ""), "the attempt removed its upload");
    }

    @Test
    void anImportRefusesSpeculativeTasks() {
        SQLException refused = assertThrows(SQLException.class, () -> SparkImport.refuseSpeculation(
                new SparkConf().set("spark.speculation", "true")));
        assertEquals("0A000", refused.getSQLState());
        assertTrue(refused.getMessage().contains("spark.speculation=true"), refused.getMessage());
    }

    private static List<Path> filesNamed(Path directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(file -> file.getFileName().toString().endsWith(suffix))
                    .toList();
        }
    }
}
