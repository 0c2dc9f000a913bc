package dev.ferry.it.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ferry's compressed CSV exports (COMPRESSION gzip, zstd) of each engine imported into the next one of
 * {@link TestEngine} (the last into the first), so that every engine writes them and every engine's loader reads them
 * (H2's, HSQLDB's and SQLite's INSERTs, DuckDB's Appender, PostgreSQL's COPY FROM STDIN, MariaDB's LOAD DATA), and
 * VERIFY DATABASE compares them.
 */
class CompressedCsvAcrossEnginesIT {
    @TempDir
    Path temp;

    static Stream<Arguments> pairs() {
        List<Arguments> pairs = new ArrayList<>();
        TestEngine[] engines = TestEngine.values();
        for (int i = 0; i < engines.length; i++) {
            for (String codec : List.of("gzip", "zstd")) {
                pairs.add(Arguments.of(engines[i], engines[(i + 1) % engines.length], codec));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} to {1} in {2}")
    @MethodSource("pairs")
    void aCompressedExportOfOneEngineImportsIntoAnother(TestEngine source, TestEngine target, String codec)
            throws Exception {
        Path export = temp.resolve("export");
        try (TestEngine.TestDatabase from = source.create(temp); TestEngine.TestDatabase to = target.create(temp)) {
            try (Connection connection = from.connect(); Statement statement = connection.createStatement()) {
                SharedSchema.create(connection, source);
                statement.execute("EXPORT DATABASE '" + export + "' (FORMAT csv, COMPRESSION " + codec + ")");
            }
            String suffix = codec.equals("gzip") ? ".csv.gz" : ".csv.zst";
            try (Stream<Path> files = Files.walk(export)) {
                List<Path> data = files.filter(f -> f.getFileName().toString().contains(".csv")).toList();
                assertTrue(data.size() >= 2 && data.stream().allMatch(f -> f.toString().endsWith(suffix)),
                        data.toString());
            }
            try (Connection connection = to.connect(); Statement statement = connection.createStatement()) {
                statement.execute("IMPORT DATABASE '" + export + "'");
                assertEquals(SharedSchema.expected(SharedSchema.CUSTOMERS), SharedSchema.customers(connection));
                assertEquals(SharedSchema.expected(SharedSchema.ORDERS), SharedSchema.orders(connection));
                try (ResultSet verified = statement.executeQuery("VERIFY DATABASE '" + export + "'")) {
                    int tables = 0;
                    while (verified.next()) {
                        assertEquals("ok", verified.getString("status"), verified.getString("table_name") + ": "
                                + verified.getString("detail"));
                        tables++;
                    }
                    assertTrue(tables >= 2, "tables verified: " + tables);
                }
            }
        }
    }
}
