package dev.ferry.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit entry point: its command line, what it prints and its exit status. */
class FerrySparkTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterAll
    static void dropDatabases() throws Exception {
        Servers.dropCreated();
    }

    @Test
    void commandLinesItCannotRunAreRefusedWithTheUsage() {
        assertTrue(parse().isEmpty());
        assertTrue(errors().startsWith("usage: FerrySpark --url <jdbc-url>"), errors());
        assertTrue(parse("--url", "jdbc:postgresql://h/db", "SELECT 1").isEmpty());
        assertTrue(errors().contains("FerrySpark runs EXPORT DATABASE or IMPORT DATABASE, not: SELECT 1"), errors());
        assertTrue(parse("--url", "jdbc:postgresql://h/db", "--property", "ssl", "EXPORT DATABASE 'x'").isEmpty());
        assertTrue(errors().contains("--property takes <key>=<value>, got 'ssl'"), errors());
        assertTrue(parse("--url", "jdbc:postgresql://h/db", "--user").isEmpty());
        assertTrue(errors().contains("--user needs a value"), errors());
        assertTrue(parse("--url", "jdbc:postgresql://h/db", "EXPORT DATABASE 'x' (FORMAT").isEmpty());
        assertTrue(errors().startsWith("error: "), errors());
    }

    @Test
    void exportsAndImportsAPostgresDatabase() throws Exception {
        JdbcSource source = SampleDatabase.create(Servers.POSTGRES, "ferry_spark_src");
        Path export = temp.resolve("export");
        String url = source.url();
        assertEquals(0, run("--url", url, "--user", "postgres", "--hadoop", "io.file.buffer.size=65536",
                "EXPORT DATABASE '" + export + "' (FORMAT parquet, CHUNK_ROWS 1000)"), errors());
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("table_name\tfile\trows\tbytes", lines.get(0));
        assertEquals(7, lines.size(), "the header and a line per data file: " + lines);
        assertTrue(lines.get(1).startsWith("\"public\".\"customers\"\tdata/public.customers/part-0001.parquet\t300\t"),
                lines.get(1));
        assertTrue(errors().contains("warning: The data files were each read in a transaction of their own"),
                errors());

        JdbcSource target = Servers.POSTGRES.freshDatabase("ferry_spark_dst");
        assertEquals(0, run("--url", target.url(), "--user", "postgres", "IMPORT DATABASE '" + export + "'"),
                errors());
        SampleDatabase.assertSameRows(Servers.POSTGRES, source, target);
        assertEquals(1, run("--url", target.url(), "--user", "postgres", "IMPORT DATABASE '" + export + "'"));
        assertTrue(errors().contains("error: IMPORT DATABASE runs only into an empty database")
                && errors().contains("(SQLState 42000)"), errors());
    }

    private Optional<FerrySpark.Request> parse(String... args) {
        err.reset();
        return FerrySpark.Request.parse(args, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        Optional<FerrySpark.Request> request = parse(args);
        assertTrue(request.isPresent(), errors());
        out.reset();
        return FerrySpark.run(LocalSpark.get(), request.get(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
