package dev.ferry.core.operation.verify;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.dialect.SchemaReader;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.operation.importing.ImportedContents;
import dev.ferry.core.operation.importing.ImportedContents.ImportedTable;
import dev.ferry.core.operation.loading.TableLoad;
import dev.ferry.core.operation.verify.VerifiedObject.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;

/**
 * VERIFY DATABASE: compares a database with an export directory, as it would be after IMPORT DATABASE of it. The
 * import's own plan ({@link ImportedContents}) says which tables and data files, and with which columns: each data
 * file is read as the import reads it, with the kinds of the table's columns in the database, and the table is read
 * with the same kinds; both sides' values are compared in those kinds' text forms ({@link TableComparison}). Then the
 * keys, indexes, foreign keys and views the export creates are looked for in the database ({@link MissingObjects}).
 *
 * <p>Nothing is written. With autocommit on, the reads run in a transaction of their own, rolled back at the end, and
 * autocommit is turned back on; with autocommit off, they run in the connection's transaction, which is left open.
 */
public final class DatabaseVerifier {
    private static final String STATEMENT = "VERIFY DATABASE";

    private final Connection connection;

    /**
     * @param connection the database to verify
     */
    public DatabaseVerifier(Connection connection) {
        this.connection = connection;
    }

    /** Compares the database with {@code directory}, which must hold a complete, unaltered export. */
    public VerifyResult verify(Path directory) throws SQLException {
        Dialect dialect = Dialects.forConnection(connection);
        Path dir = directory.toAbsolutePath().normalize();
        ImportedContents contents = ImportedContents.of(dir, connection, dialect);
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false); // streaming reads need it on some engines (PostgreSQL)
        }
        try {
            return verify(dir, contents, dialect, autoCommit);
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private VerifyResult verify(Path dir, ImportedContents contents, Dialect dialect, boolean ownTransaction)
            throws SQLException {
        DatabaseSchema found = new SchemaReader(connection, dialect, contents.scope()).read();
        List<VerifiedObject> objects = new ArrayList<>();
        for (ImportedTable table : contents.tables()) {
            objects.add(verifyTable(table, dialect, found, ownTransaction));
        }
        if (contents.created() != null) {
            objects.addAll(new MissingObjects(contents.created(), found).missing());
        }
        return new VerifyResult(dir, objects, contents.warnings());
    }

    private VerifiedObject verifyTable(ImportedTable table, Dialect dialect, DatabaseSchema found,
                                       boolean ownTransaction) throws SQLException {
        TableLoad first = table.loads().get(0);
        Table there = found.tables().stream().filter(t -> dialect.quote(t.name()).equals(table.table()))
                .findFirst().orElse(null);
        TableShape shape;
        try {
            shape = there != null ? TableShape.of(connection, dialect, first) : probe(dialect, first, ownTransaction);
        } catch (SQLException e) {
            throw FerryErrors.withContext(STATEMENT + ": reading table " + table.table(), e);
        }
        if (shape == null) {
            return new VerifiedObject(table.table(), Status.MISSING, rows(table), null, "not in the database");
        }
        String from = there != null ? dialect.rowsOf(there.name()) : table.table();
        TableComparison comparison = new TableComparison(table.table(), shape,
                () -> new FileRows(table.loads(), shape),
                () -> new DatabaseRows(connection, dialect, shape, from),
                there == null ? null : key(there, shape));
        try {
            return comparison.compare();
        } catch (IOException e) {
            throw FerryErrors.io(STATEMENT + ": cannot read " + String.join(", ", table.files()) + " of table "
                    + table.table() + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw FerryErrors.withContext(STATEMENT + ": comparing table " + table.table() + " with "
                    + String.join(", ", table.files()), e);
        }
    }

    /**
     * The shape of a table the catalog did not show under the load's name (a load.sql naming it otherwise), or null
     * where the database has no such table; inside a savepoint where there is one, as a failed statement ends
     * PostgreSQL's transaction.
     */
    private TableShape probe(Dialect dialect, TableLoad load, boolean ownTransaction) throws SQLException {
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            savepoint = null;
        }
        try {
            TableShape shape = TableShape.of(connection, dialect, load);
            if (savepoint != null) {
                connection.releaseSavepoint(savepoint);
            }
            return shape;
        } catch (SQLException e) {
            if (savepoint != null) {
                connection.rollback(savepoint);
            } else if (ownTransaction) {
                connection.rollback();
            }
            return null;
        }
    }

    /** The table's primary key, else its first unique key, as positions among the loaded columns; else null. */
    private static int[] key(Table table, TableShape shape) {
        List<KeyConstraint> keys = new ArrayList<>();
        if (table.primaryKey() != null && !table.primaryKey().columns().isEmpty()) {
            keys.add(table.primaryKey());
        }
        keys.addAll(table.uniqueKeys());
        for (KeyConstraint key : keys) {
            int[] positions = shape.positions(key.columns());
            if (positions != null) {
                return positions;
            }
        }
        return null;
    }

    /** The rows of the table's data files, as the manifest gives them; null where there is none. */
    private static Long rows(ImportedTable table) {
        return table.rows() < 0 ? null : table.rows();
    }
}
