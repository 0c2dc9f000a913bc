package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.cli.FerryCommandLine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The command line's {@code -f} (a file of statements, {@code -} for standard input, in order with the
 * {@code -c}'s, a failure naming the file and line) and {@code --output csv|json} (every row, machine-readable), on H2
 * and PostgreSQL, run in this JVM as {@code java -jar ferry.jar} runs them.
 */
class CommandLineScriptsIT {
    enum Engine { H2, POSTGRESQL, MARIADB }

    @TempDir
    Path temp;

    private String dropDatabase;
    private TestServer server;

    @AfterEach
    void drop() throws Exception {
        if (dropDatabase != null) {
            server.dropDatabase(dropDatabase);
        }
    }

    /** A MariaDB file splits as MariaDB's own client splits it: a backslash-escaped quote holds no statement's end. */
    @org.junit.jupiter.api.Test
    void aMariaDbFileSplitsAsMariaDbReadsIt() throws Exception {
        Path script = temp.resolve("mariadb.sql");
        Files.writeString(script, "CREATE TABLE t (id INT PRIMARY KEY, s VARCHAR(40));\n"
                + "INSERT INTO t VALUES (1, 'it\\'s; here');\n# a comment; with a semicolon\nINSERT INTO t VALUES (2, 'b');\n");
        Result result = run(Engine.MARIADB, "-f", script.toString(), "-o", "csv", "-c", "SELECT id, s FROM t ORDER BY id");
        assertEquals(0, result.status(), result.toString());
        assertEquals("\"id\",\"s\"\n\"1\",\"it's; here\"\n\"2\",\"b\"\n", result.out());
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"H2", "POSTGRESQL"})
    void filesAndCommandsRunInTheOrderGiven(Engine engine) throws Exception {
        Path create = temp.resolve("create.sql");
        Files.writeString(create, "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20));\n"
                + "INSERT INTO t VALUES (1, 'one');\n");
        Path more = temp.resolve("more.sql");
        Files.writeString(more, "INSERT INTO t VALUES (3, 'three');");
        Result result = run(engine, "-f", create.toString(), "-c", "INSERT INTO t VALUES (2, 'two')",
                "-f", more.toString(), "-o", "csv", "-c", "SELECT id, name FROM t ORDER BY id");
        assertEquals(0, result.status(), result.toString());
        assertEquals("\"id\",\"name\"\n\"1\",\"one\"\n\"2\",\"two\"\n\"3\",\"three\"\n", result.out().toLowerCase());
        assertTrue(result.err().contains("1 rows affected"), result.toString());
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"H2", "POSTGRESQL"})
    void aFailingStatementOfAFileIsNamedWithItsLine(Engine engine) throws Exception {
        Path script = temp.resolve("broken.sql");
        Files.writeString(script, "CREATE TABLE t (id INT PRIMARY KEY);\n\nINSERT INTO t VALUES (1);\n"
                + "INSERT INTO t VALUES (1);\n");
        Result result = run(engine, "-f", script.toString());
        assertEquals(1, result.status(), result.toString());
        assertTrue(result.err().contains("(" + script + ", line 4) [SQLState 23"), result.toString());

        Result missing = run(engine, "-c", "CREATE TABLE before_the_file (id INT)", "-f",
                temp.resolve("nothing.sql").toString());
        assertEquals(2, missing.status(), missing.toString());
        assertTrue(missing.err().contains("Cannot read -f " + temp.resolve("nothing.sql") + ": there is no such file"),
                missing.toString());
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"H2", "POSTGRESQL"})
    void standardInputIsAFileToo(Engine engine) throws Exception {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("SELECT 40 + 2 AS answer;".getBytes(StandardCharsets.UTF_8)));
            Result result = run(engine, "-f", "-", "--output", "JSON");
            assertEquals(0, result.status(), result.toString());
            assertEquals("[{\"answer\":42}]", result.out().strip().toLowerCase());

            System.setIn(new ByteArrayInputStream("SELECT 'caf\u00e9' AS word;".getBytes(StandardCharsets.ISO_8859_1)));
            Result latin1 = run(engine, "-c", "CREATE TABLE before_the_file (id INT)", "-f", "-");
            assertEquals(2, latin1.status(), latin1.toString());
            assertTrue(latin1.err().contains("Cannot read -f -: it is not UTF-8 text"), latin1.toString());
            Result nothingRan = run(engine, "-c", "SELECT COUNT(*) AS n FROM before_the_file");
            assertEquals(1, nothingRan.status(), "a -f that cannot be read runs nothing: " + nothingRan);
        } finally {
            System.setIn(stdin);
        }
    }

    /** CSV keeps NULL and the empty string apart, quotes what needs it; JSON gives numbers, booleans and null. */
    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"H2", "POSTGRESQL"})
    void csvAndJsonCarryEveryValueAsItIs(Engine engine) throws Exception {
        String create = "CREATE TABLE v (id INT PRIMARY KEY, s VARCHAR(40), d DECIMAL(20, 3), b BOOLEAN, big BIGINT)";
        String insert = "INSERT INTO v VALUES (1, '', 12345678901234567.125, TRUE, 9223372036854775807),"
                + " (2, NULL, NULL, NULL, NULL), (3, 'say \"hi\", then\nleave', -0.5, FALSE, -1)";
        String select = "SELECT id, s, d, b, big FROM v ORDER BY id";
        Result csv = run(engine, "-c", create, "-c", insert, "--output", "csv", "-c", select);
        assertEquals(0, csv.status(), csv.toString());
        String booleanTrue = engine == Engine.H2 ? "TRUE" : "t";
        String booleanFalse = engine == Engine.H2 ? "FALSE" : "f";
        assertEquals("\"id\",\"s\",\"d\",\"b\",\"big\"\n"
                + "\"1\",\"\",\"12345678901234567.125\",\"" + booleanTrue + "\",\"9223372036854775807\"\n"
                + "\"2\",,,,\n"
                + "\"3\",\"say \"\"hi\"\", then\nleave\",\"-0.500\",\"" + booleanFalse + "\",\"-1\"\n",
                engine == Engine.H2 ? csv.out().replace("\"ID\",\"S\",\"D\",\"B\",\"BIG\"", "\"id\",\"s\",\"d\",\"b\",\"big\"")
                        : csv.out());

        Result json = run(engine, "--output", "json", "-c", "SELECT id AS \"id\", s AS \"s\", d AS \"d\", b AS \"b\","
                + " big AS \"big\" FROM v ORDER BY id");
        assertEquals(0, json.status(), json.toString());
        assertEquals("[{\"id\":1,\"s\":\"\",\"d\":12345678901234567.125,\"b\":true,\"big\":9223372036854775807},"
                + "{\"id\":2,\"s\":null,\"d\":null,\"b\":null,\"big\":null},"
                + "{\"id\":3,\"s\":\"say \\\"hi\\\", then\\nleave\",\"d\":-0.500,\"b\":false,\"big\":-1}]",
                json.out().strip());

        Result twoOfOneLabel = run(engine, "-o", "json", "-c", "SELECT 1 AS \"x\", 2 AS \"x\"");
        assertEquals(0, twoOfOneLabel.status(), twoOfOneLabel.toString());
        assertEquals("[{\"x\":1,\"x_2\":2}]", twoOfOneLabel.out().strip());
    }

    /** Exit status 3 where a VERIFY DATABASE finds the database not matching its export, 0 where it matches. */
    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"H2", "POSTGRESQL"})
    void aVerifyThatFindsADifferenceExitsWithThree(Engine engine) throws Exception {
        String export = temp.resolve("verified").toString();
        Result exported = run(engine, "-c", "CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))",
                "-c", "INSERT INTO t VALUES (1, 'one'), (2, 'two')", "-c", "EXPORT DATABASE '" + export + "'");
        assertEquals(0, exported.status(), exported.toString());
        Result same = run(engine, "-c", "VERIFY DATABASE '" + export + "'");
        assertEquals(0, same.status(), same.toString());
        assertTrue(same.out().contains("| ok "), same.toString());

        Result changed = run(engine, "-c", "UPDATE t SET name = 'TWO' WHERE id = 2",
                "-c", "VERIFY DATABASE '" + export + "'", "-c", "SELECT 1 AS still_run");
        assertEquals(3, changed.status(), changed.toString());
        assertTrue(changed.out().contains("| differs "), changed.toString());
        assertTrue(changed.err().contains("Warning: VERIFY DATABASE: the database does not match "), changed.toString());
        assertTrue(changed.out().toLowerCase().contains("still_run"), changed.toString());
    }

    private Result run(Engine engine, String... args) throws Exception {
        List<String> all = new ArrayList<>();
        if (engine == Engine.H2) {
            all.add("jdbc:h2:" + temp.resolve("db"));
        } else {
            server = engine == Engine.POSTGRESQL ? TestServer.postgres() : TestServer.mariadb();
            if (dropDatabase == null) {
                dropDatabase = server.createDatabase("cli_" + UUID.randomUUID().toString().substring(0, 8));
            }
            Properties credentials = server.credentials();
            all.add("-u");
            all.add(credentials.getProperty("user"));
            if (!credentials.getProperty("password", "").isEmpty()) {
                all.add("--password=" + credentials.getProperty("password"));
            }
            all.add(server.url(dropDatabase));
        }
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FerryCommandLine.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int status, String out, String err) {
    }
}
