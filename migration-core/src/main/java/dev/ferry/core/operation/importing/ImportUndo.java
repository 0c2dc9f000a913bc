package dev.ferry.core.operation.importing;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.UserCatalog;
import dev.ferry.core.model.schema.Relation;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.schema.Sequence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Puts a database back as it was before a failed import: a rollback, where nothing was committed; else the objects
 * the import created dropped. The database held no relations or sequences in the import's scope before (the import
 * refuses one that does), so all of those go; of the schemas, routines and types, only those that did not exist before
 * the import began.
 */
final class ImportUndo {
    private final Connection connection;
    private final Dialect dialect;
    private final SchemaScope scope;
    private final DatabaseContents contents;
    private final Set<String> schemasBefore;
    private final Set<String> routinesBefore;
    private final Set<String> typesBefore;

    private ImportUndo(Connection connection, Dialect dialect, SchemaScope scope, DatabaseContents contents)
            throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.scope = scope;
        this.contents = contents;
        this.schemasBefore = contents.schemas();
        this.routinesBefore = Set.copyOf(dialect.dropRoutines(connection, scope));
        this.typesBefore = Set.copyOf(dialect.dropTypes(connection, scope));
    }

    /** Notes what the database holds before the import: call before the import creates anything. */
    static ImportUndo before(Connection connection, Dialect dialect, SchemaScope scope, DatabaseContents contents)
            throws SQLException {
        return new ImportUndo(connection, dialect, scope, contents);
    }

    /**
     * Rolls back the import's open transaction and, where it committed some of its work (its engine's DDL is not
     * transactional, or it loaded on several connections), drops what it created; a failure in doing so is added to
     * {@code failure}, which stays the one reported.
     *
     * @param committed      whether the import committed anything
     * @param createdSchemas the schemas the import's scripts create; empty where they name none
     */
    void run(boolean committed, List<String> createdSchemas, Exception failure) {
        try {
            connection.rollback();
            if (committed) {
                dropCreated(createdSchemas);
                connection.commit();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void dropCreated(List<String> createdSchemas) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (Relation relation : UserCatalog.relations(connection, dialect, scope)) {
                statement.execute(dialect.dropRelation(relation));
            }
            for (Sequence sequence : dialect.sequences(connection, scope)) {
                statement.execute(dialect.dropSequence(sequence.name()));
            }
            dropNew(statement, dialect.dropRoutines(connection, scope), routinesBefore);
            dropNew(statement, dialect.dropTypes(connection, scope), typesBefore);
            // Only schemas the export creates: another session may have created others meanwhile.
            for (String schema : contents.schemas()) {
                if (!schemasBefore.contains(schema) && (createdSchemas.isEmpty() || createdSchemas.contains(schema))) {
                    statement.execute(dialect.dropSchema(schema));
                }
            }
        }
    }

    private static void dropNew(Statement statement, List<String> drops, Set<String> before) throws SQLException {
        for (String drop : drops) {
            if (!before.contains(drop)) {
                statement.execute(drop);
            }
        }
    }
}
