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
 * @param sha256  the SHA-256 the file must have, in hexadecimal (an export's manifest records it), for a loader that
 *                reads the file's bytes itself to check as it reads; null where none is known (a user's COPY)
 */
public record FormattedFile(Path file, FormatOptions options, String sha256) implements DataFile {

    /** A file whose checksum is not known. */
    public FormattedFile(Path file, FormatOptions options) {
        this(file, options, null);
    }

    @Override
    public TableReader open(List<DataColumn> columns) throws IOException, SQLException {
        return DataFiles.reader(file, options, columns);
    }
}
