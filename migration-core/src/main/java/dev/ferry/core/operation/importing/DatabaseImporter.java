package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.dialect.duckdb.export.DuckDbExport;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.operation.ConnectionSource;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.TableOutcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a directory written by {@link dev.ferry.core.operation.exporting.DatabaseExporter} (or by DuckDB's own EXPORT
 * DATABASE) into an empty database, as its {@link ImportPlan} says: the schema script, then the data (each table's
 * rows checked against the manifest's count), then the post-data script.
 *
 * <p>With JOBS above 1, on an engine whose tables load faster from several sessions, the data files load on that many
 * connections at once, after the schema is committed (no other connection would see its tables before), and so do
 * the post-data script's indexes and keys ({@link ParallelPostData}).
 *
 * <p>A failed import leaves the database as it was: rolled back where it ran in one transaction (the engine's DDL is
 * transactional and it loaded on one connection), otherwise by dropping everything the import created (the database
 * was empty before it). The connection must have autocommit on, as it is left.
 */
public final class DatabaseImporter {
    private final Connection connection;
    private final ConnectionSource moreConnections;

    /**
     * @param connection the (empty) database to import into, with autocommit on
     */
    public DatabaseImporter(Connection connection) {
        this(connection, ConnectionSource.NONE);
    }

    /**
     * @param connection      the (empty) database to import into, with autocommit on
     * @param moreConnections opens further connections like {@code connection} (same URL, properties and driver), for
     *                        JOBS above 1; each is closed before the import returns; {@link ConnectionSource#NONE}
     *                        where there is no way to, and the import then loads on one connection
     */
    public DatabaseImporter(Connection connection, ConnectionSource moreConnections) {
        this.connection = connection;
        this.moreConnections = moreConnections;
    }

    /** Imports {@code directory}, which must hold a complete, unaltered export. */
    public MigrationResult importFrom(Path directory, ProgressListener progress) throws SQLException {
        return importFrom(directory, ImportOptions.DEFAULTS, progress);
    }

    /**
     * Imports {@code directory}, which must hold a complete export whose data is unaltered, and whose scripts are those
     * it wrote unless {@code options} allow edited ones.
     */
    public MigrationResult importFrom(Path directory, ImportOptions options, ProgressListener progress)
            throws SQLException {
        Dialect dialect = Dialects.forConnection(connection);
        Path dir = directory.toAbsolutePath().normalize();
        ImportPlan plan = DuckDbExport.isDuckDbExport(dir) ? ImportPlan.of(DuckDbExport.read(dir), dialect)
                : ImportPlan.of(ExportSource.open(dir, options), dialect);
        SchemaScope scope = targetScope(plan, dialect);
        DatabaseContents contents = new DatabaseContents(connection, dialect, scope);
        refuseUnlessEmpty(contents, dialect, scope);
        ImportUndo undo = ImportUndo.before(connection, dialect, scope, contents);

        if (!connection.getAutoCommit()) {
            throw new SQLException("IMPORT DATABASE runs its own transactions and needs autocommit on; this connection"
                    + " has autocommit off, perhaps with work of its own pending. Commit or roll back, then turn"
                    + " autocommit on", "25001");
        }
        try (Dialect.SessionSettings session = dialect.prepareSession(connection);
             Dialect.SessionSettings forImport = dialect.prepareImport(connection)) {
            return importInSession(dir, plan, dialect, scope, undo, options, progress);
        }
    }

    /**
     * Where the import writes: the whole database; on MariaDB, whose schemas are databases, the connection's current
     * database for an export whose scripts name none, else the databases the export names (and creates), with the
     * current one where the scripts also name objects without a database (another engine's default schema, such as
     * PostgreSQL's {@code public}, beside a schema of its own).
     */
    private SchemaScope targetScope(ImportPlan plan, Dialect dialect) throws SQLException {
        if (!dialect.capabilities().schemasAreCatalogs() || !plan.qualifiedNames()) {
            return SchemaScope.DEFAULT;
        }
        List<String> schemas = new ArrayList<>(plan.schemas());
        String current = connection.getCatalog();
        if (plan.defaultSchemaToo() && current != null && !schemas.contains(current)) {
            schemas.add(current);
        }
        return SchemaScope.of(schemas);
    }

    /** The import proper, on a session prepared by the dialect. */
    private MigrationResult importInSession(Path directory, ImportPlan plan, Dialect dialect, SchemaScope scope,
                                            ImportUndo undo, ImportOptions options, ProgressListener progress)
            throws SQLException {
        connection.setAutoCommit(false);
        boolean committed = !dialect.capabilities().transactionalDdl();
        MigrationResult result;
        try (LoadingConnections loading = LoadingConnections.open(connection, dialect, moreConnections,
                options.effectiveJobs())) {
            ScriptRunner scripts = new ScriptRunner(connection);
            scripts.run(ExportLayout.SCHEMA, plan.schema(), dialect.capabilities().mysqlSyntax());
            DataLoader data = new DataLoader(connection, dialect);
            List<TableOutcome> tables;
            if (loading.several()) {
                connection.commit();
                committed = true;
                tables = data.run(plan.loads(), loading.connections(), progress);
                ParallelPostData.run(plan.postData(), dialect.capabilities().mysqlSyntax(), loading.connections());
            } else {
                tables = data.run(plan.loads(), progress);
                scripts.run(ExportLayout.POST_DATA, plan.postData(), dialect.capabilities().mysqlSyntax());
            }
            dialect.checkForeignKeys(connection, scope);
            connection.commit();
            List<String> warnings = new ArrayList<>(plan.warnings());
            warnings.addAll(loading.notes());
            result = new MigrationResult(directory, tables, warnings);
        } catch (SQLException | RuntimeException e) {
            undo.run(committed, plan.schemas(), e);
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
            if (dialect.capabilities().schemasAreCatalogs() && !scope.isDefault()) {
                String current = connection.getCatalog();
                List<String> created = scope.named().stream().filter(s -> !s.equals(current)).toList();
                throw FerryErrors.refused("IMPORT DATABASE creates the databases " + String.join(", ", created)
                        + " of the export" + (created.size() < scope.named().size() ? " and writes into this one, "
                        + current + "," : "") + " and runs only where they do not exist or are empty; they hold "
                        + found);
            }
            throw FerryErrors.refused("IMPORT DATABASE runs only into an empty database; this one has " + found);
        }
    }

    private void restoreAutoCommit(Exception failure) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

}
