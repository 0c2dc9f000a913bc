package dev.ferry.core.format.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.FileChecksum;
import dev.ferry.core.format.FileSummary;
import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.options.ParquetCompression;
import dev.ferry.core.value.ValueKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A file of records an engine wrote starts with the header Ferry's own CSV writer writes, and is summarised alike. */
class CsvRecordsFileTest {
    private static final List<String> NAMES = List.of("id", "a \"quoted\", name", "line\nbreak", "ünï");

    @TempDir
    Path temp;

    static List<FormatOptions> options() {
        return List.of(FormatOptions.DEFAULTS,
                new FormatOptions(DataFormat.CSV, true, ';', '\'', ParquetCompression.SNAPPY, 1),
                new FormatOptions(DataFormat.CSV, false, ',', '"', ParquetCompression.SNAPPY, 1));
    }

    @ParameterizedTest
    @MethodSource("options")
    void theHeaderIsTheOneCsvTableWriterWrites_andTheRecordsFollowAsTheyCame(FormatOptions options) throws Exception {
        Path written = temp.resolve("writer.csv");
        CsvTableWriter writer = new CsvTableWriter(written, options,
                NAMES.stream().map(n -> DataColumn.of(n, ValueKind.STRING)).toList());
        writer.write(new Object[] {"1", null, "", "x"});
        writer.close();

        Path dumped = temp.resolve("dumped.csv");
        byte[] record = (q(options, "1") + options.delimiter() + options.delimiter() + q(options, "")
                + options.delimiter() + q(options, "x") + "\n").getBytes(StandardCharsets.UTF_8);
        CsvRecordsFile file = CsvRecordsFile.create(dumped, options, NAMES);
        file.records().write(record);
        file.close();

        assertArrayEquals(Files.readAllBytes(written), Files.readAllBytes(dumped));
        FileSummary summary = file.summary();
        assertEquals(Files.size(dumped), summary.bytes());
        assertEquals(FileChecksum.sha256(dumped), summary.sha256());
        assertEquals(writer.summary(), summary);
    }

    private static String q(FormatOptions options, String value) {
        return options.quote() + value + options.quote();
    }
}
