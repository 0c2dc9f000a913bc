package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user runs it: {@code java -jar driver/target/ferry.jar ...} with the H2 jar beside it. */
class CommandLineIT {
    private static Path ferryJar;
    private static Path h2Jar;

    @TempDir
    Path temp;

    @BeforeAll
    static void jars() {
        ferryJar = JavaProcess.fileFromProperty("ferry.jar");
        h2Jar = JavaProcess.fileFromProperty("ferry.h2.jar");
    }

    private JavaProcess.Result ferry(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("-jar", ferryJar.toString()));
        Collections.addAll(command, arguments);
        return JavaProcess.run(temp, command);
    }

    @Test
    void theJarHoldsNoDatabaseDriver() throws Exception {
        try (JarFile jar = new JarFile(ferryJar.toFile())) {
            List<String> drivers = jar.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("org/h2/") || n.startsWith("org/postgresql/") || n.startsWith("org/mariadb/")
                            || n.startsWith("org/hsqldb/") || n.startsWith("org/sqlite/") || n.startsWith("org/duckdb/"))
                    .toList();
            assertEquals(List.of(), drivers);
            assertTrue(jar.getEntry("dev/ferry/cli/FerryCommandLine.class") != null);
            assertEquals("dev.ferry.driver.FerryDriver",
                    new String(jar.getInputStream(jar.getEntry("META-INF/services/java.sql.Driver")).readAllBytes()).strip());
        }
    }

    /**
     * Issue 15: no Hadoop, no native code, every library relocated under dev.ferry.shaded, so the jar meets no
     * application's own Parquet, jOOQ, Jackson or SLF4J, and under 20 MB.
     */
    @Test
    void theJarHoldsNoHadoopAndRelocatesItsLibraries() throws Exception {
        try (JarFile jar = new JarFile(ferryJar.toFile())) {
            List<String> foreign = jar.stream().map(e -> e.getName())
                    .map(n -> n.replaceFirst("^META-INF/versions/\\d+/", ""))
                    .filter(n -> n.endsWith(".class") && !n.equals("module-info.class"))
                    .filter(n -> !n.startsWith("dev/ferry/"))
                    .toList();
            assertEquals(List.of(), foreign.subList(0, Math.min(20, foreign.size())), foreign.size() + " classes");
            assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("webapps/")
                    || e.getName().startsWith("hdfs-default") || e.getName().startsWith("core-default")));
            assertTrue(jar.stream().noneMatch(e -> e.getName().matches(".*\\.(so|dll|dylib|jnilib)$")), "native code");
        }
        assertTrue(Files.size(ferryJar) < 20_000_000, Files.size(ferryJar) + " bytes");
    }

    /**
     * As Spark's class path is: another parquet-java (1.13.1), SLF4J (with no provider) and Hadoop's client before
     * ferry.jar. Ferry's Parquet, relocated, writes and reads its files beside them (before, ParquetTableWriter met
     * the other Parquet's classes: NoSuchMethodError), and leaves the application's SLF4J alone (it would print that
     * it has no provider).
     */
    @Test
    void parquetWorksBesideAnotherParquetAndHadoopOnOneClassPath() throws Exception {
        Path other = Path.of(System.getProperty("ferry.other.parquet"));
        List<String> classPath = new ArrayList<>();
        try (var jars = Files.list(other)) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> classPath.add(p.toString()));
        }
        assertTrue(classPath.stream().anyMatch(p -> p.contains("parquet-hadoop-1.13.1")), classPath.toString());
        classPath.add(ferryJar.toString());
        classPath.add(h2Jar.toString());
        String path = String.join(java.io.File.pathSeparator, classPath);
        String source = "jdbc:h2:" + temp.resolve("spark");
        JavaProcess.Result exported = JavaProcess.run(temp, List.of("-cp", path, "dev.ferry.cli.FerryCommandLine",
                source, "-c", "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20));"
                        + " INSERT INTO t VALUES (1, 'one'), (2, NULL);"
                        + " EXPORT DATABASE 'beside' (FORMAT parquet, COMPRESSION zstd)"));
        assertEquals(0, exported.exitCode(), exported.toString());
        assertOnlyProgress(exported);
        JavaProcess.Result imported = JavaProcess.run(temp, List.of("-cp", path, "dev.ferry.cli.FerryCommandLine",
                "jdbc:h2:" + temp.resolve("spark2"), "-c", "IMPORT DATABASE 'beside'",
                "-c", "SELECT COUNT(name) FROM t"));
        assertEquals(0, imported.exitCode(), imported.toString());
        assertOnlyProgress(imported);
        assertTrue(imported.out().contains("| 1 "), imported.toString());
    }

    /** As DBeaver or an application server does: ferry.jar and the database's jar in one class loader of their own. */
    @Test
    void theDriverFindsADatabaseDriverLoadedBesideItInAClassLoaderOfItsOwn() throws Exception {
        java.net.URL[] jars = {ferryJar.toUri().toURL(), h2Jar.toUri().toURL()};
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(jars, ClassLoader.getPlatformClassLoader())) {
            java.sql.Driver driver = (java.sql.Driver) Class.forName("dev.ferry.driver.FerryDriver", true, loader)
                    .getDeclaredConstructor().newInstance();
            assertFalse(driver.getClass().getClassLoader() == getClass().getClassLoader());
            try (java.sql.Connection connection = driver.connect("jdbc:ferry:h2:mem:isolated", new java.util.Properties());
                 java.sql.Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
                assertEquals(0, statement.executeUpdate("EXPORT DATABASE '" + temp.resolve("isolated") + "'"));
                assertTrue(connection.unwrap(Class.forName("org.h2.jdbc.JdbcConnection", false, loader)) != null);
            }
        }
        assertTrue(Files.exists(temp.resolve("isolated").resolve("data/public.t/part-0001.csv")));
    }

    @Test
    void exportThenImportWithDriverJars() throws Exception {
        String source = "jdbc:h2:" + temp.resolve("old");
        JavaProcess.Result created = ferry("--driver", h2Jar.toString(), source, "-c",
                "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20)); INSERT INTO t VALUES (1, 'one'), (2, NULL);"
                        + " CREATE SYNONYM s FOR t");
        assertEquals(0, created.exitCode(), created.toString());

        JavaProcess.Result exported = ferry("--driver", h2Jar.toString(), source, "-c", "EXPORT DATABASE 'tmp'");
        assertEquals(0, exported.exitCode(), exported.toString());
        assertTrue(exported.out().contains("| table_name"), exported.toString());
        assertTrue(exported.out().contains("\"PUBLIC\".\"T\""), exported.toString());
        assertTrue(exported.err().contains("Warning: SYNONYM PUBLIC.S is not exported"), exported.toString());
        assertTrue(exported.err().contains("export \"PUBLIC\".\"T\": 2 rows"), exported.toString());
        assertTrue(Files.exists(temp.resolve("tmp").resolve("manifest.json")));

        String target = "jdbc:ferry:h2:" + temp.resolve("new");
        JavaProcess.Result imported = ferry("--driver", h2Jar.toString(), target,
                "-c", "IMPORT DATABASE 'tmp'", "-c", "SELECT name FROM t ORDER BY id");
        assertEquals(0, imported.exitCode(), imported.toString());
        assertTrue(imported.out().contains("| one "), imported.toString());
        assertTrue(imported.out().contains("| NULL "), imported.toString());
    }

    /**
     * {@code --jobs} reaches EXPORT DATABASE (as ferry.jobs): embedded H2 cannot share a snapshot between connections,
     * so asking for two jobs exports on one connection with a warning saying so; a bad value is refused.
     */
    @Test
    void jobsOnEmbeddedH2ExportsOnOneConnection_andSaysWhy() throws Exception {
        String source = "jdbc:h2:" + temp.resolve("jobs");
        JavaProcess.Result exported = ferry("--driver", h2Jar.toString(), "--jobs", "2", source, "-c",
                "CREATE TABLE t (id INT PRIMARY KEY); CREATE TABLE u (id INT PRIMARY KEY); INSERT INTO t VALUES (1);"
                        + " EXPORT DATABASE 'two'");
        assertEquals(0, exported.exitCode(), exported.toString());
        assertTrue(exported.err().contains("Warning: JOBS 2: the export read its tables on one connection: h2 cannot"
                + " share a snapshot between connections"), exported.toString());
        assertTrue(Files.exists(temp.resolve("two").resolve("manifest.json")));

        JavaProcess.Result refused = ferry("--driver", h2Jar.toString(), "--jobs", "0", source, "-c", "SELECT 1");
        assertTrue(refused.exitCode() != 0, refused.toString());
        assertTrue(refused.err().contains("--jobs must be a whole number from 1 to 64, got 0"), refused.toString());
    }

    /** Hadoop and Parquet log through SLF4J; none of it (native-library or configuration warnings) reaches the user. */
    @Test
    void parquetPrintsNothingButFerrysOwnLines() throws Exception {
        String source = "jdbc:h2:" + temp.resolve("pq");
        for (String compression : List.of("snappy", "zstd", "gzip", "uncompressed")) {
            JavaProcess.Result exported = ferry("--driver", h2Jar.toString(), source, "-c",
                    "CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY, name VARCHAR(20));"
                            + " MERGE INTO t VALUES (1, 'one'), (2, NULL);"
                            + " EXPORT DATABASE '" + compression + "' (FORMAT parquet, COMPRESSION " + compression + ")");
            assertEquals(0, exported.exitCode(), exported.toString());
            assertOnlyProgress(exported);
            JavaProcess.Result imported = ferry("--driver", h2Jar.toString(), "jdbc:h2:" + temp.resolve("to" + compression),
                    "-c", "IMPORT DATABASE '" + compression + "'", "-c", "SELECT COUNT(name) FROM t");
            assertEquals(0, imported.exitCode(), imported.toString());
            assertOnlyProgress(imported);
            assertTrue(imported.out().contains("| 1 "), imported.toString());
        }
    }

    private static void assertOnlyProgress(JavaProcess.Result result) {
        for (String line : result.err().split("\\R")) {
            assertTrue(line.isBlank() || line.matches("(export|import)[ :].*"),
                    "unexpected line on stderr: " + line + "\n" + result);
        }
    }

    /**
     * Issue 16: where standard error is not a terminal, progress is plain lines (phases, totals, each table), no
     * carriage returns; under a pseudo-terminal ({@code script}), even with standard output sent to a file, it is a
     * bar with the rows done of the total the manifest gives, the rate and the time left; {@code --quiet} says
     * nothing.
     */
    @Test
    void progressIsABarWithTotalsOnATerminalAndPlainLinesElsewhere() throws Exception {
        String source = "jdbc:h2:" + temp.resolve("bar");
        JavaProcess.Result exported = ferry("--driver", h2Jar.toString(), source, "-c",
                "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20));"
                        + " INSERT INTO t SELECT x, 'name ' || x FROM SYSTEM_RANGE(1, 300000);"
                        + " CREATE INDEX t_name ON t (name); EXPORT DATABASE 'bar'");
        assertEquals(0, exported.exitCode(), exported.toString());
        assertTrue(exported.err().contains("export: schema\nexport: data, 1 file(s), about 300,000 rows\n"),
                exported.toString());
        assertTrue(exported.err().matches("(?s).*export \"PUBLIC\".\"T\": 300,000 rows, [0-9.]+ MB in .*"),
                exported.toString());
        assertTrue(exported.err().contains(" s (file 1 of 1)\nexport: scripts and manifest\n"), exported.toString());
        assertFalse(exported.err().contains("\r"), exported.toString());

        Path typescript = temp.resolve("typescript");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", java, "-jar", ferryJar.toString(), "--driver", h2Jar.toString(),
                "jdbc:h2:" + temp.resolve("into"), "-c", "\"IMPORT DATABASE 'bar'\"", ">", "imported.txt");
        Process script = new ProcessBuilder("script", "-q", "-e", "-c", command, typescript.toString())
                .directory(temp.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        script.getOutputStream().close();
        assertTrue(script.waitFor(5, TimeUnit.MINUTES), "script did not end");
        String terminal = Files.readString(typescript);
        assertEquals(0, script.exitValue(), terminal);
        assertTrue(terminal.contains("import: schema"), terminal);
        assertTrue(terminal.matches("(?s).*\rimport +\\d+% \\[[=> ]*\\] +\\d+/300000 rows \\(.*"), terminal);
        assertTrue(terminal.contains("300000/300000 rows"), terminal);
        assertTrue(terminal.matches("(?s).* rows/s [0-9.]+ [kM]?B/[0-9.]+ MB 1/1 \"PUBLIC\".\"T\".*"), terminal);
        assertTrue(terminal.matches("(?s).*\rimport \"PUBLIC\".\"T\": 300,000 rows, [0-9.]+ MB in .*"), terminal);
        assertTrue(terminal.contains("import: indexes and keys"), terminal);
        assertTrue(Files.readString(temp.resolve("imported.txt")).contains("| \"PUBLIC\".\"T\""));

        JavaProcess.Result quiet = ferry("--driver", h2Jar.toString(), "--quiet", "jdbc:h2:" + temp.resolve("quiet"),
                "-c", "IMPORT DATABASE 'bar'");
        assertEquals(0, quiet.exitCode(), quiet.toString());
        assertEquals("", quiet.err(), quiet.toString());
    }

    /**
     * Issue 16: a lone {@code -p} asks for the password on the terminal, as psql does, even with standard output sent
     * to a file (where Java has no console): on {@code /dev/tty}, its echo off while it is typed.
     */
    @Test
    void aLoneMinusPAsksOnTheTerminalWithStandardOutputToAFile() throws Exception {
        String database = "jdbc:h2:" + temp.resolve("locked");
        JavaProcess.Result created = ferry("--driver", h2Jar.toString(), "-u", "owner", "-pswordfish", database,
                "-c", "CREATE TABLE t (x INT); INSERT INTO t VALUES (42)");
        assertEquals(0, created.exitCode(), created.toString());

        Path typescript = temp.resolve("password-typescript");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", java, "-jar", ferryJar.toString(), "--driver", h2Jar.toString(), "-u",
                "owner", "-p", database, "-c", "\"SELECT x FROM t\"", ">", "selected.txt");
        Process script = new ProcessBuilder("script", "-q", "-e", "-f", "-c", command, typescript.toString())
                .directory(temp.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!(Files.exists(typescript) && Files.readString(typescript).contains("Password: "))) {
            assertTrue(script.isAlive() && System.nanoTime() < deadline, "no password prompt: "
                    + (Files.exists(typescript) ? Files.readString(typescript) : ""));
            Thread.sleep(50);
        }
        try (var typed = script.getOutputStream()) {
            typed.write("swordfish\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(script.waitFor(2, TimeUnit.MINUTES), "script did not end");
        String terminal = Files.readString(typescript);
        assertEquals(0, script.exitValue(), terminal);
        assertFalse(terminal.contains("swordfish"), "the password is not echoed: " + terminal);
        assertTrue(Files.readString(temp.resolve("selected.txt")).contains("| 42"),
                Files.readString(temp.resolve("selected.txt")));

        List<String> withoutTerminal = new ArrayList<>(List.of("setsid", "-w", java, "-jar", ferryJar.toString(),
                "--driver", h2Jar.toString(), "-u", "owner", "-p", database, "-c", "SELECT x FROM t"));
        Process detached = new ProcessBuilder(withoutTerminal).directory(temp.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        detached.getOutputStream().close();
        String error = new String(detached.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(detached.waitFor(2, TimeUnit.MINUTES));
        assertEquals(2, detached.exitValue(), error);
        assertTrue(error.contains("-p asks for the password on the terminal, and there is none (/dev/tty: "), error);
    }

    @Test
    void errorsAreReportedWithTheirSqlState() throws Exception {
        JavaProcess.Result result = ferry("--driver", h2Jar.toString(), "jdbc:h2:" + temp.resolve("db"),
                "-c", "EXPORT DATABASE 42");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().contains("Syntax error in EXPORT DATABASE at position 17"), result.toString());
        assertTrue(result.err().contains("[SQLState 42601]"), result.toString());
    }

    /**
     * Issue 15: ferry.jar alone, no Hadoop on its class path: a local export and import work as ever (and the CSV and
     * Parquet ones above), and a Hadoop URI is refused naming the jars to add; nothing is written for it.
     */
    @Test
    void withoutHadoopALocalExportWorks_andAHadoopUriSaysWhichJarsToAdd() throws Exception {
        String source = "jdbc:h2:" + temp.resolve("nohadoop");
        JavaProcess.Result local = ferry("--driver", h2Jar.toString(), source, "-c",
                "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20)); INSERT INTO t VALUES (1, 'one');"
                        + " EXPORT DATABASE 'local' (FORMAT parquet)");
        assertEquals(0, local.exitCode(), local.toString());
        assertTrue(Files.exists(temp.resolve("local").resolve("manifest.json")));
        JavaProcess.Result imported = ferry("--driver", h2Jar.toString(), "jdbc:h2:" + temp.resolve("nohadoop2"),
                "-c", "IMPORT DATABASE 'local'", "-c", "SELECT name FROM t");
        assertEquals(0, imported.exitCode(), imported.toString());
        assertTrue(imported.out().contains("| one "), imported.toString());

        JavaProcess.Result remote = ferry("--driver", h2Jar.toString(), source,
                "--property", "ferry.hadoop.fs.s3a.endpoint=http://127.0.0.1:9", "-c", "EXPORT DATABASE 's3a://bucket/out'");
        assertEquals(1, remote.exitCode(), remote.toString());
        assertTrue(remote.err().contains("Error: The directory for EXPORT DATABASE 's3a://bucket/out' is on the s3a file"
                + " system, which Ferry reaches through Hadoop's FileSystem API, and Hadoop is not on the class path: add"
                + " hadoop-client-api and hadoop-client-runtime"), remote.toString());
        assertTrue(remote.err().contains("hadoop-aws (3.4.2) with commons-lang3, and the AWS SDK v2's S3 jars"), remote.toString());
        assertTrue(remote.err().contains("[SQLState 0A000]"), remote.toString());
        assertFalse(Files.exists(temp.resolve("s3a:")));
    }

    @Test
    void aUrlWithoutItsDriverJarIsExplained() throws Exception {
        JavaProcess.Result result = ferry("jdbc:h2:" + temp.resolve("db"), "-c", "SELECT 1");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().contains("give the database driver's jar with --driver <jar>"), result.toString());

        JavaProcess.Result otherDriver = ferry("--driver", h2Jar.toString(), "jdbc:sqlite:x.db", "-c", "SELECT 1");
        assertEquals(1, otherDriver.exitCode(), otherDriver.toString());
        assertTrue(otherDriver.err().contains("No JDBC driver accepts jdbc:sqlite:x.db; the driver jars given ("
                + h2Jar.getFileName() + ") take other URLs: check the jdbc:<engine>: part"), otherDriver.toString());
    }

    @Test
    void demoRunsEndToEnd() throws Exception {
        JavaProcess.Result result = ferry("demo", "--driver", h2Jar.toString(), "--dir", temp.resolve("demo").toString(),
                "--rows", "3000");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("Result: every row of every table matches"), result.toString());
        assertTrue(result.out().contains("Tables: 5"), result.toString());
        assertFalse(result.out().contains("DIFFERS"), result.toString());
    }
}
