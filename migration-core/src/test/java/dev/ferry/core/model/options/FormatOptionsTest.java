package dev.ferry.core.model.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.FerryErrors;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatOptionsTest {

    @Test
    void defaults() throws SQLException {
        assertEquals(FormatOptions.DEFAULTS, FormatOptions.from(Map.of(), "EXPORT DATABASE"));
        assertEquals(new FormatOptions(DataFormat.CSV, true, ',', '"', ParquetCompression.SNAPPY, 122_880),
                FormatOptions.DEFAULTS);
    }

    @Test
    void valuesInAnyCase() throws SQLException {
        FormatOptions options = FormatOptions.from(Map.of("format", "CSV", "Header", "FALSE", "delimiter", "|"), "X");
        assertFalse(options.header());
        assertEquals('|', options.delimiter());
    }

    @Test
    void unknownOptionListsTheValidOnes() {
        SQLException error = assertThrows(SQLException.class,
                () -> FormatOptions.from(Map.of("COLOUR", "blue"), "EXPORT DATABASE"));
        assertEquals(FerryErrors.INVALID_PARAMETER, error.getSQLState());
        assertTrue(error.getMessage().contains("Unknown option COLOUR for EXPORT DATABASE"), error.getMessage());
        assertTrue(error.getMessage().contains("FORMAT (csv or parquet), COMPRESSION (for CSV gzip, zstd, none or auto;"
                + " for Parquet snappy, zstd, gzip or uncompressed); for CSV: HEADER"), error.getMessage());
    }

    @Test
    void parquetOptions() throws SQLException {
        FormatOptions options = FormatOptions.from(Map.of("format", "PARQUET", "compression", "zstd",
                "row_group_size", "1000"), "EXPORT DATABASE");
        assertEquals(DataFormat.PARQUET, options.format());
        assertEquals(ParquetCompression.ZSTD, options.compression());
        assertEquals(1000, options.rowGroupRows());
        assertEquals(Map.of("FORMAT", "parquet"), options.readerOptions(), "write-only options stay out of load.sql");
        assertEquals(ParquetCompression.UNCOMPRESSED,
                FormatOptions.from(Map.of("FORMAT", "parquet", "CODEC", "none"), "COPY").compression());
    }

    @Test
    void optionsOfTheOtherFormatAreRefused() {
        SQLException csvOption = assertThrows(SQLException.class,
                () -> FormatOptions.from(Map.of("FORMAT", "parquet", "HEADER", "true"), "EXPORT DATABASE"));
        assertTrue(csvOption.getMessage().startsWith("HEADER is not an option of FORMAT parquet"), csvOption.getMessage());
        SQLException parquetOption = assertThrows(SQLException.class,
                () -> FormatOptions.from(Map.of("ROW_GROUP_SIZE", "1000"), "EXPORT DATABASE"));
        assertTrue(parquetOption.getMessage().startsWith("ROW_GROUP_SIZE is not an option of FORMAT csv"),
                parquetOption.getMessage());
    }

    /** COMPRESSION of FORMAT csv, as DuckDB spells it: the whole file compressed, auto (by its name) by default. */
    @Test
    void csvCompression_gzipZstdNoneAuto_inAnyOrderOfTheOptions() throws SQLException {
        assertEquals(CsvCompression.AUTO, FormatOptions.DEFAULTS.csvCompression());
        assertEquals(CsvCompression.GZIP, FormatOptions.from(Map.of("COMPRESSION", "gzip"), "COPY").csvCompression());
        assertEquals(CsvCompression.ZSTD, FormatOptions.from(Map.of("codec", "ZSTD"), "COPY").csvCompression());
        assertEquals(CsvCompression.NONE, FormatOptions.from(Map.of("COMPRESSION", "none"), "COPY").csvCompression());
        assertEquals(CsvCompression.NONE,
                FormatOptions.from(Map.of("COMPRESSION", "uncompressed"), "COPY").csvCompression());
        assertEquals(CsvCompression.AUTO, FormatOptions.from(Map.of("COMPRESSION", "auto"), "COPY").csvCompression());
        Map<String, String> formatLast = new LinkedHashMap<>();
        formatLast.put("COMPRESSION", "zstd");
        formatLast.put("FORMAT", "csv");
        FormatOptions zstd = FormatOptions.from(formatLast, "EXPORT DATABASE");
        assertEquals(CsvCompression.ZSTD, zstd.csvCompression());
        assertEquals(ParquetCompression.SNAPPY, zstd.compression(), "Parquet's codec is left at its default");
        formatLast.put("FORMAT", "parquet");
        FormatOptions parquet = FormatOptions.from(formatLast, "EXPORT DATABASE");
        assertEquals(ParquetCompression.ZSTD, parquet.compression());
        assertEquals(CsvCompression.AUTO, parquet.csvCompression());
    }

    @Test
    void csvCompression_refusesParquetsCodecsAndUnknownOnes() {
        for (String value : List.of("snappy", "lz4", "brotli", "")) {
            SQLException error = assertThrows(SQLException.class,
                    () -> FormatOptions.from(Map.of("FORMAT", "csv", "COMPRESSION", value), "EXPORT DATABASE"));
            assertEquals(FerryErrors.INVALID_PARAMETER, error.getSQLState());
            assertEquals("Invalid COMPRESSION '" + value + "' for FORMAT csv; valid: gzip, zstd, none (or"
                    + " uncompressed), auto (by the file's name: .gz gzip, .zst zstd)", error.getMessage());
        }
        SQLException auto = assertThrows(SQLException.class,
                () -> FormatOptions.from(Map.of("FORMAT", "parquet", "COMPRESSION", "auto"), "COPY"));
        assertEquals(FerryErrors.INVALID_PARAMETER, auto.getSQLState());
        assertEquals("Invalid COMPRESSION 'auto' for FORMAT parquet; valid: snappy, zstd, gzip, uncompressed",
                auto.getMessage());
    }

    /** load.sql and the manifest carry a compressed file's COMPRESSION; a plain file's options stay as they were. */
    @Test
    void csvCompression_inTheReaderOptionsAndTheFilesExtension() throws SQLException {
        Map<String, String> plain = Map.of("FORMAT", "csv", "HEADER", "true", "DELIMITER", ",", "QUOTE", "\"");
        assertEquals(plain, FormatOptions.DEFAULTS.readerOptions());
        assertEquals(plain, FormatOptions.from(Map.of("COMPRESSION", "none"), "X").readerOptions());
        assertEquals("csv", FormatOptions.DEFAULTS.fileExtension());
        assertEquals("csv", FormatOptions.from(Map.of("COMPRESSION", "auto"), "X").fileExtension());
        FormatOptions gzip = FormatOptions.from(Map.of("COMPRESSION", "gzip"), "X");
        assertEquals("gzip", gzip.readerOptions().get("COMPRESSION"));
        assertEquals("csv.gz", gzip.fileExtension());
        FormatOptions zstd = FormatOptions.from(Map.of("COMPRESSION", "zstd"), "X");
        assertEquals("zstd", zstd.readerOptions().get("COMPRESSION"));
        assertEquals("csv.zst", zstd.fileExtension());
        assertEquals(zstd, FormatOptions.from(zstd.readerOptions(), "COPY"), "read back as written");
        assertEquals("parquet", FormatOptions.from(Map.of("FORMAT", "parquet", "COMPRESSION", "gzip"), "X")
                .fileExtension());
    }

    /** COPY's file: auto becomes the codec its name says; a codec given stays, whatever the name. */
    @Test
    void csvCompression_autoResolvedByTheFilesName() throws SQLException {
        assertEquals(CsvCompression.GZIP, FormatOptions.DEFAULTS.forFile(Path.of("dir/x.CSV.GZ")).csvCompression());
        assertEquals(CsvCompression.ZSTD, FormatOptions.DEFAULTS.forFile(Path.of("x.csv.zst")).csvCompression());
        assertEquals(CsvCompression.NONE, FormatOptions.DEFAULTS.forFile(Path.of("x.csv")).csvCompression());
        assertEquals(CsvCompression.NONE, FormatOptions.DEFAULTS.forFile(Path.of("x.gzip")).csvCompression());
        assertEquals(CsvCompression.GZIP, FormatOptions.from(Map.of("COMPRESSION", "gzip"), "COPY")
                .forFile(Path.of("x.csv")).csvCompression());
        assertEquals(CsvCompression.NONE, FormatOptions.from(Map.of("COMPRESSION", "none"), "COPY")
                .forFile(Path.of("x.csv.gz")).csvCompression());
    }

    @Test
    void parquetTypes_duckdbByDefault_sparkOnRequest_onlyWithParquet() throws SQLException {
        assertEquals(ParquetTypes.DUCKDB, FormatOptions.from(Map.of("FORMAT", "parquet"), "EXPORT DATABASE")
                .parquetTypes());
        FormatOptions spark = FormatOptions.from(Map.of("FORMAT", "parquet", "parquet_types", "Spark"),
                "EXPORT DATABASE");
        assertEquals(ParquetTypes.SPARK, spark.parquetTypes());
        assertEquals(Map.of("FORMAT", "parquet"), spark.readerOptions(), "each file says how it was written");
        SQLException unknown = assertThrows(SQLException.class, () -> FormatOptions.from(
                Map.of("FORMAT", "parquet", "PARQUET_TYPES", "hive"), "EXPORT DATABASE"));
        assertEquals(FerryErrors.INVALID_PARAMETER, unknown.getSQLState());
        assertEquals("Invalid PARQUET_TYPES 'hive'; valid: duckdb, spark", unknown.getMessage());
        SQLException csv = assertThrows(SQLException.class,
                () -> FormatOptions.from(Map.of("PARQUET_TYPES", "spark"), "EXPORT DATABASE"));
        assertTrue(csv.getMessage().startsWith("PARQUET_TYPES is not an option of FORMAT csv"), csv.getMessage());
        assertTrue(csv.getMessage().contains("PARQUET_TYPES (duckdb or spark)"), csv.getMessage());
    }

    /** DuckDB's spelling of what Ferry always does, as load scripts written for DuckDB say it; true is refused. */
    @Test
    void allowQuotedNullsIsTakenAsFalseOnly() throws SQLException {
        assertEquals(FormatOptions.DEFAULTS, FormatOptions.from(Map.of("allow_quoted_nulls", "false"), "COPY"));
        SQLException refused = assertThrows(SQLException.class,
                () -> FormatOptions.from(Map.of("ALLOW_QUOTED_NULLS", "true"), "COPY"));
        assertEquals(FerryErrors.INVALID_PARAMETER, refused.getSQLState());
        assertTrue(refused.getMessage().contains("empty string"), refused.getMessage());
        assertThrows(SQLException.class, () -> FormatOptions.from(Map.of("FORMAT", "parquet",
                "ALLOW_QUOTED_NULLS", "false"), "COPY"));
        SQLException writing = assertThrows(SQLException.class,
                () -> FormatOptions.refuseReaderOptions(Map.of("allow_quoted_nulls", "false"), "EXPORT DATABASE"));
        assertEquals("ALLOW_QUOTED_NULLS is an option of reading a file (COPY ... FROM, load.sql), not of EXPORT DATABASE",
                writing.getMessage());
        FormatOptions.refuseReaderOptions(Map.of("HEADER", "false"), "EXPORT DATABASE");
    }

    @Test
    void badValues() {
        for (Map<String, String> bad : new Map[] {Map.of("HEADER", "maybe"), Map.of("DELIMITER", "||"),
                Map.of("QUOTE", "\n"), Map.of("FORMAT", "xml"), Map.of("DELIMITER", "\""),
                Map.of("FORMAT", "parquet", "COMPRESSION", "lzma"), Map.of("FORMAT", "parquet", "ROW_GROUP_SIZE", "0")}) {
            SQLException error = assertThrows(SQLException.class, () -> FormatOptions.from(bad, "EXPORT DATABASE"));
            assertEquals(FerryErrors.INVALID_PARAMETER, error.getSQLState(), error.getMessage());
        }
    }
}
