package dev.ferry.core.dialect;

import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.DataFile;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.progress.ProgressListener;
import java.io.IOException;
import java.sql.SQLException;

/** An engine's own bulk path for loading a table (PostgreSQL's COPY FROM STDIN), in place of batched INSERTs. */
public interface TableLoader {

    /**
     * Loads every row {@code reader} gives into the target table.
     *
     * @return the number of rows loaded
     */
    long load(LoadTarget target, TableReader reader, ProgressListener progress) throws IOException, SQLException;

    /**
     * Loads every row of {@code data} into the target table: by default through its reader, row by row; an engine
     * may read the file's bytes itself where they are what it loads anyway.
     *
     * @return the number of rows loaded
     */
    default long load(LoadTarget target, DataFile data, ProgressListener progress) throws IOException, SQLException {
        try (TableReader reader = data.open(DataColumn.of(target.names(), target.kinds()))) {
            return load(target, reader, progress);
        }
    }
}
