package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables an import of a DATA_ONLY export loads into, which the database must have, empty: such an export creates
 * nothing, and its rows are all a table is to hold (as the tables of a database that was empty). A failed import
 * empties them again, never dropping them: they are the user's.
 */
final class EmptyTables {
    private final List<String> tables;

    private EmptyTables(List<String> tables) {
        this.tables = List.copyOf(tables);
    }

    /**
     * The tables {@code loads} load, each checked to exist and hold no row.
     *
     * @param directory the export, for the message
     * @throws SQLException (42000) naming each table missing (with the database's error) and each holding rows,
     *                      before anything is loaded
     */
    static EmptyTables check(Connection connection, LoadSteps loads, String directory) throws SQLException {
        Set<String> tables = new LinkedHashSet<>();
        loads.forEach(step -> {
            if (step instanceof LoadStep.LoadTable table) {
                tables.add(table.load().table());
            }
        });
        List<String> missing = new ArrayList<>();
        List<String> holding = new ArrayList<>();
        for (String table : tables) {
            try (Statement statement = connection.createStatement()) {
                statement.setMaxRows(1);
                try (ResultSet rows = statement.executeQuery("SELECT 1 FROM " + table)) {
                    if (rows.next()) {
                        holding.add(table);
                    }
                }
            } catch (SQLException e) {
                missing.add(table + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
            }
        }
        if (!missing.isEmpty() || !holding.isEmpty()) {
            throw FerryErrors.refused("IMPORT DATABASE: " + directory + " is a DATA_ONLY export, which creates"
                    + " nothing and loads into tables the database has, empty; "
                    + (missing.isEmpty() ? "" : "this database lacks " + String.join(", ", missing)
                    + (holding.isEmpty() ? "" : "; "))
                    + (holding.isEmpty() ? "" : String.join(", ", holding) + (holding.size() == 1 ? " holds" : " hold")
                    + " rows")
                    + ". Create the schema first (import a SCHEMA_ONLY export, or the whole export, of the same"
                    + " database), or empty the tables");
        }
        return new EmptyTables(List.copyOf(tables));
    }

    /** The tables, as the database's SQL names them. */
    List<String> tables() {
        return tables;
    }

    /**
     * Deletes every row of the tables (they were empty before the import), on {@code on}: what a failed import had
     * committed. The tables load referenced ones first, so they are emptied the other way round, a table's rows gone
     * before those they refer to, for an engine that checks each foreign key as rows are deleted.
     */
    void empty(Connection on) throws SQLException {
        List<String> referringFirst = new ArrayList<>(tables);
        Collections.reverse(referringFirst);
        try (Statement statement = on.createStatement()) {
            for (String table : referringFirst) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        }
    }
}
