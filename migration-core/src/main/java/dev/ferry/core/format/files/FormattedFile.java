package dev.ferry.core.format.files;

import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.DataFile;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.options.FormatOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * A CSV or Parquet file read as its format options say ({@link DataFiles#reader}).
 *
 * @param file    the file
 * @param options its format and, for CSV, header, delimiter and quote
 */
public record FormattedFile(Path file, FormatOptions options) implements DataFile {

    @Override
    public TableReader open(List<DataColumn> columns) throws IOException, SQLException {
        return DataFiles.reader(file, options, columns);
    }
}
