package dev.ferry.core.dialect;

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
}
