package dev.ferry.core.exporting;

import dev.ferry.core.format.FileSummary;
import dev.ferry.core.format.TableWriter;
import dev.ferry.core.value.ValueKind;
import java.io.IOException;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands a writer the arrays a source carries in its own text (PostgreSQL's {@code {1,NULL,"a b"}}, kind
 * {@link ValueKind#ENGINE_TEXT}) as arrays of their elements' text, kind {@link ValueKind#ARRAY}: for an export whose
 * target reads neither (DuckDB's own IMPORT), which then gets lists in CSV and Parquet alike.
 */
final class ArrayElementsWriter implements TableWriter {
    private final TableWriter writer;
    private final boolean[] arrays;

    private ArrayElementsWriter(TableWriter writer, boolean[] arrays) {
        this.writer = writer;
        this.arrays = arrays;
    }

    /** The kinds the data file is written with: those read, arrays in the engine's text as arrays. */
    static List<ValueKind> writtenKinds(List<ValueKind> kinds, ResultSetMetaData metaData) throws SQLException {
        List<ValueKind> written = new ArrayList<>(kinds);
        for (int i = 0; i < written.size(); i++) {
            if (isArrayText(kinds.get(i), metaData.getColumnType(i + 1))) {
                written.set(i, ValueKind.ARRAY);
            }
        }
        return written;
    }

    /** {@code writer}, with the columns {@link #writtenKinds} turns into arrays turned into arrays. */
    static TableWriter of(TableWriter writer, List<ValueKind> kinds, ResultSetMetaData metaData) throws SQLException {
        boolean[] arrays = new boolean[kinds.size()];
        boolean any = false;
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = isArrayText(kinds.get(i), metaData.getColumnType(i + 1));
            any |= arrays[i];
        }
        return any ? new ArrayElementsWriter(writer, arrays) : writer;
    }

    private static boolean isArrayText(ValueKind kind, int jdbcType) {
        return kind == ValueKind.ENGINE_TEXT && jdbcType == Types.ARRAY;
    }

    @Override
    public void write(Object[] row) throws IOException {
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] && row[i] != null) {
                row[i] = ValueKind.ARRAY.parse((String) row[i]);
            }
        }
        writer.write(row);
    }

    @Override
    public List<String> warnings() {
        return writer.warnings();
    }

    @Override
    public FileSummary summary() {
        return writer.summary();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
