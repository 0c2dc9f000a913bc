package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.UserCatalog;
import dev.ferry.core.model.manifest.ManifestFile;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.SchemaScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Marks an import that commits before its end (its engine's DDL is not transactional, or it loads on several
 * connections) as Ferry's while it runs: a table, {@value #TABLE}, in the connection's current schema, that says which
 * export is being imported, by a digest of its scripts and manifest, and what the database held before. An import
 * stopped before its end (its process killed, its connection or machine lost) leaves the table behind, and the same
 * import run again finds it and drops what the stopped one created ({@link #removeLeftovers}), or, with RESUME, goes
 * on from the marks the stopped one left as it went (schema created, files loaded, post-data statements run:
 * {@link ResumePoint}); any other import is refused. An import that ends, well or not, removes it.
 */
final class ImportJournal {
    /** The journal's table. */
    static final String TABLE = UserCatalog.IMPORT_JOURNAL;

    private static final String DIRECTORY = "directory";
    private static final String EXPORT = "export sha256";
    private static final String STARTED = "started";
    private static final String STATE = "state";
    private static final String SCOPE = "scope";
    private static final String CREATED_SCHEMA = "created schema";
    private static final String SCHEMA_BEFORE = "schema before";
    private static final String ROUTINE_BEFORE = "routine before";
    private static final String TYPE_BEFORE = "type before";
    private static final String RUNNING = "running";
    private static final String FINISHED = "finished";
    private static final String SCHEMA_DONE = "schema done";
    private static final String LOADED = "loaded";
    private static final String POST_DATA_BEGUN = "post-data begun";
    private static final String POST_DATA_DONE = "post-data done";

    private final Connection connection;
    private final Dialect dialect;
    private final String table;

    private ImportJournal(Connection connection, Dialect dialect) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        String schema = dialect.capabilities().schemasAreCatalogs() ? connection.getCatalog()
                : currentSchema(connection);
        this.table = dialect.quote(new QualifiedName(schema, TABLE));
    }

    /**
     * Writes the journal of an import about to begin, and commits it (the connection has autocommit off).
     *
     * @param directory the export being imported
     * @param plan      the import's plan: its scripts tell this import from another, and its schemas are those the
     *                  import creates
     * @param scope     where the import writes
     * @param before    what the database holds before it
     */
    static ImportJournal begin(Connection connection, Dialect dialect, Path directory, ImportPlan plan,
                               SchemaScope scope, ImportUndo.Before before) throws SQLException {
        ImportJournal journal = new ImportJournal(connection, dialect);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + journal.table
                    + " (entry VARCHAR(40) NOT NULL, item VARCHAR(4000) NOT NULL)");
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        entries.add(Map.entry(DIRECTORY, directory.toString()));
        entries.add(Map.entry(EXPORT, digest(plan, directory)));
        entries.add(Map.entry(STARTED, Instant.now().toString()));
        entries.add(Map.entry(STATE, RUNNING));
        scope.named().forEach(schema -> entries.add(Map.entry(SCOPE, schema)));
        plan.schemas().forEach(schema -> entries.add(Map.entry(CREATED_SCHEMA, schema)));
        before.schemas().forEach(schema -> entries.add(Map.entry(SCHEMA_BEFORE, schema)));
        before.routineDrops().forEach(drop -> entries.add(Map.entry(ROUTINE_BEFORE, drop)));
        before.typeDrops().forEach(drop -> entries.add(Map.entry(TYPE_BEFORE, drop)));
        try (PreparedStatement insert = connection.prepareStatement(journal.insert())) {
            for (Map.Entry<String, String> entry : entries) {
                insert.setString(1, entry.getKey());
                insert.setString(2, entry.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
                journal.remove();
            } catch (SQLException notRemoved) {
                e.addSuppressed(notRemoved);
            }
            throw e;
        }
        return journal;
    }

    /**
     * Marks the import finished, in the transaction that commits its last work: where DDL is transactional, by dropping
     * the journal; else by saying so in it, for {@link #remove} to drop it after the commit.
     */
    void finishing() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(dialect.capabilities().transactionalDdl() ? drop()
                    : "UPDATE " + table + " SET item = '" + FINISHED + "' WHERE entry = '" + STATE + "'");
        }
    }

    /** Notes, on {@code on}'s open transaction, that the schema script has run. */
    void schemaDone(Connection on) throws SQLException {
        write(on, SCHEMA_DONE, Instant.now().toString());
    }

    /** Notes, on {@code on}'s open transaction (the one that commits the file's last rows), a file loaded. */
    void loaded(Connection on, String file, long rows) throws SQLException {
        write(on, LOADED, rows + " " + file);
    }

    /** Takes back, on {@code on}'s open transaction, what {@link #loaded} noted of a file. */
    void notLoaded(Connection on, String file, long rows) throws SQLException {
        try (PreparedStatement delete = on.prepareStatement("DELETE FROM " + table + " WHERE entry = ? AND item = ?")) {
            delete.setString(1, LOADED);
            delete.setString(2, rows + " " + file);
            delete.executeUpdate();
        }
    }

    /**
     * Notes, on {@code on}'s open transaction, that the post-data script's statement {@code index} (counted from 0) is
     * about to run ({@code begun}) or has run.
     */
    void postData(Connection on, int index, boolean begun) throws SQLException {
        write(on, begun ? POST_DATA_BEGUN : POST_DATA_DONE, Integer.toString(index));
    }

    private void write(Connection on, String entry, String item) throws SQLException {
        try (PreparedStatement insert = on.prepareStatement(insert())) {
            insert.setString(1, entry);
            insert.setString(2, item);
            insert.executeUpdate();
        }
    }

    private String insert() {
        return "INSERT INTO " + table + " (entry, item) VALUES (?, ?)";
    }

    /**
     * Drops the journal, once the import's work is committed or undone. Where this fails, the journal stays, and the
     * next import removes it (and, where it is not marked finished, what the import left).
     */
    void remove() throws SQLException {
        if (!exists(connection, dialect)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(drop());
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private String drop() {
        return "DROP TABLE " + table;
    }

    /**
     * What an import found of an earlier one that left its journal in the database.
     *
     * @param note    what was found and done, for the user; empty where there was no journal and no RESUME
     * @param journal the stopped import's journal, which this import goes on writing, where it continues that import;
     *                else null
     * @param done    what the stopped import had done, where this import continues it; else {@link ResumePoint#NONE}
     * @param undo    the undo of the stopped import, where this import continues it (it then drops what both
     *                created, should it fail); else null
     * @param ended   whether an import with RESUME has nothing left to do: the earlier import had finished
     */
    record Found(Optional<String> note, ImportJournal journal, ResumePoint done, ImportUndo undo, boolean ended) {
        private static final Found NOTHING = new Found(Optional.empty(), null, ResumePoint.NONE, null, false);

        private static Found note(String note) {
            return new Found(Optional.of(note), null, ResumePoint.NONE, null, false);
        }

        /** Whether this import continues the stopped one. */
        boolean resuming() {
            return journal != null;
        }
    }

    /**
     * Where an earlier import left its journal in the database (connection in autocommit): removes it where that import
     * finished; else, where it was this same import ({@code plan}'s scripts), continues it where {@code resume} says so
     * and it had run its schema script, or drops what it created, then the journal.
     *
     * @throws SQLException (42000) where the journal is another import's, or does not say what the database held
     */
    static Found removeLeftovers(Connection connection, Dialect dialect, Path directory, ImportPlan plan,
                                 boolean resume) throws SQLException {
        if (!exists(connection, dialect)) {
            return resume ? Found.note("RESUME: no journal of a stopped import is in this database (an import that"
                    + " ended removed its own; one that ran in one transaction leaves none)") : Found.NOTHING;
        }
        Journal journal = Journal.read(connection, dialect);
        ImportJournal table = new ImportJournal(connection, dialect);
        if (journal.entries().isEmpty()) {
            table.remove();
            return Found.note("An earlier IMPORT DATABASE stopped as it began (its process killed, or its connection"
                    + " lost), before it had written anything but its empty journal table " + TABLE + "; removed it"
                    + (resume ? ", and imported from the beginning" : ""));
        }
        String earlier = "An earlier IMPORT DATABASE of '" + journal.first(DIRECTORY) + "', begun "
                + journal.first(STARTED);
        boolean same = digest(plan, directory).equals(journal.first(EXPORT));
        if (FINISHED.equals(journal.first(STATE))) {
            table.remove();
            String note = earlier + ", finished but left its journal table " + TABLE + "; removed it";
            return resume && same ? new Found(Optional.of(note + "; RESUME: nothing was left to do"), null,
                    ResumePoint.NONE, null, true) : Found.note(note);
        }
        String stopped = earlier + ", stopped before its end (its process killed, or its connection lost) and left its"
                + " journal table " + TABLE;
        if (!same) {
            throw FerryErrors.refused(stopped + "; this import is of another export (other scripts, manifest or data"
                    + " files), so Ferry does not take what the database holds for that import's: run that import"
                    + " again (it removes what the stopped one left, then imports, or with RESUME continues it), or"
                    + " drop what is there and the table " + TABLE + " by hand");
        }
        if (journal.all(SCHEMA_BEFORE).isEmpty()) {
            throw FerryErrors.refused(stopped + ", which does not say what the database held before it (Ferry's"
                    + " journal always does): drop what that import left and the table by hand, then import again");
        }
        ImportUndo undo = ImportUndo.of(connection, dialect, SchemaScope.of(journal.all(SCOPE)), new ImportUndo.Before(
                journal.set(SCHEMA_BEFORE), journal.set(ROUTINE_BEFORE), journal.set(TYPE_BEFORE)));
        ResumePoint done = journal.done();
        if (resume && done.schemaDone()) {
            return new Found(Optional.of(stopped + "; RESUME: continued it (" + done.summary() + ")"), table, done,
                    undo, false);
        }
        List<String> dropped;
        try {
            dropped = undo.dropCreated(journal.all(CREATED_SCHEMA));
            table.remove();
        } catch (SQLException e) {
            throw FerryErrors.withContext(stopped + "; removing what it left failed", e);
        }
        return Found.note(stopped + (resume ? " before the end of its schema script, so there was nothing to continue"
                : "") + "; removed the " + dropped.size() + " object(s) it had created"
                + (dropped.isEmpty() ? "" : " (" + DatabaseContents.shortList(dropped) + ")")
                + " and the journal, before this import");
    }

    /**
     * The SHA-256 that tells an import from an import of another export: of the scripts it runs and of the export's
     * data, by its manifest (which holds each data file's SHA-256), or, for a directory of DuckDB's own EXPORT
     * DATABASE, which has none, by its load.sql and each file's name, size and time of change.
     */
    private static String digest(ImportPlan plan, Path directory) throws SQLException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(plan.schema().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(plan.postData().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            Path manifest = directory.resolve(ManifestFile.NAME);
            if (Files.isRegularFile(manifest)) {
                sha256.update(Files.readAllBytes(manifest));
            } else {
                try (Stream<Path> files = Files.list(directory)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        sha256.update((file.getFileName() + "\0" + Files.size(file) + "\0"
                                + Files.getLastModifiedTime(file) + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        } catch (IOException e) {
            throw FerryErrors.io("IMPORT DATABASE cannot read " + directory + ": " + e, e);
        }
    }

    /**
     * Whether the connection's current schema (on MariaDB, its current database) holds a journal; false where there is
     * none, as then no journal is written.
     */
    private static boolean exists(Connection connection, Dialect dialect) throws SQLException {
        String catalog = connection.getCatalog();
        String schema = dialect.capabilities().schemasAreCatalogs() ? null : currentSchema(connection);
        if (dialect.capabilities().schemasAreCatalogs() ? catalog == null : schema == null) {
            return false;
        }
        DatabaseMetaData metaData = connection.getMetaData();
        try (ResultSet tables = metaData.getTables(catalog, pattern(schema, metaData), pattern(TABLE, metaData),
                null)) {
            while (tables.next()) {
                if (TABLE.equals(tables.getString("TABLE_NAME"))
                        && (schema == null || schema.equals(tables.getString("TABLE_SCHEM")))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String currentSchema(Connection connection) {
        try {
            return connection.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null;
        }
    }

    /** {@code name} as a metadata pattern that matches it alone. */
    private static String pattern(String name, DatabaseMetaData metaData) throws SQLException {
        String escape = metaData.getSearchStringEscape();
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    /** A journal's entries as read. */
    private record Journal(List<Map.Entry<String, String>> entries) {
        static Journal read(Connection connection, Dialect dialect) throws SQLException {
            return new Journal(CatalogQuery.list(connection,
                    "SELECT entry, item FROM " + dialect.quoteIdentifier(TABLE),
                    row -> Map.entry(row.getString(1), row.getString(2))));
        }

        String first(String entry) {
            List<String> items = all(entry);
            return items.isEmpty() ? "?" : items.get(0);
        }

        List<String> all(String entry) {
            return entries.stream().filter(e -> e.getKey().equals(entry)).map(Map.Entry::getValue).toList();
        }

        Set<String> set(String entry) {
            return new HashSet<>(all(entry));
        }

        /** What the import had done, by its marks. */
        ResumePoint done() {
            Map<String, Long> loaded = new HashMap<>();
            for (String item : all(LOADED)) {
                int space = item.indexOf(' ');
                loaded.put(item.substring(space + 1), Long.parseLong(item.substring(0, space)));
            }
            return new ResumePoint(!all(SCHEMA_DONE).isEmpty(), loaded, indexes(POST_DATA_BEGUN),
                    indexes(POST_DATA_DONE));
        }

        private Set<Integer> indexes(String entry) {
            return all(entry).stream().map(Integer::valueOf).collect(Collectors.toSet());
        }
    }
}
