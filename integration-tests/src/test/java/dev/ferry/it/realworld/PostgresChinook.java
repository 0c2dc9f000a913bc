package dev.ferry.it.realworld;

import dev.ferry.it.servers.TestServer;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;

/**
 * Chinook (lerocha/chinook-database, {@code Chinook_PostgreSql.sql}) loaded into a PostgreSQL database by psql, the
 * engine's own client: 11 tables with their keys and rows.
 */
public final class PostgresChinook {

    private PostgresChinook() {
    }

    /** Loads Chinook into {@code database} (made by {@link TestServer#createDatabase()}) on {@code server}. */
    public static void load(TestServer server, String database) throws SQLException, IOException {
        URI uri = SampleScripts.hostAndPort(server.url(database));
        String script = "\\set ON_ERROR_STOP on\n" + SampleScripts.body("Chinook_PostgreSql.sql", "\\c chinook;");
        SampleScripts.run(List.of("psql", "-q", "-X", "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()),
                "-U", server.credentials().getProperty("user"), "-d", database, "-f", "-"), script);
    }
}
