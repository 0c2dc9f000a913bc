package dev.ferry.core.format;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.value.ValueKind;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Streams a result's rows into a data file, one row at a time: each value read by its column's kind, written by the
 * format's writer. EXPORT DATABASE writes each table through it, and {@code COPY ... TO} its table or query.
 */
public final class ResultWriter {
    private static final int PROGRESS_EVERY = 10_000;

    private ResultWriter() {
    }

    /**
     * Writes every remaining row of {@code resultSet} to {@code writer}, which the caller closes.
     *
     * @param kinds       how each column's values are read and written
     * @param columnNames the columns' names, for error messages
     * @param subject     what is being done, for error messages and progress: {@code Export of table "T"}
     * @param progressName the name progress is reported under (the table)
     * @return the number of rows written
     * @throws SQLException (class 22) naming the subject, row and column of a value that cannot be read or written
     */
    public static long write(ResultSet resultSet, List<ValueKind> kinds, List<String> columnNames, TableWriter writer,
                             String subject, String progressName, ProgressListener progress)
            throws SQLException, IOException {
        long rows = 0;
        Object[] row = new Object[kinds.size()];
        while (resultSet.next()) {
            rows++;
            for (int i = 0; i < row.length; i++) {
                row[i] = read(kinds.get(i), resultSet, i + 1, subject, columnNames.get(i), rows);
            }
            try {
                writer.write(row);
            } catch (IllegalArgumentException e) {
                throw FerryErrors.data(subject + " failed at row " + rows + ", " + e.getMessage(), e);
            }
            if (rows % PROGRESS_EVERY == 0) {
                progress.rowsDone(progressName, rows);
            }
        }
        return rows;
    }

    /** A value as its kind reads it; a value that cannot be read is an error naming subject, row and column. */
    private static Object read(ValueKind kind, ResultSet resultSet, int column, String subject, String columnName,
                               long row) throws SQLException {
        try {
            return kind.read(resultSet, column);
        } catch (RuntimeException e) {
            throw FerryErrors.data(subject + " failed at row " + row + ", column " + columnName + ": " + e.getMessage(),
                    e);
        }
    }
}
