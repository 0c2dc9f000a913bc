package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.CatalogQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks, before a resumed import loads on, that each table holds exactly the rows of the files the stopped import
 * marked loaded. A table that holds others (a file whose rows were committed in batches, cut short before its mark)
 * is emptied and its files loaded again; after the stopped import had come to its post-data script, a difference means
 * the table was changed since, and the import is refused.
 */
final class ResumedTables {

    private ResumedTables() {
    }

    /**
     * Checks every table the import loads, emptying those that must load again, each with its marks, committed.
     *
     * @param connection the database, autocommit off
     * @param steps      the import's data phase
     * @param notes      where a note for the user goes for each table emptied
     * @return what is done after the check
     */
    static ResumePoint check(Connection connection, ImportJournal journal, List<LoadStep> steps, ResumePoint done,
                             List<String> notes) throws SQLException {
        Map<String, List<LoadStep.LoadTable>> files = new LinkedHashMap<>();
        for (LoadStep step : steps) {
            if (step instanceof LoadStep.LoadTable table) {
                files.computeIfAbsent(table.load().table(), t -> new ArrayList<>()).add(table);
            } else {
                throw FerryErrors.refused("IMPORT DATABASE (RESUME): load.sql has statements of its own (an edited"
                        + " script), whose effect Ferry cannot check; import without RESUME (what the stopped import"
                        + " left is then removed first)");
            }
        }
        ResumePoint checked = done;
        for (Map.Entry<String, List<LoadStep.LoadTable>> table : files.entrySet()) {
            long marked = 0;
            List<String> markedFiles = new ArrayList<>();
            for (LoadStep.LoadTable file : table.getValue()) {
                Long rows = done.loaded().get(file.file());
                if (rows != null) {
                    marked += rows;
                    markedFiles.add(file.file());
                }
            }
            long held = rows(connection, table.getKey());
            if (held == marked) {
                continue;
            }
            if (done.postDataReached()) {
                throw FerryErrors.refused("IMPORT DATABASE (RESUME): table " + table.getKey() + " holds " + held
                        + " rows, its data files " + marked + ": it changed after the stopped import had loaded it;"
                        + " import without RESUME (what the stopped import left is then removed first)");
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM " + table.getKey());
            }
            for (String file : markedFiles) {
                journal.notLoaded(connection, file, done.loaded().get(file));
            }
            connection.commit();
            checked = checked.withoutLoaded(markedFiles);
            notes.add("RESUME: table " + table.getKey() + " held " + held + " rows where the files marked loaded hold "
                    + marked + " (a load cut short); emptied it, to load its " + table.getValue().size()
                    + " file(s) again");
        }
        return checked;
    }

    private static long rows(Connection connection, String table) throws SQLException {
        return CatalogQuery.first(connection, "SELECT COUNT(*) FROM " + table, row -> row.getLong(1)).orElseThrow();
    }
}
