package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.KindConversion;
import dev.ferry.core.format.KindConversion.BinaryText;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.format.parquet.ParquetTableReader;
import dev.ferry.core.value.ValueKind;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Parquet file written by DuckDB's EXPORT DATABASE through Ferry's Parquet reader, which converts each value
 * to the kind asked for. DuckDB's INTERVAL columns, which Parquet holds as 12 bytes (the INTERVAL converted type:
 * months, days and milliseconds), are read here as DuckDB's interval text.
 */
final class DuckDbParquetReader implements TableReader {
    private final TableReader parquet;
    private final FileColumns columns;
    private final boolean[] intervals;

    DuckDbParquetReader(Path file, FileColumns columns) throws IOException, SQLException {
        this.columns = columns;
        this.intervals = new boolean[columns.requestedSize()];
        List<DataColumn> read = new ArrayList<>();
        for (int i = 0; i < intervals.length; i++) {
            int field = columns.fieldOf(i);
            DataColumn requested = columns.requested(i);
            intervals[i] = columns.type(field).name().equals("INTERVAL");
            read.add(new DataColumn(columns.names().get(field), intervals[i] ? ValueKind.BINARY : requested.kind(),
                    requested.precision(), requested.scale()));
        }
        this.parquet = new ParquetTableReader(file, read);
    }

    @Override
    public Object[] next() throws IOException, SQLException {
        Object[] row = parquet.next();
        if (row != null) {
            for (int i = 0; i < intervals.length; i++) {
                if (intervals[i] && row[i] != null) {
                    row[i] = interval(i, (byte[]) row[i]);
                }
            }
        }
        return row;
    }

    private Object interval(int column, byte[] bytes) throws SQLException {
        try {
            return KindConversion.convert(ParquetInterval.text(bytes), ValueKind.ENGINE_TEXT,
                    columns.requested(column).kind(), BinaryText.HEX);
        } catch (RuntimeException e) {
            throw FerryErrors.data(position() + ", column " + columns.names().get(columns.fieldOf(column))
                    + ": cannot read the INTERVAL: " + e.getMessage(), e);
        }
    }

    @Override
    public String position() {
        return parquet.position();
    }

    @Override
    public void close() throws IOException {
        parquet.close();
    }
}
