package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.DataFile;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.manifest.ManifestFile;
import dev.ferry.core.model.manifest.SchemaFile;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.sql.SqlScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A directory written by DuckDB's own EXPORT DATABASE, read into Ferry's model: {@code schema.sql} (schemas, types,
 * sequences, tables, macros, views and, since DuckDB 1.1, indexes) and {@code load.sql} (one {@code COPY ... FROM}
 * per table, into CSV or Parquet files), exactly as DuckDB writes them.
 *
 * <p>The schema is described as a dialect of DuckDB reading the live database would describe it: columns with
 * DuckDB's type names and the JDBC codes, sizes and scales DuckDB's driver reports ({@link #schema()}). What DuckDB
 * writes wrongly is put right where it can be: ENUM labels with unescaped quotes, views in name order rather than in
 * the order they depend on each other (duckdb#22512). What cannot be carried becomes a warning.
 */
public final class DuckDbExport {
    /** DuckDB's schema script. */
    public static final String SCHEMA_SCRIPT = "schema.sql";
    /** DuckDB's load script. */
    public static final String LOAD_SCRIPT = "load.sql";

    private final Path directory;
    private final DatabaseSchema schema;
    private final List<TableLoad> loads;

    private DuckDbExport(Path directory, DatabaseSchema schema, List<TableLoad> loads) {
        this.directory = directory;
        this.schema = schema;
        this.loads = List.copyOf(loads);
    }

    /**
     * Whether {@code dir} looks like a DuckDB export: it holds schema.sql and load.sql, and none of the files only a
     * Ferry export has (manifest.json, schema.json, post-data.sql), so that a Ferry export that lost its manifest is
     * refused as such.
     */
    public static boolean isDuckDbExport(Path dir) {
        return Files.isRegularFile(dir.resolve(SCHEMA_SCRIPT)) && Files.isRegularFile(dir.resolve(LOAD_SCRIPT))
                && !Files.exists(dir.resolve(ManifestFile.NAME)) && !Files.exists(dir.resolve(SchemaFile.NAME))
                && !Files.exists(dir.resolve(ExportLayout.POST_DATA));
    }

    /**
     * Reads and checks the export: every statement understood or warned about, every COPY into a table the schema
     * creates, from a data file that exists, with options Ferry can follow. Nothing is read of the data files yet.
     *
     * @throws SQLException naming the file, line and statement: 42601 for a statement that cannot be read, 42000 for
     *                      a directory that is not a DuckDB export or a statement naming a table or column the export
     *                      does not create, 22023 for COPY options Ferry does not read, 22000 for a missing data file
     */
    public static DuckDbExport read(Path dir) throws SQLException {
        Path directory = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw FerryErrors.refused("IMPORT DATABASE: " + directory + " is not a directory");
        }
        if (!isDuckDbExport(directory)) {
            throw FerryErrors.refused("IMPORT DATABASE: " + directory + " is not a directory written by DuckDB's"
                    + " EXPORT DATABASE, which holds " + SCHEMA_SCRIPT + " and " + LOAD_SCRIPT + " and no "
                    + ManifestFile.NAME);
        }
        DuckDbSchemaBuilder builder = new DuckDbSchemaBuilder();
        for (SqlScript.Statement statement : statements(directory, SCHEMA_SCRIPT)) {
            builder.read(SCHEMA_SCRIPT, statement);
        }
        List<SqlScript.Statement> copies = new ArrayList<>();
        for (SqlScript.Statement statement : statements(directory, LOAD_SCRIPT)) {
            if (CopyStatementParser.isCopy(statement.sql())) {
                copies.add(statement);
            } else {
                builder.read(LOAD_SCRIPT, statement);
            }
        }
        List<TableLoad> loads = new ArrayList<>();
        for (SqlScript.Statement copy : copies) {
            loads.add(LoadStatementReader.read(directory, builder, copy));
        }
        return new DuckDbExport(directory, builder.build(), loads);
    }

    private static List<SqlScript.Statement> statements(Path directory, String name) throws SQLException {
        Path file = directory.resolve(name);
        String script;
        try {
            script = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw FerryErrors.io("IMPORT DATABASE: cannot read " + file + ": " + e, e);
        }
        try {
            return DuckDbScript.statements(script);
        } catch (SQLException e) {
            throw FerryErrors.withContext(name, e);
        }
    }

    /** The export directory, absolute. */
    public Path directory() {
        return directory;
    }

    /**
     * The schema as DuckDB described it, in Ferry's model, as a dialect named "duckdb" would read it from the live
     * database:
     * <ul>
     *   <li>{@code schemas}: those of CREATE SCHEMA, all but {@code main}; an object without a schema is in
     *       {@code main};</li>
     *   <li>columns: DuckDB's type name ({@code DECIMAL(18,4)}, {@code TIMESTAMP WITH TIME ZONE}, {@code INTEGER[]}),
     *       the {@link java.sql.Types} code, size and scale DuckDB's JDBC driver reports for it in
     *       {@code getColumns} (OTHER for HUGEINT, UBIGINT, UUID, JSON, INTERVAL, lists, ENUMs ...), NOT NULL (the
     *       primary key's columns too), the default's expression, a generated column's clause as DuckDB writes it;
     *       a column of a user type is declared with what the type stands for, as DuckDB's catalog and export do: an
     *       ENUM column's type is {@code ENUM('a', 'b')} (carried as text to other engines), and a COLLATE clause
     *       stays in {@code declaredType} (with a warning);</li>
     *   <li>primary and unique keys and foreign keys, unnamed (DuckDB has no constraint names); CHECKs named as
     *       DuckDB names them, {@code <table>_<columns>_check};</li>
     *   <li>{@code types}: the CREATE TYPE statements, ENUM labels quoted correctly (DuckDB does not double their
     *       quotes), with a warning each; {@code routines}: CREATE MACRO statements as DuckDB SQL, with a warning
     *       each;</li>
     *   <li>sequences: START, INCREMENT, MINVALUE, MAXVALUE, CYCLE. DuckDB writes no separate position: the START it
     *       writes is the value the sequence gives next (the START it was created with is not kept), so start and
     *       next are both that value;</li>
     *   <li>indexes on columns by their columns, those on expressions by DuckDB's statement;</li>
     *   <li>views with their queries as DuckDB wrote them, each after the views it reads (found by matching the
     *       names its query mentions against the export's views), whatever order schema.sql had;</li>
     *   <li>no comments (DuckDB's export writes none), no triggers (DuckDB has none);</li>
     *   <li>warnings: DuckDB-only types and macros, collations, a constraint DuckDB left out of its CREATE TABLE (a
     *       foreign key to its own table), statements Ferry does not read, Parquet columns Ferry cannot read.</li>
     * </ul>
     */
    public DatabaseSchema schema() {
        return schema;
    }

    /** One per COPY in load.sql, in order. */
    public List<TableLoad> loads() {
        return loads;
    }

    /**
     * One COPY of load.sql: which table is loaded from which file, and how to read the file.
     */
    public static final class TableLoad implements DataFile {
        private final QualifiedName table;
        private final List<String> columns;
        private final Path file;
        private final FormatOptions options;
        private final int line;
        private final List<String> fileColumns;
        private final List<DuckDbType> types;
        private final CsvSettings csv;

        /**
         * @param csv how the CSV file was written, or null for a Parquet file
         */
        TableLoad(QualifiedName table, List<String> columns, Path file, FormatOptions options, int line,
                  List<String> fileColumns, List<DuckDbType> types, CsvSettings csv) {
            this.table = table;
            this.columns = List.copyOf(columns);
            this.file = file;
            this.options = options;
            this.line = line;
            this.fileColumns = List.copyOf(fileColumns);
            this.types = List.copyOf(types);
            this.csv = csv;
        }

        /** The table, as the schema names it. */
        public QualifiedName table() {
            return table;
        }

        /** The columns the COPY lists, as the table names them; empty for all but the generated ones, in table order. */
        public List<String> columns() {
            return columns;
        }

        /** The data file, absolute: the file of the name load.sql gives, in the export directory. */
        @Override
        public Path file() {
            return file;
        }

        /**
         * The file's format and, for CSV, its header, delimiter and quote. Ferry's own readers cannot read DuckDB's
         * CSV text forms (BLOBs, lists, {@code nan}, offsets like {@code +00}): read the file with {@link #open}.
         */
        public FormatOptions options() {
            return options;
        }

        /** The line of load.sql the COPY starts on. */
        public int line() {
            return line;
        }

        /**
         * The file's columns, in order, each with the kind Ferry reads its DuckDB type as, and a DECIMAL's precision
         * and scale.
         */
        public List<DataColumn> dataColumns() {
            List<DataColumn> columns = new ArrayList<>();
            for (int i = 0; i < fileColumns.size(); i++) {
                DuckDbType type = types.get(i);
                boolean decimal = type.jdbcType() == java.sql.Types.DECIMAL;
                columns.add(new DataColumn(fileColumns.get(i), type.kind(), decimal ? type.size() : 0,
                        decimal ? type.scale() : 0));
            }
            return List.copyOf(columns);
        }

        /**
         * A reader of the file's rows, each value of the kind {@code columns} asks for (that of the target table's
         * column): DuckDB's text forms read by the column's DuckDB type, then converted. The columns are matched to
         * the file's by name (the same, else the only one differing in case alone), in any order; one value per
         * column, in the order of {@code columns}.
         *
         * @throws SQLException (22000) where {@code columns} does not name the file's columns, or a CSV header does
         *                      not match them; reading a value that cannot be read names the line (or row), column
         *                      and value
         */
        @Override
        public TableReader open(List<DataColumn> columns) throws IOException, SQLException {
            FileColumns matched = FileColumns.match(file.getFileName().toString(), fileColumns, types, columns);
            return csv != null ? new DuckDbCsvReader(file, csv, matched) : new DuckDbParquetReader(file, matched);
        }

        @Override
        public String toString() {
            return "COPY " + table + " FROM " + file + " (" + options.format().optionValue() + ")";
        }
    }
}
