package dev.ferry.core.operation.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.StandardDialect;
import dev.ferry.core.dialect.TableDumper;
import dev.ferry.core.format.FileChecksum;
import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.jobs.RunningQueries;
import dev.ferry.core.value.ValueText;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a read goes through the dialect's dumper, and what it then writes and reports. */
class DumpedReadTest {
    private static final List<String> NAMES = List.of("id", "t");
    private static final String SELECT = "SELECT id, t FROM t";

    @TempDir
    Path temp;

    private final List<String> calls = new ArrayList<>();
    private final RunningQueries queries = new RunningQueries();
    private boolean dumps = true;

    /** A dialect whose dumper writes two records, cancelling all queries while it writes (as a failing job would). */
    private final StandardDialect dialect = new StandardDialect() {
        @Override
        public Optional<TableDumper> tableDumper(Connection connection) {
            calls.add("tableDumper");
            return Optional.of(new TableDumper() {
                @Override
                public Optional<Dump> prepare(String select, List<String> columnNames, FormatOptions options) {
                    calls.add("prepare " + select + " " + columnNames);
                    return dumps ? Optional.of((out, progress, name) -> write(out)) : Optional.empty();
                }

                @Override
                public void cancel() {
                    calls.add("cancel");
                }
            });
        }
    };

    private long write(OutputStream out) throws java.io.IOException {
        out.write("\"1\",\"a\"\n\"2\",\n".getBytes(StandardCharsets.UTF_8));
        queries.cancelAll();
        return 2;
    }

    private Optional<TableExport> write(Path path, FormatOptions options, ValueText text) throws Exception {
        return DumpedRead.write(null, queries, dialect, SELECT, NAMES, path, options, text, "t",
                new ProgressListener() { });
    }

    @Test
    void aCsvFileInFerrysTextIsWrittenByTheDumper_itsRowsCounted_itsCancelRegisteredWhileItRuns() throws Exception {
        Path path = temp.resolve("t.csv");
        TableExport export = write(path, FormatOptions.DEFAULTS, ValueText.FERRY).orElseThrow();
        assertEquals("\"id\",\"t\"\n\"1\",\"a\"\n\"2\",\n", Files.readString(path));
        assertEquals(2, export.rows());
        assertEquals(Files.size(path), export.file().bytes());
        assertEquals(FileChecksum.sha256(path), export.file().sha256());
        assertEquals(List.of("tableDumper", "prepare " + SELECT + " " + NAMES, "cancel"), calls);
    }

    @Test
    void parquetDuckDbsTextAndTheTestSwitchGoRowByRow_withoutAskingTheDialect() throws Exception {
        FormatOptions parquet = new FormatOptions(DataFormat.PARQUET, true, ',', '"',
                FormatOptions.DEFAULTS.compression(), FormatOptions.DEFAULTS.rowGroupRows());
        assertTrue(write(temp.resolve("a"), parquet, ValueText.FERRY).isEmpty());
        assertTrue(write(temp.resolve("b"), FormatOptions.DEFAULTS, ValueText.DUCKDB).isEmpty());
        System.setProperty(DumpedRead.ROW_BY_ROW, "true");
        try {
            assertTrue(write(temp.resolve("c"), FormatOptions.DEFAULTS, ValueText.FERRY).isEmpty());
        } finally {
            System.clearProperty(DumpedRead.ROW_BY_ROW);
        }
        assertEquals(List.of(), calls);
    }

    @Test
    void whereTheDumperRefusesNothingIsWritten() throws Exception {
        dumps = false;
        Path path = temp.resolve("t.csv");
        assertTrue(write(path, FormatOptions.DEFAULTS, ValueText.FERRY).isEmpty());
        assertFalse(Files.exists(path));
        assertFalse(queries.cancelled());
    }
}
