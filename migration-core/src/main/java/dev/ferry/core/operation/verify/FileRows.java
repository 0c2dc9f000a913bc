package dev.ferry.core.operation.verify;

import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.operation.loading.TableLoad;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * The rows of a table's data files (each chunk in turn), read as the import reads them: with the kinds of the
 * table's columns in the database, each value then in its canonical text form ({@link TableShape#text}).
 */
final class FileRows implements CanonicalRows {
    private final List<TableLoad> loads;
    private final TableShape shape;
    private int next;
    private TableReader reader;
    private String position = "the start";

    FileRows(List<TableLoad> loads, TableShape shape) {
        this.loads = loads;
        this.shape = shape;
    }

    @Override
    public String[] next() throws IOException, SQLException {
        while (true) {
            if (reader == null) {
                if (next == loads.size()) {
                    return null;
                }
                reader = loads.get(next++).data().open(DataColumn.of(shape.names(), shape.kinds()));
            }
            Object[] row = reader.next();
            if (row != null) {
                position = reader.position();
                return shape.text(row);
            }
            reader.close();
            reader = null;
        }
    }

    @Override
    public String position() {
        return position;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
