package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.dialect.UserCatalog;
import dev.ferry.core.dialect.duckdb.export.DuckDbExport;
import dev.ferry.core.format.files.FormattedFile;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.manifest.Manifest;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Relation;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.schema.Sequence;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.TableOutcome;
import dev.ferry.core.operation.command.CommandParser;
import dev.ferry.core.operation.command.CopyFromCommand;
import dev.ferry.core.operation.command.FerryCommand;
import dev.ferry.core.operation.loading.BulkLoader;
import dev.ferry.core.operation.loading.TableLoad;
import dev.ferry.core.sql.SqlScript;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a directory written by {@link dev.ferry.core.operation.exporting.DatabaseExporter} into an empty database: the
 * schema script, then the data (the load script's COPY statements, each checked against the manifest's row count),
 * then the post-data script.
 *
 * <p>A failed import leaves the database as it was: rolled back where the engine's DDL is transactional, otherwise
 * by dropping everything the import created (the database was empty before it). The connection must have
 * autocommit on, as it is left.
 */
public final class DatabaseImporter {
    private final Connection connection;

    /**
     * @param connection the (empty) database to import into, with autocommit on
     */
    public DatabaseImporter(Connection connection) {
        this.connection = connection;
    }

    /** Imports {@code directory}, which must hold a complete, unaltered export. */
    public MigrationResult importFrom(Path directory, ProgressListener progress) throws SQLException {
        Dialect dialect = Dialects.forConnection(connection);
        Path dir = directory.toAbsolutePath().normalize();
        ExportSource source = DuckDbExport.isDuckDbExport(dir) ? null : ExportSource.open(dir);
        ImportPlan plan = source == null ? ImportPlan.of(DuckDbExport.read(dir), dialect)
                : ImportPlan.of(source, dialect);
        SchemaScope scope = targetScope(plan, dialect);
        DatabaseContents contents = new DatabaseContents(connection, dialect, scope);
        refuseUnlessEmpty(contents, dialect, scope);
        Set<String> schemasBefore = contents.schemas();
        Set<String> routinesBefore = Set.copyOf(dialect.dropRoutines(connection, scope));

        if (!connection.getAutoCommit()) {
            throw new SQLException("IMPORT DATABASE runs its own transactions and needs autocommit on; this connection"
                    + " has autocommit off, perhaps with work of its own pending. Commit or roll back, then turn"
                    + " autocommit on", "25001");
        }
        try (Dialect.SessionSettings ignored = dialect.prepareSession(connection)) {
            return importInSession(dir, source, plan, dialect, scope, contents, schemasBefore, routinesBefore,
                    progress);
        }
    }

    /**
     * Where the import writes: the whole database; on MariaDB, whose schemas are databases, the connection's current
     * database for an export whose scripts name none, else the databases the export names (and creates).
     */
    private static SchemaScope targetScope(ImportPlan plan, Dialect dialect) {
        return dialect.schemasAreCatalogs() && plan.qualifiedNames() ? SchemaScope.of(plan.schemas())
                : SchemaScope.DEFAULT;
    }

    /** The import proper, on a session prepared by the dialect. */
    private MigrationResult importInSession(Path directory, ExportSource source, ImportPlan plan, Dialect dialect,
                                            SchemaScope scope,
                                            DatabaseContents contents, Set<String> schemasBefore,
                                            Set<String> routinesBefore, ProgressListener progress) throws SQLException {
        connection.setAutoCommit(false);
        MigrationResult result;
        try {
            run(ExportLayout.SCHEMA, plan.schema(), dialect);
            List<TableOutcome> tables = plan.loads() != null ? load(plan.loads(), dialect, progress)
                    : load(source, plan.load(), dialect, progress);
            run(ExportLayout.POST_DATA, plan.postData(), dialect);
            connection.commit();
            result = new MigrationResult(directory, tables, plan.warnings());
        } catch (SQLException | RuntimeException e) {
            undo(dialect, scope, plan.schemas(), contents, schemasBefore, routinesBefore, e);
            restoreAutoCommit(e);
            throw e;
        }
        connection.setAutoCommit(true);
        return result;
    }

    private void refuseUnlessEmpty(DatabaseContents contents, Dialect dialect, SchemaScope scope)
            throws SQLException {
        List<String> objects = contents.userObjects();
        if (!objects.isEmpty()) {
            String found = objects.size() + " user object(s): "
                    + String.join(", ", objects.subList(0, Math.min(5, objects.size())))
                    + (objects.size() > 5 ? ", ..." : "");
            if (dialect.schemasAreCatalogs() && !scope.isDefault()) {
                throw FerryErrors.refused("IMPORT DATABASE creates the databases " + String.join(", ", scope.named())
                        + " of the export and runs only where they do not exist or are empty; they hold " + found);
            }
            throw FerryErrors.refused("IMPORT DATABASE runs only into an empty database; this one has " + found);
        }
    }

    /** Runs a script written in the engine's SQL (schema or post-data), split by the engine's lexical rules. */
    private void run(String scriptName, String script, Dialect dialect) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (SqlScript.Statement sql : SqlScript.split(script, dialect.mysqlSyntax())) {
                execute(statement, scriptName, sql);
            }
        }
    }

    private static void execute(Statement statement, String scriptName, SqlScript.Statement sql) throws SQLException {
        try {
            statement.execute(sql.sql());
        } catch (SQLException e) {
            throw FerryErrors.withContext(scriptName + " line " + sql.line(), e);
        }
    }

    private List<TableOutcome> load(ExportSource source, String loadScript, Dialect dialect, ProgressListener progress)
            throws SQLException {
        Map<String, Manifest.TableEntry> expected = source.tablesByFile();
        Map<String, TableOutcome> loaded = new HashMap<>();
        List<TableOutcome> outcomes = new ArrayList<>();
        BulkLoader loader = new BulkLoader(connection, dialect);
        try (Statement statement = connection.createStatement()) {
            // load.sql holds Ferry's own COPY statements (file names, reader options): standard SQL's lexical rules.
            for (SqlScript.Statement sql : SqlScript.split(loadScript)) {
                Optional<FerryCommand> command = CommandParser.parse(sql.sql());
                if (command.isPresent() && command.get() instanceof CopyFromCommand copy) {
                    TableOutcome outcome = loadTable(source, copy, sql, expected, loader, !dialect.transactionalDdl(),
                            progress);
                    loaded.put(outcome.file(), outcome);
                    outcomes.add(outcome);
                } else {
                    execute(statement, ExportLayout.LOAD, sql);
                }
            }
        }
        for (Manifest.TableEntry table : source.manifest().tables()) {
            if (!loaded.containsKey(table.file())) {
                throw FerryErrors.data("IMPORT DATABASE: " + ExportLayout.LOAD + " does not load " + table.file()
                        + " (table " + new QualifiedName(table.schema(), table.name()) + ") listed in the manifest");
            }
        }
        return outcomes;
    }

    /** Loads each table from its file, with the file's own reader (DuckDB's exports). */
    private List<TableOutcome> load(List<TableLoad> loads, Dialect dialect, ProgressListener progress)
            throws SQLException {
        BulkLoader loader = new BulkLoader(connection, dialect);
        List<TableOutcome> outcomes = new ArrayList<>();
        for (TableLoad load : loads) {
            long rows = loader.load(load, !dialect.transactionalDdl(), progress);
            long bytes;
            try {
                bytes = java.nio.file.Files.size(load.data().file());
            } catch (java.io.IOException e) {
                bytes = -1;
            }
            outcomes.add(new TableOutcome(load.table(), load.data().file().getFileName().toString(), rows, bytes));
        }
        return outcomes;
    }

    private TableOutcome loadTable(ExportSource source, CopyFromCommand copy, SqlScript.Statement sql,
                                   Map<String, Manifest.TableEntry> expected, BulkLoader loader, boolean commitBatches,
                                   ProgressListener progress) throws SQLException {
        String fileName = copy.file().value();
        Manifest.TableEntry entry = expected.get(fileName);
        if (entry == null) {
            throw FerryErrors.data(ExportLayout.LOAD + " line " + sql.line() + ": " + fileName
                    + " is not a data file listed in the manifest");
        }
        Path file = source.directory().resolve(fileName);
        FormatOptions options;
        try {
            options = FormatOptions.from(copy.options(), "COPY");
        } catch (SQLException e) {
            throw FerryErrors.withContext(ExportLayout.LOAD + " line " + sql.line(), e);
        }
        long rows = loader.load(new TableLoad(copy.table(), copy.columns(), new FormattedFile(file, options)),
                commitBatches, progress);
        if (rows != entry.rows()) {
            throw FerryErrors.data("IMPORT DATABASE: " + fileName + " held " + rows + " rows for " + copy.table()
                    + ", the manifest says " + entry.rows());
        }
        return new TableOutcome(copy.table(), fileName, rows, entry.bytes());
    }

    private void restoreAutoCommit(Exception failure) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Puts the database back as it was before the import, keeping the first failure as the one reported. */
    private void undo(Dialect dialect, SchemaScope scope, List<String> createdSchemas, DatabaseContents contents,
                      Set<String> schemasBefore, Set<String> routinesBefore, Exception failure) {
        try {
            connection.rollback();
            if (dialect.transactionalDdl()) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                for (Relation relation : UserCatalog.relations(connection, dialect, scope)) {
                    statement.execute(relation.isView() ? "DROP VIEW IF EXISTS " + dialect.quote(relation.name())
                            : dialect.dropTable(relation.name()));
                }
                for (Sequence sequence : dialect.sequences(connection, scope)) {
                    statement.execute(dialect.dropSequence(sequence.name()));
                }
                for (String dropRoutine : dialect.dropRoutines(connection, scope)) {
                    if (!routinesBefore.contains(dropRoutine)) {
                        statement.execute(dropRoutine);
                    }
                }
                // Only schemas the export creates: another session may have created others meanwhile.
                for (String schema : contents.schemas()) {
                    if (!schemasBefore.contains(schema)
                            && (createdSchemas.isEmpty() || createdSchemas.contains(schema))) {
                        statement.execute(dialect.dropSchema(schema));
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
