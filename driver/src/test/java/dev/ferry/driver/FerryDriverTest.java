package dev.ferry.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FerryDriverTest {
    private final FerryDriver driver = new FerryDriver();
    private StubDriver stub;

    @BeforeEach
    void setUp() throws SQLException {
        stub = StubDriver.reset();
    }

    @Test
    void isFoundByDriverManagerAndServiceLoader() throws SQLException {
        assertInstanceOf(FerryDriver.class, DriverManager.getDriver("jdbc:ferry:stub:db"));
        assertTrue(ServiceLoader.load(Driver.class).stream().anyMatch(p -> p.type() == FerryDriver.class));
    }

    @Test
    void acceptsFerryUrlsOnly_whetherOrNotTheDatabaseDriverIsPresent() throws SQLException {
        assertTrue(driver.acceptsURL("jdbc:ferry:stub:db"));
        assertTrue(driver.acceptsURL("jdbc:ferry:nosuchdb:db"));
        assertFalse(driver.acceptsURL("jdbc:stub:db"));
        assertFalse(driver.acceptsURL("jdbc:ferry:"));
        assertEquals("HY009", assertThrows(SQLException.class, () -> driver.acceptsURL(null)).getSQLState());
        assertEquals("HY009", assertThrows(SQLException.class, () -> driver.connect(null, null)).getSQLState());
    }

    @Test
    void connectReturnsNullForAnotherDriversUrl() throws SQLException {
        assertNull(driver.connect("jdbc:stub:db", new Properties()));
        assertNull(driver.connect("jdbc:ferry:", null));
        assertTrue(stub.log.isEmpty(), stub.log::toString);
    }

    @Test
    void connectsThroughTheDatabaseDriverWithTheSameProperties() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "alice");
        properties.setProperty("password", "secret");
        properties.setProperty("stubOption", "on");

        try (Connection connection = driver.connect("jdbc:ferry:stub:db;x=1", properties)) {
            assertInstanceOf(FerryConnection.class, connection);
            assertEquals("jdbc:stub:db;x=1", stub.lastUrl);
            assertEquals(properties, stub.lastProperties);
            assertEquals("stub", connection.unwrap(StubVendorConnection.class).stubName());
        }
    }

    @Test
    void connectWithoutPropertiesGivesTheDatabaseDriverEmptyOnes() throws SQLException {
        try (Connection connection = driver.connect("jdbc:ferry:stub:db", null)) {
            assertNotNull(connection);
            assertEquals(new Properties(), stub.lastProperties);
        }
    }

    @Test
    void driverManagerConnectsWithUserAndPassword() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:ferry:stub:db", "bob", "pw")) {
            assertInstanceOf(FerryConnection.class, connection);
            assertEquals("bob", stub.lastProperties.getProperty("user"));
            assertEquals("pw", stub.lastProperties.getProperty("password"));
        }
    }

    @Test
    void theDatabaseDriversConnectErrorSurfacesUnchanged() {
        SQLException error = assertThrows(SQLException.class, () -> driver.connect("jdbc:ferry:stub:fail", null));
        assertSame(stub.lastFailure, error);
    }

    @Test
    void aMissingDatabaseDriverIsNamed_withoutAConnectionErrorState() {
        SQLException error = assertThrows(SQLException.class,
                () -> driver.connect("jdbc:ferry:nosuchdb:x", new Properties()));
        assertEquals("HY000", error.getSQLState());
        assertTrue(error.getMessage().contains("jdbc:nosuchdb:x"), error.getMessage());
    }

    @Test
    void propertyInfoListsFerrysOwnThenTheDatabaseDrivers() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("stubOption", "on");
        properties.setProperty("FERRY.JOBS", "3");
        DriverPropertyInfo[] info = driver.getPropertyInfo("jdbc:ferry:stub:db;ferry.copy=false", properties);
        assertEquals(List.of("ferry.copy", "ferry.jobs", "ferry.spool", "ferry.hadoop.<key>", "stubOption"),
                Arrays.stream(info).map(p -> p.name).toList());
        assertEquals("false", info[0].value);
        assertArrayEquals(new String[] {"true", "false"}, info[0].choices);
        assertTrue(info[0].description.contains("COPY"), info[0].description);
        assertEquals("3", info[1].value);
        assertTrue(info[1].description.contains("EXPORT DATABASE"), info[1].description);
        assertEquals("on", info[4].value);

        DriverPropertyInfo[] defaults = driver.getPropertyInfo("jdbc:ferry:nosuchdb:x", null);
        assertEquals(List.of("ferry.copy", "ferry.jobs", "ferry.spool", "ferry.hadoop.<key>"),
                Arrays.stream(defaults).map(p -> p.name).toList());
        assertEquals("true", defaults[0].value);
        assertNull(defaults[1].value);
        assertEquals(0, driver.getPropertyInfo("jdbc:stub:db", null).length);
    }

    @Test
    void aUrlNoDriverAcceptsIsAnsweredWithTheOneMeant() {
        for (String[] typo : new String[][] {
                {"jdbc:ferry:jdbc:stub:db", "did you mean jdbc:ferry:stub:db?"},
                {"jdbc:ferry:postgres://127.0.0.1:1/db", "did you mean jdbc:ferry:postgresql://127.0.0.1:1/db?"},
                {"jdbc:ferry:jdbc:postgres://h/db", "did you mean jdbc:ferry:postgresql://h/db?"}}) {
            SQLException error = assertThrows(SQLException.class, () -> driver.connect(typo[0], new Properties()));
            assertEquals("HY000", error.getSQLState());
            assertTrue(error.getMessage().endsWith(typo[1]), error.getMessage());
        }
    }

    @Test
    void describesItself() {
        assertFalse(driver.jdbcCompliant());
        assertEquals("dev.ferry", driver.getParentLogger().getName());
        assertFalse(FerryDriver.version().isBlank());
        assertTrue(driver.getMajorVersion() >= 0 && driver.getMinorVersion() >= 0);
    }

    @Test
    void wrapsAConnectionOpenedElsewhere_once() throws SQLException {
        Connection raw = stub.newConnection();
        FerryConnection wrapped = FerryDriver.wrap(raw);
        assertSame(raw, wrapped.unwrap(StubVendorConnection.class));
        assertSame(wrapped, FerryDriver.wrap(wrapped));
        assertThrows(NullPointerException.class, () -> FerryDriver.wrap(null));
    }

    @Test
    void ferryPropertiesAreTakenOutOfTheUrlAndThePropertiesAndCopyCanBeTurnedOff() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "alice");
        properties.setProperty("ferry.copy", "false");
        String copy = "COPY t FROM '/srv/data.csv'";
        try (Connection connection = driver.connect("jdbc:ferry:stub:db;x=1", properties);
             Statement statement = connection.createStatement()) {
            assertEquals("jdbc:stub:db;x=1", stub.lastUrl);
            Properties expected = new Properties();
            expected.setProperty("user", "alice");
            assertEquals(expected, stub.lastProperties);
            statement.execute(copy);
            assertTrue(stub.log.contains("execute " + copy), stub.log::toString);
        }
        stub.log.clear();
        try (Connection connection = driver.connect("jdbc:ferry:stub:db;ferry.copy=false;x=1", null);
             Statement statement = connection.createStatement()) {
            assertEquals("jdbc:stub:db;x=1", stub.lastUrl);
            statement.execute(copy);
            assertTrue(stub.log.contains("execute " + copy), stub.log::toString);
        }
    }

    @Test
    void ferrysCopyIsOnByDefault() throws SQLException {
        try (Connection connection = driver.connect("jdbc:ferry:stub:db", null);
             Statement statement = connection.createStatement()) {
            SQLException error = assertThrows(SQLException.class,
                    () -> statement.execute("COPY t FROM '/nonexistent-ferry-dir/data.csv'"));
            assertEquals("58030", error.getSQLState());
            assertTrue(error.getMessage().contains("/nonexistent-ferry-dir/data.csv"), error.getMessage());
        }
    }

    @Test
    void unknownFerryPropertiesAndBadValuesAreRefused() {
        assertEquals("22023", assertThrows(SQLException.class,
                () -> driver.connect("jdbc:ferry:stub:db;ferry.cpoy=false", null)).getSQLState());
        Properties properties = new Properties();
        properties.setProperty("ferry.copy", "maybe");
        assertEquals("22023", assertThrows(SQLException.class,
                () -> driver.connect("jdbc:ferry:stub:db", properties)).getSQLState());
    }

    @Test
    void ferryJobsIsReadFromTheUrlOrTheProperties_theUrlWinning_andBadValuesAreRefused() throws SQLException {
        FerryUrl plain = FerryUrl.parse("jdbc:ferry:stub:db").orElseThrow();
        assertEquals(0, FerryProperties.from(plain, null).jobs());
        Properties properties = new Properties();
        properties.setProperty("FERRY.JOBS", " 2 ");
        assertEquals(2, FerryProperties.from(plain, properties).jobs());
        assertEquals(5, FerryProperties.from(FerryUrl.parse("jdbc:ferry:stub:db;ferry.jobs=5").orElseThrow(),
                properties).jobs());
        try (Connection connection = driver.connect("jdbc:ferry:stub:db;ferry.jobs=2;x=1", null)) {
            assertEquals("jdbc:stub:db;x=1", stub.lastUrl);
        }
        for (String value : new String[] {"0", "65", "many"}) {
            properties.setProperty("ferry.jobs", value);
            SQLException error = assertThrows(SQLException.class, () -> driver.connect("jdbc:ferry:stub:db", properties));
            assertEquals("22023", error.getSQLState());
            assertTrue(error.getMessage().startsWith("ferry.jobs must be a whole number from 1 to 64, got '" + value),
                    error.getMessage());
        }
    }

    /**
     * Issue 15: ferry.hadoop.<key> settings, from the URL or the properties (the URL's winning), keep their key's case
     * and never reach the database's driver; ferry.spool names the spool's directory.
     */
    @Test
    void hadoopSettingsAndTheSpoolAreFerrysProperties() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("ferry.hadoop.fs.s3a.endpoint", "http://127.0.0.1:1");
        properties.setProperty("ferry.hadoop.fs.AbstractFileSystem.x.impl", "X");
        properties.setProperty("ferry.spool", "/var/tmp/spool");
        FerryUrl url = FerryUrl.parse("jdbc:ferry:stub:db;FERRY.HADOOP.fs.s3a.endpoint=http://127.0.0.1:2;x=1")
                .orElseThrow();
        FerryProperties ferry = FerryProperties.from(url, properties);
        assertEquals(java.util.Map.of("fs.s3a.endpoint", "http://127.0.0.1:2", "fs.AbstractFileSystem.x.impl", "X"),
                ferry.hadoop());
        assertEquals(java.nio.file.Path.of("/var/tmp/spool"), ferry.spool());
        assertEquals(java.util.Map.of(), FerryProperties.DEFAULTS.hadoop());
        try (Connection connection = driver.connect(url.url(), properties)) {
            assertEquals("jdbc:stub:db;x=1", stub.lastUrl);
            assertTrue(stub.lastProperties.stringPropertyNames().stream().noneMatch(n -> n.startsWith("ferry.")),
                    stub.lastProperties.toString());
        }
        properties.setProperty("ferry.spool", " ");
        SQLException error = assertThrows(SQLException.class, () -> driver.connect("jdbc:ferry:stub:db", properties));
        assertEquals("22023", error.getSQLState());
    }
}
