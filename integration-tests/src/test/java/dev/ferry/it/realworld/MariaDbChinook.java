package dev.ferry.it.realworld;

import dev.ferry.it.servers.TestServer;
import java.io.IOException;
import java.sql.SQLException;

/**
 * Chinook (lerocha/chinook-database, {@code Chinook_MySql.sql}) loaded into a MariaDB database by the engine's own
 * client ({@code mariadb}): 11 tables with their keys and rows.
 */
public final class MariaDbChinook {

    private MariaDbChinook() {
    }

    /** Loads Chinook into {@code database} (made by {@link TestServer#createDatabase()}) on {@code server}. */
    public static void load(TestServer server, String database) throws SQLException, IOException {
        String script = SampleScripts.body("Chinook_MySql.sql", "USE `Chinook`;");
        SampleScripts.run(SampleScripts.mariadb(server, database), script);
    }
}
