package dev.ferry.it.realworld;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The Chinook sample database (lerocha/chinook-database, MIT; {@code realworld/Chinook_Sqlite.sql}, see its SOURCES)
 * loaded into a SQLite file as a user loads it: the upstream script, unchanged, run as one script by SQLite itself
 * (the driver hands the whole text to {@code sqlite3_exec}, as the {@code sqlite3} shell's {@code .read} does).
 */
public final class SqliteChinook {
    /** Chinook's tables, in name order, with their row counts as the script inserts them. */
    public static final java.util.Map<String, Integer> TABLES = java.util.Map.ofEntries(
            java.util.Map.entry("Album", 347), java.util.Map.entry("Artist", 275),
            java.util.Map.entry("Customer", 59), java.util.Map.entry("Employee", 8),
            java.util.Map.entry("Genre", 25), java.util.Map.entry("Invoice", 412),
            java.util.Map.entry("InvoiceLine", 2240), java.util.Map.entry("MediaType", 5),
            java.util.Map.entry("Playlist", 18), java.util.Map.entry("PlaylistTrack", 8715),
            java.util.Map.entry("Track", 3503));

    private SqliteChinook() {
    }

    /** The script's text. */
    public static String script() throws IOException {
        try (InputStream in = SqliteChinook.class.getResourceAsStream("/realworld/Chinook_Sqlite.sql")) {
            if (in == null) {
                throw new IOException("realworld/Chinook_Sqlite.sql is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Creates the SQLite database file {@code file} and loads Chinook into it, through SQLite's own driver. */
    public static void load(Path file) throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(script());
        }
    }
}
