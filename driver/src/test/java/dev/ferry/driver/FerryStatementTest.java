package dev.ferry.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.options.CsvCompression;
import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.options.ParquetCompression;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.ConnectionSource;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.TableOutcome;
import dev.ferry.core.operation.verify.VerifiedObject;
import dev.ferry.core.operation.verify.VerifyResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** EXPORT DATABASE and IMPORT DATABASE through a plain Statement, run by a stand-in for the core library. */
class FerryStatementTest {
    private static final MigrationResult RESULT = new MigrationResult(Path.of("out"),
            List.of(new TableOutcome("a", "a.csv", 2, 20), new TableOutcome("b", "b.csv", 3, 30)),
            List.of("column b.x: values rounded"));

    private final RecordingEngine engine = new RecordingEngine();
    private StubDriver stub;
    private Connection raw;
    private FerryConnection connection;
    private Statement statement;

    @BeforeEach
    void setUp() throws SQLException {
        stub = StubDriver.reset();
        raw = stub.newConnection();
        connection = ConnectionHandler.wrap(raw, engine);
        statement = connection.createStatement();
        stub.log.clear();
        engine.result = RESULT;
    }

    @AfterEach
    void tearDown() throws SQLException {
        connection.close();
    }

    @Test
    void executeRunsTheExportOnTheDatabaseConnection_withTheProgressListener() throws SQLException {
        ProgressListener listener = new ProgressListener() {
        };
        connection.setProgressListener(listener);

        assertTrue(statement.execute("EXPORT DATABASE 'target/out' (FORMAT csv, DELIMITER ';')"));

        RecordingEngine.Call call = engine.onlyCall();
        assertEquals("export", call.action());
        assertSame(raw, call.connection());
        assertEquals(Path.of("target/out"), call.directory());
        assertEquals(DataFormat.CSV, call.options().format());
        assertEquals(';', call.options().delimiter());
        assertSame(listener, call.progress());
        assertTrue(stub.log.isEmpty(), stub.log::toString);
    }

    @Test
    void anExportGetsItsJobs_andNoWayToOpenMoreConnections_whenWrappedWithoutOne() throws SQLException {
        statement.execute("EXPORT DATABASE 'target/out' (JOBS 3)");
        assertEquals(3, engine.exportOptions.jobs());
        assertSame(ConnectionSource.NONE, engine.moreConnections);
        statement.execute("EXPORT DATABASE 'target/out'");
        assertFalse(engine.exportOptions.jobsNamed());
    }

    @Test
    void ferryJobsIsTheDefaultJobs_theStatementsJobsWins_andMoreConnectionsComeFromTheSourceGiven()
            throws SQLException {
        ConnectionSource source = stub::newConnection;
        Properties properties = new Properties();
        properties.setProperty("ferry.jobs", "3");
        FerryProperties ferry = FerryProperties.from(FerryUrl.parse("jdbc:ferry:stub:db").orElseThrow(), properties);
        try (FerryConnection withJobs = ConnectionHandler.wrap(stub.newConnection(), engine, ferry, source);
             Statement exports = withJobs.createStatement()) {
            exports.execute("EXPORT DATABASE 'target/out'");
            assertEquals(3, engine.exportOptions.jobs());
            assertSame(source, engine.moreConnections);
            exports.execute("EXPORT DATABASE 'target/out' (JOBS 1)");
            assertEquals(1, engine.exportOptions.jobs());
            exports.execute("IMPORT DATABASE 'target/out'");
            assertEquals(1, engine.importOptions.effectiveJobs(), "ferry.jobs is for exports");
            assertSame(source, engine.moreConnections);
            exports.execute("IMPORT DATABASE 'target/out' (JOBS 2)");
            assertEquals(2, engine.importOptions.effectiveJobs());
        }
    }

    @Test
    void anImportLoadsOnOneConnectionUnlessToldOtherwise() throws SQLException {
        statement.execute("IMPORT DATABASE 'target/out'");
        assertEquals(1, engine.importOptions.effectiveJobs());
        assertSame(ConnectionSource.NONE, engine.moreConnections);
    }

    @Test
    void executeGivesTheResultSet_thenTheUpdateCount_thenNothing() throws SQLException {
        assertTrue(statement.execute("EXPORT DATABASE 'target/out'"));
        ResultSet rows = statement.getResultSet();
        assertSame(statement, rows.getStatement());
        assertEquals(-1, statement.getUpdateCount());
        assertTrue(rows.next());
        assertEquals("a", rows.getString("table_name"));
        assertEquals(20, rows.getLong("bytes"));
        assertTrue(rows.next());
        assertFalse(rows.next());

        assertFalse(statement.getMoreResults());
        assertNull(statement.getResultSet());
        assertEquals(5, statement.getUpdateCount());
        assertEquals(5L, statement.getLargeUpdateCount());
        assertFalse(statement.getMoreResults());
        assertEquals(-1, statement.getUpdateCount());
        assertEquals(-1L, statement.getLargeUpdateCount());
    }

    @Test
    void executeQueryGivesTheResultSet() throws SQLException {
        ResultSet rows = statement.executeQuery("import database 'target/out';");
        assertEquals("import", engine.onlyCall().action());
        assertSame(rows, statement.getResultSet());
        assertSame(statement, rows.getStatement());
        assertTrue(rows.next());
        assertEquals("a.csv", rows.getString(2));
    }

    @Test
    void executeUpdateGivesTheRowCount() throws SQLException {
        assertEquals(5, statement.executeUpdate("EXPORT DATABASE 'x'"));
        assertNull(statement.getResultSet());
        assertEquals(5, statement.getUpdateCount());
        assertEquals(5, statement.executeUpdate("EXPORT DATABASE 'x'", Statement.RETURN_GENERATED_KEYS));
        assertEquals(5, statement.executeUpdate("EXPORT DATABASE 'x'", new int[] {1}));
        assertEquals(5L, statement.executeLargeUpdate("EXPORT DATABASE 'x'", new String[] {"id"}));
        assertTrue(statement.execute("EXPORT DATABASE 'x'", Statement.NO_GENERATED_KEYS));
        assertEquals(5, engine.calls.size());
        assertTrue(stub.log.isEmpty(), stub.log::toString);
    }

    @Test
    void aRowCountBeyondIntIsCappedForTheIntMethods() throws SQLException {
        engine.result = new MigrationResult(Path.of("x"),
                List.of(new TableOutcome("big", "big.csv", 5_000_000_000L, 1)), List.of());
        assertEquals(Integer.MAX_VALUE, statement.executeUpdate("EXPORT DATABASE 'x'"));
        assertEquals(Integer.MAX_VALUE, statement.getUpdateCount());
        assertEquals(5_000_000_000L, statement.getLargeUpdateCount());
        assertEquals(5_000_000_000L, statement.executeLargeUpdate("EXPORT DATABASE 'x'"));
    }

    @Test
    void verifyGivesARowPerTableAndObject_theRowsReadAsUpdateCount_andAWarningOfWhatDiffers() throws SQLException {
        engine.verifyResult = new VerifyResult("out", List.of(
                new VerifiedObject("a", VerifiedObject.Status.OK, 2L, 2L, null),
                new VerifiedObject("b", VerifiedObject.Status.DIFFERS, 3L, 4L, "id=9: not in the export")),
                List.of(new VerifiedObject("view v", VerifiedObject.Status.MISSING, null, null, "not in the database")),
                List.of("column b.x: values rounded"));
        assertTrue(statement.execute("VERIFY DATABASE 'target/out'"));
        RecordingEngine.Call call = engine.onlyCall();
        assertEquals("verify", call.action());
        assertSame(raw, call.connection());
        assertEquals(Path.of("target/out"), call.directory());
        ResultSet rows = statement.getResultSet();
        assertEquals("rows_expected", rows.getMetaData().getColumnName(3));
        assertEquals(5, rows.getMetaData().getColumnCount());
        assertTrue(rows.next());
        assertEquals("ok", rows.getString("status"));
        assertNull(rows.getString("detail"));
        assertTrue(rows.next());
        assertEquals("differs", rows.getString(2));
        assertEquals(4, rows.getLong("rows_found"));
        assertEquals("id=9: not in the export", rows.getString("detail"));
        assertTrue(rows.next());
        assertEquals("view v", rows.getString("table_name"));
        assertEquals("missing", rows.getString("status"));
        rows.getLong("rows_expected");
        assertTrue(rows.wasNull());
        assertFalse(rows.next());
        assertFalse(statement.getMoreResults());
        assertEquals(6, statement.getUpdateCount());
        SQLWarning warnings = statement.getWarnings();
        assertEquals("column b.x: values rounded", warnings.getMessage());
        assertEquals("VERIFY DATABASE: the database does not match out: 1 of 2 tables differs, 1 schema object is"
                + " missing", warnings.getNextWarning().getMessage());
        assertTrue(stub.log.isEmpty(), stub.log::toString);
    }

    @Test
    void verifyTakesAllowEditedScriptsAlone() throws SQLException {
        statement.execute("VERIFY DATABASE 'x'");
        assertFalse(engine.verifyAllowsEditedScripts);
        statement.execute("VERIFY DATABASE 'x' (ALLOW_EDITED_SCRIPTS)");
        assertTrue(engine.verifyAllowsEditedScripts);
        SQLException error = assertThrows(SQLException.class, () -> statement.execute("VERIFY DATABASE 'x' (JOBS 2)"));
        assertEquals("22023", error.getSQLState());
        assertEquals(2, engine.calls.size());
    }

    @Test
    void aPreparedVerifyTakesItsDirectoryAsParameter_andDescribesItsColumns() throws SQLException {
        try (PreparedStatement verify = connection.prepareStatement("VERIFY DATABASE ?")) {
            assertEquals("status", verify.getMetaData().getColumnName(2));
            verify.setString(1, "target/there");
            ResultSet rows = verify.executeQuery();
            assertFalse(rows.next());
        }
        assertEquals(Path.of("target/there"), engine.onlyCall().directory());
        assertNull(statement.getWarnings());
    }

    @Test
    void warningsComeAheadOfTheDatabasesUntilCleared() throws SQLException {
        stub.statementWarning = "the database's warning";
        statement.execute("EXPORT DATABASE 'x'");
        SQLWarning warnings = statement.getWarnings();
        assertEquals("column b.x: values rounded", warnings.getMessage());
        assertEquals("the database's warning", warnings.getNextWarning().getMessage());
        statement.clearWarnings();
        assertNull(statement.getWarnings());
    }

    @Test
    void theNextStatementPassesThroughAgain() throws SQLException {
        statement.execute("EXPORT DATABASE 'x'");
        ResultSet exported = statement.getResultSet();

        assertTrue(statement.execute("SELECT 1"));
        assertTrue(exported.isClosed());
        ResultSet selected = statement.getResultSet();
        assertEquals("stub value", selected.getString(1));
        assertSame(statement, selected.getStatement());
        assertEquals(-1, statement.getUpdateCount());
        assertFalse(statement.getMoreResults());
        assertNull(statement.getWarnings());
        assertEquals(List.of("execute SELECT 1"), stub.log);
    }

    @Test
    void closingTheStatementClosesTheResultSet() throws SQLException {
        ResultSet rows = statement.executeQuery("EXPORT DATABASE 'x'");
        statement.close();
        assertTrue(rows.isClosed());
        assertTrue(statement.isClosed());
        assertThrows(SQLException.class, () -> statement.execute("EXPORT DATABASE 'x'"));
        assertEquals(1, engine.calls.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXPORT DATABASE 42", "EXPORT DATABASE 'x' FORMAT csv", "IMPORT DATABASE"})
    void aMalformedStatementIsASyntaxError_thatNeverReachesTheDatabase(String sql) throws SQLException {
        assertEquals("42601", assertThrows(SQLException.class, () -> statement.execute(sql)).getSQLState());
        assertEquals("42601", assertThrows(SQLException.class, () -> connection.prepareStatement(sql)).getSQLState());
        assertTrue(stub.log.isEmpty(), stub.log::toString);
        assertTrue(engine.calls.isEmpty());
    }

    @Test
    void anUnknownOptionIsNamedWithTheValidOnes() {
        SQLException error = assertThrows(SQLException.class,
                () -> statement.execute("EXPORT DATABASE 'x' (ROW_GROUP_SIZE 1000)"));
        assertEquals("22023", error.getSQLState());
        assertTrue(error.getMessage().contains("ROW_GROUP_SIZE"), error.getMessage());
        assertTrue(error.getMessage().contains("valid options"), error.getMessage());
        assertTrue(stub.log.isEmpty(), stub.log::toString);
        assertTrue(engine.calls.isEmpty());
    }

    @Test
    void parquetOptionsReachTheEngine() throws SQLException {
        statement.execute("EXPORT DATABASE 'x' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 1000)");
        assertEquals(1, engine.calls.size());
        FormatOptions options = engine.calls.get(0).options();
        assertEquals(DataFormat.PARQUET, options.format());
        assertEquals(ParquetCompression.ZSTD, options.compression());
        assertEquals(1000, options.rowGroupRows());
    }

    @Test
    void csvCompressionReachesTheEngine() throws SQLException {
        statement.execute("EXPORT DATABASE 'x' (FORMAT csv, COMPRESSION zstd)");
        assertEquals(1, engine.calls.size());
        assertEquals(CsvCompression.ZSTD, engine.calls.get(0).options().csvCompression());
    }

    @Test
    void schemasReachTheExport_apartFromTheFormatOptions() throws SQLException {
        statement.execute("EXPORT DATABASE 'x' (SCHEMAS 'sales, hr', DELIMITER ';')");
        assertEquals(List.of("sales", "hr"), engine.exportOptions.schemas());
        assertEquals(';', engine.onlyCall().options().delimiter());
    }

    @Test
    void importAndCopyRefuseSchemas() {
        SQLException importError = assertThrows(SQLException.class,
                () -> statement.execute("IMPORT DATABASE 'x' (SCHEMAS 'a')"));
        assertEquals("22023", importError.getSQLState());
        assertTrue(importError.getMessage().startsWith(
                "IMPORT DATABASE takes the options ALLOW_EDITED_SCRIPTS, JOBS and RESUME"), importError.getMessage());
        for (String copy : List.of("COPY t TO 'f.csv' (SCHEMAS 'a')", "COPY t FROM 'f.csv' (SCHEMAS 'a')")) {
            SQLException copyError = assertThrows(SQLException.class, () -> statement.execute(copy));
            assertEquals("22023", copyError.getSQLState());
            assertTrue(copyError.getMessage().startsWith("SCHEMAS is an option of EXPORT DATABASE, not of COPY"),
                    copyError.getMessage());
        }
        assertTrue(engine.calls.isEmpty());
    }

    @Test
    void importTakesAllowEditedScriptsJobsAndResumeAlone() throws SQLException {
        SQLException error = assertThrows(SQLException.class,
                () -> statement.execute("IMPORT DATABASE 'x' (FORMAT csv)"));
        assertEquals("22023", error.getSQLState());
        assertTrue(error.getMessage().startsWith("IMPORT DATABASE takes the options ALLOW_EDITED_SCRIPTS, JOBS and"
                + " RESUME; the format is read from the export's manifest. Given: FORMAT"), error.getMessage());
        assertTrue(engine.calls.isEmpty());
        statement.execute("IMPORT DATABASE 'x' (ALLOW_EDITED_SCRIPTS)");
        assertEquals(1, engine.calls.size());
        statement.execute("IMPORT DATABASE 'x' (RESUME, JOBS 2)");
        assertEquals(2, engine.calls.size());
    }

    /** Issue 15: the driver's tests run without Hadoop, as ferry.jar does; a Hadoop URI then says what to add. */
    @Test
    void aHadoopUriWithoutHadoopOnTheClassPathSaysWhichJarsToAdd() {
        SQLException s3 = assertThrows(SQLException.class, () -> statement.execute("EXPORT DATABASE 's3a://bucket/out'"));
        assertEquals("0A000", s3.getSQLState());
        assertEquals("The directory for EXPORT DATABASE 's3a://bucket/out' is on the s3a file system, which Ferry reaches"
                + " through Hadoop's FileSystem API, and Hadoop is not on the class path: add hadoop-client-api and"
                + " hadoop-client-runtime (3.4.2, with their dependencies slf4j-api and commons-logging), and for s3a://"
                + " hadoop-aws (3.4.2) with commons-lang3, and the AWS SDK v2's S3 jars (s3 and s3-transfer-manager"
                + " 2.29.52 with their dependencies, or its bundle); or give a local path", s3.getMessage());
        for (String sql : new String[] {"IMPORT DATABASE 'hdfs://nn:8020/x'", "COPY t TO 'foo://x/t.csv'",
                "COPY t FROM 'hdfs://nn/t.parquet'"}) {
            SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
            assertEquals("0A000", refused.getSQLState(), sql);
            assertTrue(refused.getMessage().contains("Hadoop is not on the class path: add hadoop-client-api"),
                    refused.getMessage());
        }
        assertTrue(engine.calls.isEmpty());
    }

    @Test
    void anExportToAHadoopUriWithResumeIsRefusedSayingWhy() {
        SQLException refused = assertThrows(SQLException.class,
                () -> statement.execute("EXPORT DATABASE 'hdfs://nn/out' (RESUME)"));
        assertEquals("0A000", refused.getSQLState());
        assertTrue(refused.getMessage().startsWith("EXPORT DATABASE 'hdfs://nn/out' (RESUME): an export to a Hadoop URI"
                + " is written in a local spool directory"), refused.getMessage());
        assertTrue(engine.calls.isEmpty());
    }

    @Test
    void ferryStatementsCannotRunInABatch() throws SQLException {
        SQLException error = assertThrows(SQLException.class, () -> statement.addBatch("EXPORT DATABASE 'x'"));
        assertEquals("0A000", error.getSQLState());
        statement.addBatch("INSERT INTO t VALUES (1)");
        assertEquals(List.of("addBatch INSERT INTO t VALUES (1)"), stub.log);
    }

    @Test
    void errorsOfTheCoreLibrarySurfaceUnchanged() {
        SQLException refused = new SQLException("Directory x is not empty", "42000");
        engine.failure = refused;
        assertSame(refused, assertThrows(SQLException.class, () -> statement.execute("EXPORT DATABASE 'x'")));
    }

    @Test
    void uncheckedExceptionsOfTheCoreLibraryBecomeSqlExceptions_neverOfClass08() {
        engine.failure = new UncheckedIOException(new IOException("disk full"));
        SQLException io = assertThrows(SQLException.class, () -> statement.execute("EXPORT DATABASE 'x'"));
        assertEquals("58030", io.getSQLState());
        assertSame(engine.failure, io.getCause());
        assertTrue(io.getMessage().contains("disk full"), io.getMessage());

        engine.failure = new IllegalStateException("bug");
        SQLException other = assertThrows(SQLException.class, () -> statement.execute("IMPORT DATABASE 'x'"));
        assertEquals("HY000", other.getSQLState());
        assertSame(engine.failure, other.getCause());

        engine.failure = new UnsupportedOperationException("not yet");
        SQLException unsupported = assertThrows(SQLException.class, () -> statement.execute("IMPORT DATABASE 'x'"));
        assertEquals("0A000", unsupported.getSQLState());
    }

    @Test
    void theRealCoreLibraryIsWiredIn() throws SQLException {
        try (FerryConnection real = FerryDriver.wrap(stub.newConnection());
                Statement realStatement = real.createStatement()) {
            SQLException error = assertThrows(SQLException.class,
                    () -> realStatement.execute("EXPORT DATABASE 'target/never' (FORMAT xml)"));
            assertEquals("22023", error.getSQLState());
            assertInstanceOf(FerryConnection.class, real);
        }
    }
}
