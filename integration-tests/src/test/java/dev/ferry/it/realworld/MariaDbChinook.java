package dev.ferry.it.realworld;

import dev.ferry.it.servers.TestServer;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Chinook (lerocha/chinook-database, {@code Chinook_MySql.sql}) loaded into a MariaDB database by the engine's own
 * client ({@code mariadb}): 11 tables with their keys and rows.
 */
public final class MariaDbChinook {

    private MariaDbChinook() {
    }

    /** Loads Chinook into {@code database} (made by {@link TestServer#createDatabase()}) on {@code server}. */
    public static void load(TestServer server, String database) throws SQLException, IOException {
        URI uri = ChinookScript.hostAndPort(server.url(database));
        String script = ChinookScript.body("Chinook_MySql.sql", "USE `Chinook`;");
        List<String> command = new ArrayList<>(List.of("mariadb", "--protocol=TCP", "-h", uri.getHost(),
                "-P", String.valueOf(uri.getPort()), "-u", server.credentials().getProperty("user")));
        String password = server.credentials().getProperty("password");
        if (password != null && !password.isEmpty()) {
            command.add("-p" + password);
        }
        command.add(database);
        ChinookScript.run(command, script);
    }
}
