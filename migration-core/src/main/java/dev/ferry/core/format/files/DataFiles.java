package dev.ferry.core.format.files;

import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.format.TableWriter;
import dev.ferry.core.format.csv.CsvTableReader;
import dev.ferry.core.format.csv.CsvTableWriter;
import dev.ferry.core.format.parquet.ParquetTableReader;
import dev.ferry.core.format.parquet.ParquetTableWriter;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.value.ValueText;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** Opens data files in the format the options name. */
public final class DataFiles {

    private DataFiles() {
    }

    /** A writer for a new file holding the given columns. */
    public static TableWriter writer(Path file, FormatOptions options, List<DataColumn> columns) throws IOException {
        return writer(file, options, columns, ValueText.FERRY);
    }

    /** A writer for a new file holding the given columns, a CSV file's values in {@code text}'s forms. */
    public static TableWriter writer(Path file, FormatOptions options, List<DataColumn> columns, ValueText text)
            throws IOException {
        return switch (options.format()) {
            case CSV -> new CsvTableWriter(file, options, columns, text);
            case PARQUET -> new ParquetTableWriter(file, options, columns);
        };
    }

    /** A reader for a file holding the given columns (in this order in CSV; matched by name in Parquet). */
    public static TableReader reader(Path file, FormatOptions options, List<DataColumn> columns)
            throws IOException, SQLException {
        return switch (options.format()) {
            case CSV -> new CsvTableReader(file, options, columns);
            case PARQUET -> new ParquetTableReader(file, columns);
        };
    }
}
