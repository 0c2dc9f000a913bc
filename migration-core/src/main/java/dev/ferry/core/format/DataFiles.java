package dev.ferry.core.format;

import dev.ferry.core.format.csv.CsvTableReader;
import dev.ferry.core.format.csv.CsvTableWriter;
import dev.ferry.core.options.FormatOptions;
import dev.ferry.core.value.ValueKind;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** Opens data files in the format the options name. */
public final class DataFiles {

    private DataFiles() {
    }

    /** A writer for a new file holding the given columns. */
    public static TableWriter writer(Path file, FormatOptions options, List<String> columnNames, List<ValueKind> kinds)
            throws IOException {
        return switch (options.format()) {
            case CSV -> new CsvTableWriter(file, options, columnNames, kinds);
            case PARQUET -> throw new IllegalStateException("FormatOptions refuses FORMAT parquet until it is supported");
        };
    }

    /** A reader for a file holding the given columns, in order. */
    public static TableReader reader(Path file, FormatOptions options, List<String> columnNames, List<ValueKind> kinds)
            throws IOException, SQLException {
        return switch (options.format()) {
            case CSV -> new CsvTableReader(file, options, columnNames, kinds);
            case PARQUET -> throw new IllegalStateException("FormatOptions refuses FORMAT parquet until it is supported");
        };
    }
}
