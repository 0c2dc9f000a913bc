package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.operation.verify.DataComparison;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Streaming: a table of 1,000,000 rows is exported and imported by the command line in JVMs with a small heap, which
 * could not hold the table: 64 MB in CSV, 128 MB in Parquet (whose writer holds a row group of up to 32 MB).
 */
class LargeTableIT {
    private static final int ROWS = 1_000_000;

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} at -Xmx{1}m")
    @CsvSource({"csv, 64", "parquet, 128"})
    void millionRowsRoundTripInASmallHeap(String format, int heapMegabytes) throws Exception {
        String sourceUrl = "jdbc:h2:" + temp.resolve("source");
        String targetUrl = "jdbc:h2:" + temp.resolve("target");
        try (Connection source = DriverManager.getConnection(sourceUrl)) {
            TestDatabases.execute(source,
                    "CREATE TABLE big (id BIGINT PRIMARY KEY, name VARCHAR(60) NOT NULL, amount DECIMAL(14, 2),"
                            + " at TIMESTAMP(6), flag BOOLEAN, note VARCHAR(200))",
                    "INSERT INTO big SELECT X, 'name ' || X || ' ' || REPEAT('x', MOD(X, 20)), X * 1.01,"
                            + " TIMESTAMP '2020-01-01 00:00:00' + X * INTERVAL '1.000001' SECOND, MOD(X, 2) = 0,"
                            + " CASE MOD(X, 3) WHEN 0 THEN NULL WHEN 1 THEN '' ELSE 'a,\"b\"' || CHAR(10) || X END"
                            + " FROM SYSTEM_RANGE(1, " + ROWS + ")");
        }
        Path export = temp.resolve("export");

        long start = System.nanoTime();
        JavaProcess.Result exported = cli(heapMegabytes, sourceUrl,
                "EXPORT DATABASE '" + export + "' (FORMAT " + format + ")");
        long exportMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, exported.exitCode(), exported.toString());
        assertTrue(exported.out().contains("1000000"), exported.toString());

        start = System.nanoTime();
        JavaProcess.Result imported = cli(heapMegabytes, targetUrl, "IMPORT DATABASE '" + export + "'");
        long importMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, imported.exitCode(), imported.toString());
        System.out.printf("1,000,000 rows in %s at -Xmx%dm: export %d ms, import %d ms (whole JVMs), data file %d bytes%n",
                format, heapMegabytes, exportMillis, importMillis,
                java.nio.file.Files.size(export.resolve("data/public.big/part-0001." + format)));

        try (Connection source = DriverManager.getConnection(sourceUrl);
             Connection target = DriverManager.getConnection(targetUrl)) {
            assertEquals((long) ROWS, TestDatabases.value(target, "SELECT COUNT(*) FROM big"));
            assertEquals(List.of(), new DataComparison(source, target).differences("\"PUBLIC\".\"BIG\""));
        }
    }

    private JavaProcess.Result cli(int heapMegabytes, String url, String sql) throws Exception {
        return JavaProcess.run(temp, List.of("-Xmx" + heapMegabytes + "m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), "dev.ferry.cli.FerryCommandLine", url, "-c", sql));
    }
}
