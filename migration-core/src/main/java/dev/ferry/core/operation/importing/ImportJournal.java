package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.SchemaScope;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Marks an import that commits before its end (its engine's DDL is not transactional, or it loads on several
 * connections) as Ferry's while it runs: a table, {@value #TABLE}, in the connection's current schema, that says which
 * export is being imported and what the database held before. An import stopped before its end (its process killed,
 * its connection or machine lost) leaves the table behind, and the next IMPORT into the database finds it and drops
 * what the stopped import created ({@link #removeLeftovers}); an import that ends, well or not, removes it.
 */
final class ImportJournal {
    /** The journal's table. */
    static final String TABLE = "ferry_import_journal";

    private static final String DIRECTORY = "directory";
    private static final String STARTED = "started";
    private static final String STATE = "state";
    private static final String SCOPE = "scope";
    private static final String CREATED_SCHEMA = "created schema";
    private static final String SCHEMA_BEFORE = "schema before";
    private static final String ROUTINE_BEFORE = "routine before";
    private static final String TYPE_BEFORE = "type before";
    private static final String RUNNING = "running";
    private static final String FINISHED = "finished";

    private final Connection connection;
    private final Dialect dialect;

    private ImportJournal(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /** Whether {@code name} is a journal's table (in any schema: an import's scope may hold the current one or not). */
    static boolean isJournal(QualifiedName name) {
        return name.name().equalsIgnoreCase(TABLE);
    }

    /**
     * Writes the journal of an import about to begin, and commits it (the connection has autocommit off).
     *
     * @param directory      the export being imported
     * @param scope          where the import writes
     * @param before         what the database holds before it
     * @param createdSchemas the schemas the import's scripts create; empty where they name none
     */
    static ImportJournal begin(Connection connection, Dialect dialect, Path directory, SchemaScope scope,
                               ImportUndo.Before before, List<String> createdSchemas) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + dialect.quoteIdentifier(TABLE)
                    + " (entry VARCHAR(40) NOT NULL, item VARCHAR(8000) NOT NULL)");
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        entries.add(Map.entry(DIRECTORY, directory.toString()));
        entries.add(Map.entry(STARTED, Instant.now().toString()));
        entries.add(Map.entry(STATE, RUNNING));
        scope.named().forEach(schema -> entries.add(Map.entry(SCOPE, schema)));
        createdSchemas.forEach(schema -> entries.add(Map.entry(CREATED_SCHEMA, schema)));
        before.schemas().forEach(schema -> entries.add(Map.entry(SCHEMA_BEFORE, schema)));
        before.routineDrops().forEach(drop -> entries.add(Map.entry(ROUTINE_BEFORE, drop)));
        before.typeDrops().forEach(drop -> entries.add(Map.entry(TYPE_BEFORE, drop)));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + dialect.quoteIdentifier(TABLE) + " (entry, item) VALUES (?, ?)")) {
            for (Map.Entry<String, String> entry : entries) {
                insert.setString(1, entry.getKey());
                insert.setString(2, entry.getValue());
                insert.executeUpdate();
            }
        }
        connection.commit();
        return new ImportJournal(connection, dialect);
    }

    /**
     * Marks the import finished, in the transaction that commits its last work: where DDL is transactional, by dropping
     * the journal; else by saying so in it, for {@link #remove} to drop it after the commit.
     */
    void finishing() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(dialect.capabilities().transactionalDdl() ? drop()
                    : "UPDATE " + dialect.quoteIdentifier(TABLE) + " SET item = '" + FINISHED + "' WHERE entry = '"
                    + STATE + "'");
        }
    }

    /**
     * Drops the journal, once the import's work is committed or undone. Where this fails, the journal stays, and the
     * next import removes it (and, where it is not marked finished, what the import left).
     */
    void remove() throws SQLException {
        if (!exists(connection)) {
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
        return "DROP TABLE " + dialect.quoteIdentifier(TABLE);
    }

    /**
     * Where an earlier import left its journal in the database (connection in autocommit), removes what that import
     * created, unless it finished, then the journal.
     *
     * @return what was found and done, for the user; empty where there was no journal
     */
    static Optional<String> removeLeftovers(Connection connection, Dialect dialect) throws SQLException {
        if (!exists(connection)) {
            return Optional.empty();
        }
        Journal journal = Journal.read(connection, dialect);
        ImportJournal table = new ImportJournal(connection, dialect);
        String earlier = "An earlier IMPORT DATABASE of '" + journal.first(DIRECTORY) + "', begun "
                + journal.first(STARTED);
        if (FINISHED.equals(journal.first(STATE))) {
            table.remove();
            return Optional.of(earlier + ", finished but left its journal table " + TABLE + "; removed it");
        }
        if (journal.all(SCHEMA_BEFORE).isEmpty()) {
            throw FerryErrors.refused(earlier + ", left a table " + TABLE + " that does not say what the database held"
                    + " before it (Ferry's journal always does): drop what that import left and the table by hand,"
                    + " then import again");
        }
        ImportUndo undo = ImportUndo.of(connection, dialect, SchemaScope.of(journal.all(SCOPE)), new ImportUndo.Before(
                journal.set(SCHEMA_BEFORE), journal.set(ROUTINE_BEFORE), journal.set(TYPE_BEFORE)));
        List<String> dropped = undo.dropCreated(journal.all(CREATED_SCHEMA));
        table.remove();
        return Optional.of(earlier + ", stopped before its end (its process killed, or its connection lost) and"
                + " left its journal table " + TABLE + "; removed the " + dropped.size()
                + " object(s) it had created" + (dropped.isEmpty() ? "" : " (" + shortList(dropped) + ")")
                + " and the journal, before this import");
    }

    private static String shortList(List<String> objects) {
        return String.join(", ", objects.subList(0, Math.min(5, objects.size())))
                + (objects.size() > 5 ? ", ..." : "");
    }

    /** Whether the connection's current schema holds a journal. */
    private static boolean exists(Connection connection) throws SQLException {
        String schema;
        try {
            schema = connection.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            schema = null;
        }
        try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), schema, TABLE, null)) {
            while (tables.next()) {
                if (TABLE.equals(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
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
    }
}
