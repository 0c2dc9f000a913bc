package dev.ferry.core.format;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * A data file and how its rows are read: by its format's options (the files Ferry writes) or by a reader of its own
 * (the files of DuckDB's EXPORT DATABASE).
 */
public interface DataFile {

    /** The file. */
    Path file();

    /**
     * A reader of the file's rows, one value per column of {@code columns} and of that column's kind.
     *
     * @throws SQLException (class 22) where the file does not hold those columns
     */
    TableReader open(List<DataColumn> columns) throws IOException, SQLException;
}
