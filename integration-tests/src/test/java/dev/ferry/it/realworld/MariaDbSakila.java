package dev.ferry.it.realworld;

import dev.ferry.it.servers.TestServer;
import java.io.IOException;
import java.sql.SQLException;

/**
 * Sakila's MySQL schema ({@code mysql-sakila-schema.sql}, see {@code SOURCES}) loaded into a MariaDB database by the
 * engine's own client ({@code mariadb}): 16 tables, every one but film_text with a {@code last_update TIMESTAMP ...
 * ON UPDATE CURRENT_TIMESTAMP} column, index names reused across tables (idx_fk_film_id, idx_fk_store_id, ...),
 * views, triggers, procedures and functions. MariaDB 10.11 runs the script as it is; only its own lines that drop,
 * create and switch to the sakila database are left out, and its views' {@code sakila.} qualifiers, so that it loads
 * into the database the test made.
 */
public final class MariaDbSakila {

    private MariaDbSakila() {
    }

    /** Loads the schema, then {@code rows} (SQL statements), into {@code database} on {@code server}. */
    public static void load(TestServer server, String database, String rows) throws SQLException, IOException {
        String script = SampleScripts.body("mysql-sakila-schema.sql", "-- Sakila Sample Database Schema")
                .replace("DROP SCHEMA IF EXISTS sakila;\nCREATE SCHEMA sakila;\nUSE sakila;\n", "")
                .replace("sakila.", "") + "\n" + rows;
        if (script.contains("USE sakila;")) {
            throw new IOException("mysql-sakila-schema.sql no longer drops, creates and uses sakila as expected");
        }
        SampleScripts.run(SampleScripts.mariadb(server, database), script);
    }
}
