package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.core.operation.verify.DataComparison;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A plain table with keys and common types, exported and imported into a fresh database of the same server. */
class ServerRoundTripIT {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(value = TestServer.Engine.class, names = {"POSTGRESQL", "MARIADB"})
    void commonTypesRoundTrip(TestServer.Engine engine) throws Exception {
        TestServer server = engine == TestServer.Engine.POSTGRESQL ? TestServer.postgres() : TestServer.mariadb();
        String source = server.createDatabase();
        String target = server.createDatabase();
        try (Connection from = server.connectFerry(source); Connection to = server.connectFerry(target)) {
            try (Statement s = from.createStatement()) {
                s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, note VARCHAR(200),"
                        + " amount DECIMAL(18, 4), born DATE, seen TIMESTAMP, vip BOOLEAN)");
                s.execute("CREATE INDEX customers_by_name ON customers (name)");
                s.execute("INSERT INTO customers VALUES (1, 'Ann', NULL, 12.5, DATE '1990-01-31',"
                        + " TIMESTAMP '2024-02-29 12:34:56.789', TRUE), (2, 'Bob \"the\" Builder', '', -0.0001, NULL, NULL, FALSE)");
            }
            try (Statement s = from.createStatement()) {
                s.execute("EXPORT DATABASE '" + temp.resolve("export") + "'");
            }
            try (Statement s = to.createStatement()) {
                assertEquals(2, s.executeUpdate("IMPORT DATABASE '" + temp.resolve("export") + "'"));
            }
            assertEquals(List.of(), new DataComparison(from, to).differences("customers"));
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }
}
