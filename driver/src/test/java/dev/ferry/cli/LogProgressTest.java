package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.model.progress.Phase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogProgressTest {
    private static final long SECOND = 1_000_000_000L;

    private final long[] now = {0};
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final LogProgress progress = new LogProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8),
            () -> now[0], 10 * SECOND);

    @Test
    void anImportSaysItsPhasesItsTotalsAStatusEveryIntervalAndEachFile() {
        progress.phaseStarted("import", Phase.SCHEMA);
        now[0] = 2 * SECOND;
        progress.phaseStarted("import", Phase.DATA);
        progress.dataStarted("import", 2, 2_000_000, 60_000_000);
        progress.tableStarted("import", "\"public\".\"a\"", 1_500_000);
        now[0] += 5 * SECOND;
        progress.rowsDone("\"public\".\"a\"", 500_000);
        now[0] += 5 * SECOND;
        progress.rowsDone("\"public\".\"a\"", 1_000_000);
        now[0] += 3 * SECOND;
        progress.rowsDone("\"public\".\"a\"", 1_300_000);
        now[0] += 2 * SECOND;
        progress.tableFinished("\"public\".\"a\"", 1_500_000, 45_000_000);
        progress.tableStarted("import", "\"public\".\"b\"", 500_000);
        progress.tableFinished("\"public\".\"b\"", 500_000, 15_000_000);
        progress.phaseStarted("import", Phase.INDEXES_AND_KEYS);
        progress.phaseStarted("import", Phase.VIEWS_AND_ROUTINES);
        assertEquals(List.of(
                "import: schema",
                "import: data, 2 file(s), 2,000,000 rows, 60.0 MB",
                "import: 1,000,000 of 2,000,000 rows (50 %), 30.0 MB of 60.0 MB loaded, 100,000 rows/s, 10 s left",
                "import \"public\".\"a\": 1,500,000 rows, 45.0 MB in 15.0 s (file 1 of 2)",
                "import \"public\".\"b\": 500,000 rows, 15.0 MB in 0.0 s (file 2 of 2)",
                "import: indexes and keys",
                "import: views and routines"), lines());
    }

    @Test
    void anExportsTotalIsAnEstimate_andAnUnknownOneIsLeftOut() {
        progress.dataStarted("export", 3, 10_000, -1);
        progress.tableStarted("export", "t", 10_000);
        now[0] = 20 * SECOND;
        progress.rowsDone("t", 4_000);
        progress.tableFinished("t", 4_000, 41_300);
        progress.dataStarted("export", 1, -1, -1);
        progress.tableStarted("export", "u", -1);
        now[0] = 40 * SECOND;
        progress.rowsDone("u", 2_000);
        assertEquals(List.of(
                "export: data, 3 file(s), about 10,000 rows",
                "export: 4,000 of about 10,000 rows (40 %), 200 rows/s, about 30 s left",
                "export t: 4,000 rows, 41.3 kB in 20.0 s (file 1 of 3)",
                "export: data, 1 file(s)",
                "export: 2,000 rows, 100 rows/s"), lines());
    }

    @Test
    void aCopyHasNoTotals() {
        progress.tableStarted("export", "orders", -1);
        progress.tableFinished("orders", 12, -1);
        assertEquals(List.of("export orders: 12 rows in 0.0 s"), lines());
    }

    @Test
    void anImportsStatusSaysTheBytesOfTheFilesLoaded() {
        progress.dataStarted("import", 2, 200, 2_500_000);
        progress.tableStarted("import", "a", 100);
        progress.tableFinished("a", 100, 1_000_000);
        progress.tableStarted("import", "b", 100);
        now[0] = 10 * SECOND;
        progress.rowsDone("b", 50);
        assertEquals(List.of(
                "import: data, 2 file(s), 200 rows, 2.5 MB",
                "import a: 100 rows, 1.0 MB in 0.0 s (file 1 of 2)",
                "import: 150 of 200 rows (75 %), 1.6 MB of 2.5 MB loaded, 15 rows/s, 3 s left"), lines());
    }

    @Test
    void sizesReadAsPeopleSayThem() {
        assertEquals("999 B", Bytes.of(999));
        assertEquals("1.0 kB", Bytes.of(1_000));
        assertEquals("41.3 kB", Bytes.of(41_300));
        assertEquals("1.0 MB", Bytes.of(999_950));
        assertEquals("3.0 GB", Bytes.of(3_000_000_000L));
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("59 s", StatusLine.duration(59));
        assertEquals("3 min 05 s", StatusLine.duration(185));
        assertEquals("1 h 02 min", StatusLine.duration(3_720));
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
