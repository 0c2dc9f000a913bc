package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.sql.SqlScript;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a COPY statement of DuckDB's load.sql into a {@link DuckDbExport.TableLoad}, checked against the schema read
 * from schema.sql: the table exists and has the columns listed, the options are ones Ferry follows, the data file is
 * there.
 */
final class LoadStatementReader {
    private static final FormatOptions PARQUET = new FormatOptions(DataFormat.PARQUET,
            FormatOptions.DEFAULTS.header(), FormatOptions.DEFAULTS.delimiter(), FormatOptions.DEFAULTS.quote(),
            FormatOptions.DEFAULTS.compression(), FormatOptions.DEFAULTS.rowGroupRows());

    private LoadStatementReader() {
    }

    /**
     * @param directory the export directory
     * @param builder   the schema read so far, which a Parquet file's unreadable columns are warned about in
     * @param statement the COPY statement
     */
    static DuckDbExport.TableLoad read(Path directory, DuckDbSchemaBuilder builder, SqlScript.Statement statement)
            throws SQLException {
        String where = DuckDbExport.LOAD_SCRIPT + " line " + statement.line();
        String in = ", in: " + DuckDbSchemaBuilder.abbreviate(statement.sql());
        CopyStatementParser.ParsedCopy copy;
        try {
            copy = CopyStatementParser.parse(statement.sql());
        } catch (IllegalArgumentException | SQLException e) {
            throw FerryErrors.syntax(where + ": " + e.getMessage() + in);
        }
        CreateTableParser.ParsedTable table = builder.table(copy.table());
        if (table == null) {
            throw FerryErrors.refused(where + ": COPY into " + copy.table() + ", a table " + DuckDbExport.SCHEMA_SCRIPT
                    + " does not create" + in);
        }
        List<String> names = new ArrayList<>();
        List<DuckDbType> types = new ArrayList<>();
        fileColumns(table, copy.columns(), names, types, where + in);
        DataFormat format;
        CsvSettings csv;
        try {
            format = CsvSettings.format(copy.options(), copy.path());
            csv = format == DataFormat.CSV ? CsvSettings.of(copy.options()) : null;
        } catch (IllegalArgumentException e) {
            throw FerryErrors.invalidParameter(where + ": " + e.getMessage() + in);
        }
        Path file = DataFileLocator.locate(directory, copy.path(), where);
        if (file == null) {
            throw FerryErrors.data(where + ": the data file '" + copy.path() + "' of " + table.table().name()
                    + " is not in " + directory + " (a data file is read from the export directory alone)");
        }
        if (format == DataFormat.PARQUET) {
            warnOfNestedColumns(builder, table, names, types, file);
        }
        return new DuckDbExport.TableLoad(table.table().name(), copy.columns().isEmpty() ? List.of() : names, file,
                csv != null ? csv.formatOptions() : PARQUET, statement.line(), names, types, csv);
    }

    /** The file's columns: those listed, else all but the generated ones, in table order; each with its type. */
    private static void fileColumns(CreateTableParser.ParsedTable table, List<String> listed, List<String> names,
                                    List<DuckDbType> types, String context) throws SQLException {
        List<Column> columns = table.table().columns();
        List<String> loaded = listed.isEmpty()
                ? table.table().dataColumns().stream().map(Column::name).toList() : listed;
        for (String name : loaded) {
            int index = indexOf(columns, name);
            if (index < 0) {
                throw FerryErrors.refused(context + ": " + table.table().name() + " has no column " + name);
            }
            names.add(columns.get(index).name());
            types.add(table.types().get(index));
        }
    }

    /** The same name, else the first that differs in case alone, as DuckDB matches names; -1 for none. */
    private static int indexOf(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static void warnOfNestedColumns(DuckDbSchemaBuilder builder, CreateTableParser.ParsedTable table,
                                            List<String> names, List<DuckDbType> types, Path file) {
        for (int i = 0; i < names.size(); i++) {
            if (types.get(i).isNested()) {
                builder.warn("Column " + names.get(i) + " of " + table.table().name() + " is " + types.get(i).name()
                        + ", which Ferry's Parquet reader does not read: " + file.getFileName()
                        + " cannot be loaded (DuckDB's CSV export carries it as text)");
            }
        }
    }
}
