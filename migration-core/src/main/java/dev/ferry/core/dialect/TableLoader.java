package dev.ferry.core.dialect;

import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.DataFile;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.progress.ProgressListener;
import java.io.IOException;
import java.sql.SQLException;

/**
 * An engine's own bulk path for loading a table (PostgreSQL's COPY FROM STDIN, MariaDB's LOAD DATA LOCAL INFILE), in
 * place of batched INSERTs.
 */
public interface TableLoader {

    /**
     * Loads every row {@code reader} gives into the target table.
     *
     * @return the number of rows loaded
     */
    long load(LoadTarget target, TableReader reader, ProgressListener progress) throws IOException, SQLException;

    /**
     * Loads every row of {@code data} into the target table, reaching {@code checkpoint} wherever the rows loaded so
     * far may be committed (the caller commits there where a failed import is undone by dropping what it made, and
     * does nothing where the load is all or nothing). By default through the file's reader, row by row, reaching
     * none; an engine may read the file's bytes itself where they are what it loads anyway.
     *
     * @return the number of rows loaded
     */
    default long load(LoadTarget target, DataFile data, ProgressListener progress, Checkpoint checkpoint)
            throws IOException, SQLException {
        try (TableReader reader = data.open(DataColumn.of(target.names(), target.kinds()))) {
            return load(target, reader, progress);
        }
    }

    /**
     * Whether this loader carries every value of the target's columns exactly; where it does not, the table is loaded
     * with batched INSERTs instead.
     */
    default boolean takes(LoadTarget target) throws SQLException {
        return true;
    }

    /** A point of a load where the rows loaded so far may be committed. */
    @FunctionalInterface
    interface Checkpoint {
        /** A load that commits nothing before its end. */
        Checkpoint NONE = () -> { };

        void reached() throws SQLException;
    }
}
