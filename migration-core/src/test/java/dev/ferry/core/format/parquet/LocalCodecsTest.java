package dev.ferry.core.format.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.format.TableWriter;
import dev.ferry.core.format.files.DataFiles;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.value.ValueKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ferry's page codecs against another implementation, with no Hadoop class on the class path (see the pom's surefire
 * configuration): DuckDB reads what Ferry writes in each codec, and Ferry reads what DuckDB writes.
 */
class LocalCodecsTest {
    private static final List<String> CODECS = List.of("snappy", "zstd", "gzip", "uncompressed");
    /** Read, not written: no export writes it, DuckDB and pyarrow may. */
    private static final String READ_ONLY_CODEC = "lz4_raw";
    private static final List<DataColumn> COLUMNS = List.of(DataColumn.of("n", ValueKind.BIGINT),
            new DataColumn("s", ValueKind.STRING, 100, 0));
    private static final int ROWS = 5_000;

    @TempDir
    Path temp;

    @Test
    void hadoopIsNotOnTheClassPath() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("org.apache.hadoop.conf.Configuration"));
    }

    @Test
    void duckDbReadsWhatFerryWritesInEachCodec() throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            for (String codec : CODECS) {
                Path file = temp.resolve("ferry-" + codec + ".parquet");
                FormatOptions options = FormatOptions.from(Map.of("FORMAT", "parquet", "COMPRESSION", codec,
                        "ROW_GROUP_SIZE", "1000"), "COPY");
                try (TableWriter writer = DataFiles.writer(file, options, COLUMNS)) {
                    for (long n = 0; n < ROWS; n++) {
                        writer.write(new Object[] {n, n % 7 == 0 ? null : "row " + n % 100});
                    }
                }
                try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file),
                        LocalReadOptions.create())) {
                    assertEquals(CompressionCodecName.valueOf(codec.toUpperCase()),
                            footer.getRowGroups().get(0).getColumns().get(0).getCodec());
                }
                try (ResultSet rs = statement.executeQuery("SELECT COUNT(*), SUM(n), COUNT(s), COUNT(DISTINCT s)"
                        + " FROM read_parquet('" + file + "')")) {
                    rs.next();
                    assertEquals(ROWS, rs.getLong(1), codec);
                    assertEquals((long) ROWS * (ROWS - 1) / 2, rs.getLong(2), codec);
                    assertEquals(ROWS - (ROWS + 6) / 7, rs.getLong(3), codec);
                    assertEquals(100, rs.getLong(4), codec);
                }
            }
        }
    }

    @Test
    void ferryReadsWhatDuckDbWritesInEachCodec() throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            for (String codec : concat(CODECS, READ_ONLY_CODEC)) {
                Path file = temp.resolve("duckdb-" + codec + ".parquet");
                statement.execute("COPY (SELECT range AS n, CASE WHEN range % 7 = 0 THEN NULL"
                        + " ELSE 'row ' || range % 100 END AS s FROM range(" + ROWS + ")) TO '" + file
                        + "' (FORMAT parquet, COMPRESSION " + codec + ", ROW_GROUP_SIZE 1000)");
                List<Object[]> rows = read(file);
                assertEquals(ROWS, rows.size(), codec);
                assertEquals(4_999L, rows.get(4_999)[0], codec);
                assertEquals("row 99", rows.get(4_999)[1], codec);
                assertEquals(null, rows.get(4_998)[1], codec);
            }
        }
    }

    @Test
    void aCodecFerryDoesNotReadIsNamed() throws Exception {
        Path file = temp.resolve("duckdb-brotli.parquet");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duckdb.createStatement()) {
            statement.execute("COPY (SELECT range AS n, 'x' AS s FROM range(10)) TO '" + file
                    + "' (FORMAT parquet, COMPRESSION brotli)");
        }
        Exception error = assertThrows(Exception.class, () -> read(file));
        String messages = error.toString() + (error.getCause() == null ? "" : error.getCause().toString());
        assertTrue(messages.contains("Parquet compression BROTLI is not supported"), messages);
    }

    private static List<String> concat(List<String> codecs, String codec) {
        List<String> all = new ArrayList<>(codecs);
        all.add(codec);
        return all;
    }

    private static List<Object[]> read(Path file) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (TableReader reader = DataFiles.reader(file, FormatOptions.from(Map.of("FORMAT", "parquet"), "COPY"),
                COLUMNS)) {
            for (Object[] row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }
}
