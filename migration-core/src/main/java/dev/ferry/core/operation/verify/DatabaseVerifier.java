package dev.ferry.core.operation.verify;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.model.manifest.SchemaFile;
import dev.ferry.core.model.options.ExportContents;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.dialect.SchemaReader;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.operation.importing.ImportedContents;
import dev.ferry.core.operation.importing.ImportedContents.ImportedTable;
import dev.ferry.core.operation.verify.VerifiedObject.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
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
        return verify(directory, false);
    }

    /**
     * Compares the database with {@code directory}, which must hold a complete export whose data is unaltered, and
     * whose scripts are those it wrote unless {@code allowEditedScripts}.
     */
    public VerifyResult verify(Path directory, boolean allowEditedScripts) throws SQLException {
        Dialect dialect = Dialects.forConnection(connection);
        Path dir = directory.toAbsolutePath().normalize();
        ImportedContents contents;
        try {
            contents = ImportedContents.of(dir, connection, dialect, allowEditedScripts);
        } catch (SQLException e) {
            throw asVerify(e);
        }
        boolean autoCommit = connection.getAutoCommit();
        if (autoCommit) {
            connection.setAutoCommit(false); // streaming reads need it on some engines (PostgreSQL)
        }
        VerifyResult result;
        try {
            result = verify(dir, contents, dialect);
        } catch (SQLException | RuntimeException e) {
            if (autoCommit) {
                try {
                    connection.rollback();
                    connection.setAutoCommit(true);
                } catch (SQLException restoring) {
                    e.addSuppressed(restoring);
                }
            }
            throw e;
        }
        if (autoCommit) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        return result;
    }

    private VerifyResult verify(Path dir, ImportedContents contents, Dialect dialect) throws SQLException {
        DatabaseSchema found = new SchemaReader(connection, dialect, contents.scope()).read();
        List<VerifiedObject> tables = new ArrayList<>();
        for (ImportedTable table : contents.tables()) {
            tables.add(verifyTable(table, dialect, found));
        }
        boolean schemaOnly = contents.contents() == ExportContents.SCHEMA_ONLY && contents.created() != null;
        if (schemaOnly) {
            for (Table table : contents.created().tables()) {
                String name = dialect.quote(table.name());
                tables.add(tableNamed(name, dialect, found) == null
                        ? new VerifiedObject(name, Status.MISSING, null, null, "not in the database")
                        : new VerifiedObject(name, Status.OK, null, null, null));
            }
        }
        List<VerifiedObject> missing = contents.created() == null ? List.of()
                : new MissingObjects(contents.created(), found).missing();
        List<String> warnings = new ArrayList<>(contents.warnings());
        if (schemaOnly) {
            warnings.add(STATEMENT + ": " + dir + " is a SCHEMA_ONLY export: its tables, keys, indexes, foreign keys"
                    + " and views were looked for in the database; it holds no rows to compare");
        }
        if (contents.created() == null) {
            warnings.add(STATEMENT + ": " + dir + " holds no " + SchemaFile.NAME + " (an export by an earlier Ferry,"
                    + " or DuckDB's own): its tables' rows were compared, its keys, indexes and views were not");
        }
        return new VerifyResult(dir.toString(), tables, missing, warnings);
    }

    private VerifiedObject verifyTable(ImportedTable table, Dialect dialect, DatabaseSchema found) throws SQLException {
        Table there = tableNamed(table.table(), dialect, found);
        if (there == null) {
            return new VerifiedObject(table.table(), Status.MISSING, rows(table), null, "not in the database");
        }
        TableShape shape;
        try {
            // The columns are probed in the table the rows are read from.
            shape = TableShape.of(connection, dialect, table.loads().get(0), dialect.quote(there.name()));
        } catch (SQLException e) {
            throw FerryErrors.withContext(STATEMENT + ": reading table " + table.table(), e);
        }
        String from = dialect.rowsOf(there.name());
        TableComparison comparison = new TableComparison(table.table(), shape,
                () -> new FileRows(table.loads(), shape),
                () -> new DatabaseRows(connection, dialect, shape, from),
                key(there, shape));
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
     * The database's table that the import's loads name {@code sql}: the one the dialect quotes so, else the one whose
     * name (with its schema, where the loads give one) is the same once unquoted, regardless of case; null where there
     * is none in the import's scope.
     */
    private static Table tableNamed(String sql, Dialect dialect, DatabaseSchema found) {
        for (Table table : found.tables()) {
            if (dialect.quote(table.name()).equals(sql)) {
                return table;
            }
        }
        String unquoted = unquoted(sql);
        Table match = null;
        for (Table table : found.tables()) {
            String name = unquoted(table.name().name());
            String qualified = table.name().schema() == null ? name : unquoted(table.name().schema()) + "." + name;
            if (unquoted.equalsIgnoreCase(name) || unquoted.equalsIgnoreCase(qualified)) {
                if (match != null) {
                    // Two tables differ only in case (PostgreSQL's orders and "Orders"): neither is taken for it.
                    return null;
                }
                match = table;
            }
        }
        return match;
    }

    private static String unquoted(String name) {
        return name.replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
    }

    /**
     * An error of the import's checks of the directory, said of VERIFY DATABASE (where it names IMPORT DATABASE as the
     * statement that failed, or as the one to run with ALLOW_EDITED_SCRIPTS).
     */
    private static SQLException asVerify(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String imports = "IMPORT DATABASE";
        return message.startsWith(imports)
                ? new SQLException(STATEMENT + message.substring(imports.length()).replace(imports + " '",
                STATEMENT + " '"), e.getSQLState(), e.getErrorCode(), e)
                : FerryErrors.withContext(STATEMENT, e);
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
