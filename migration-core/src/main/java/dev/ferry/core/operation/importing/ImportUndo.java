package dev.ferry.core.operation.importing;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.UserCatalog;
import dev.ferry.core.model.schema.Relation;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.schema.Sequence;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts a database back as it was before a failed import: a rollback, where nothing was committed; else the objects
 * the import created dropped. The database held no relations or sequences in the import's scope before (the import
 * refuses one that does), so all of those go (never Ferry's {@link ImportJournal}, which is not among them); of the
 * routines and types, only those that did not exist before the import began; of the schemas, only new ones the
 * import's scripts create, and, just after a failure in this process, any new one where the scripts name none.
 */
final class ImportUndo {
    private final Connection connection;
    private final Dialect dialect;
    private final SchemaScope scope;
    private final Before before;
    private final boolean newSchemasOfAnyName;
    private final EmptyTables emptied;

    /**
     * What the database held before an import, of what it may create besides relations and sequences.
     *
     * @param schemas      the schemas (MariaDB: the databases), the engine's own and the user's
     * @param routineDrops the statements that would drop the routines in scope
     * @param typeDrops    the statements that would drop the user types in scope
     */
    record Before(Set<String> schemas, Set<String> routineDrops, Set<String> typeDrops) {
        Before {
            schemas = withoutNulls(schemas);
            routineDrops = withoutNulls(routineDrops);
            typeDrops = withoutNulls(typeDrops);
        }

        private static Set<String> withoutNulls(Set<String> names) {
            return names.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        }
    }

    private ImportUndo(Connection connection, Dialect dialect, SchemaScope scope, Before before,
                       boolean newSchemasOfAnyName, EmptyTables emptied) {
        this.connection = connection;
        this.dialect = dialect;
        this.scope = scope;
        this.before = before;
        this.newSchemasOfAnyName = newSchemasOfAnyName;
        this.emptied = emptied;
    }

    /**
     * The undo of an import of a DATA_ONLY export into {@code tables}, which were empty: it creates nothing, so what it
     * had committed is deleted, row by row, and nothing is dropped.
     */
    static ImportUndo emptying(Connection connection, Dialect dialect, SchemaScope scope, EmptyTables tables) {
        return new ImportUndo(connection, dialect, scope, new Before(Set.of(), Set.of(), Set.of()), false, tables);
    }

    /** Notes what the database holds before the import: call before the import creates anything. */
    static ImportUndo before(Connection connection, Dialect dialect, SchemaScope scope) throws SQLException {
        return new ImportUndo(connection, dialect, scope, new Before(
                new DatabaseContents(connection, dialect, scope).schemas(),
                Set.copyOf(dialect.dropRoutines(connection, scope)), Set.copyOf(dialect.dropTypes(connection, scope))),
                true, null);
    }

    /**
     * The undo of a stopped import that began when the database held {@code before}: it drops no schema the import's
     * scripts do not name, as others may have made some since.
     */
    static ImportUndo of(Connection connection, Dialect dialect, SchemaScope scope, Before before) {
        return new ImportUndo(connection, dialect, scope, before, false, null);
    }

    /** This undo, run on {@code other}, a connection to the same database (with autocommit off). */
    ImportUndo on(Connection other) {
        return new ImportUndo(other, dialect, scope, before, newSchemasOfAnyName, emptied);
    }

    /** What the database held before the import. */
    Before state() {
        return before;
    }

    /**
     * Rolls back the import's open transaction and, where it committed some of its work (its engine's DDL is not
     * transactional, or it loaded on several connections), drops what it created; a failure in doing so is added to
     * {@code failure}, which stays the one reported.
     *
     * @param committed      whether the import committed anything
     * @param createdSchemas the schemas the import's scripts create; empty where they name none
     * @return whether the database is as it was before the import
     */
    boolean run(boolean committed, List<String> createdSchemas, Exception failure) {
        try {
            connection.rollback();
            if (committed && emptied != null) {
                emptied.empty(connection);
                connection.commit();
            } else if (committed) {
                dropCreated(createdSchemas);
                connection.commit();
            }
            return true;
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    /**
     * Drops what the import created: every relation and sequence in scope, and the routines, types and schemas that are
     * new (see the class comment for which schemas).
     *
     * @return the relations, sequences and schemas dropped, as {@code TYPE schema.name}
     */
    List<String> dropCreated(List<String> createdSchemas) throws SQLException {
        List<String> dropped = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (Relation relation : UserCatalog.relations(connection, dialect, scope)) {
                statement.execute(dialect.dropRelation(relation));
                dropped.add(relation.type() + " " + relation.name());
            }
            for (Sequence sequence : dialect.sequences(connection, scope)) {
                statement.execute(dialect.dropSequence(sequence.name()));
                dropped.add("SEQUENCE " + sequence.name());
            }
            dropNew(statement, dialect.dropRoutines(connection, scope), before.routineDrops());
            dropNew(statement, dialect.dropTypes(connection, scope), before.typeDrops());
            for (String schema : new DatabaseContents(connection, dialect, scope).schemas()) {
                if (!before.schemas().contains(schema) && !dialect.isSystemSchema(schema)
                        && (createdSchemas.contains(schema) || createdSchemas.isEmpty() && newSchemasOfAnyName)) {
                    statement.execute(dialect.dropSchema(schema));
                    dropped.add("SCHEMA " + schema);
                }
            }
        }
        return dropped;
    }

    private static void dropNew(Statement statement, List<String> drops, Set<String> before) throws SQLException {
        for (String drop : drops) {
            if (!before.contains(drop)) {
                statement.execute(drop);
            }
        }
    }
}
