package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * PostgreSQL's own COPY forms (FROM STDIN, TO STDOUT) pass through a Ferry connection to the server untouched,
 * with Ferry's COPY on: pgjdbc runs them through its CopyManager, reached by unwrapping the Ferry connection, and a
 * plain statement gives pgjdbc's own answer rather than Ferry's.
 */
class PostgresCopyPassThroughIT {

    @Test
    void stdinAndStdoutFormsReachTheServer() throws Exception {
        TestServer server = TestServer.postgres();
        String database = server.createDatabase();
        try (Connection c = server.connectFerry(database)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT, name TEXT)");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            assertEquals(2, copy.copyIn("COPY t FROM STDIN (FORMAT csv)", new StringReader("1,one\n2,\"t,wo\"\n")));
            StringWriter out = new StringWriter();
            assertEquals(2, copy.copyOut("COPY (SELECT * FROM t ORDER BY id) TO STDOUT (FORMAT csv, HEADER)", out));
            assertEquals("id,name\n1,one\n2,\"t,wo\"\n", out.toString());

            try (Statement s = c.createStatement()) {
                for (String sql : new String[] {"COPY t TO STDOUT", "COPY t FROM STDIN"}) {
                    SQLException error = assertThrows(SQLException.class, () -> s.execute(sql));
                    assertTrue(error.getMessage().contains("CopyManager"), sql + ": " + error.getMessage());
                }
                try (ResultSet rows = s.executeQuery("SELECT count(*) FROM t")) {
                    rows.next();
                    assertEquals(2, rows.getInt(1));
                }
            }
        } finally {
            server.dropDatabase(database);
        }
    }
}
