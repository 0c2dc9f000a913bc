package dev.ferry.core.operation.exporting;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.format.FileSummary;
import dev.ferry.core.format.TableWriter;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.types.TypeFamily;
import dev.ferry.core.value.ValueKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands a writer the arrays a source carries in its own text (PostgreSQL's {@code {1,NULL,"a b"}}, kind
 * {@link ValueKind#ENGINE_TEXT}) as arrays of their elements' text, kind {@link ValueKind#ARRAY}: for an export whose
 * target reads neither (DuckDB's own IMPORT), which then gets lists in CSV and Parquet alike. Only the columns the
 * source's dialect describes as arrays of a type other engines have; the rest keep the source's text.
 */
final class ArrayElementsWriter implements TableWriter {
    private final TableWriter writer;
    private final List<String> names;
    private final boolean[] arrays;

    private ArrayElementsWriter(TableWriter writer, List<String> names, boolean[] arrays) {
        this.writer = writer;
        this.names = names;
        this.arrays = arrays;
    }

    /** The kinds the data file is written with: those read, arrays in the engine's text as arrays. */
    static List<ValueKind> writtenKinds(Dialect source, List<Column> columns, List<ValueKind> kinds) {
        boolean[] arrays = arrays(source, columns, kinds);
        List<ValueKind> written = new ArrayList<>(kinds);
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i]) {
                written.set(i, ValueKind.ARRAY);
            }
        }
        return written;
    }

    /** {@code writer}, handed the columns {@link #writtenKinds} makes arrays as arrays. */
    static TableWriter of(TableWriter writer, Dialect source, List<Column> columns, List<ValueKind> kinds) {
        boolean[] arrays = arrays(source, columns, kinds);
        for (boolean array : arrays) {
            if (array) {
                return new ArrayElementsWriter(writer, columns.stream().map(Column::name).toList(), arrays);
            }
        }
        return writer;
    }

    private static boolean[] arrays(Dialect source, List<Column> columns, List<ValueKind> kinds) {
        boolean[] arrays = new boolean[kinds.size()];
        for (int i = 0; i < arrays.length; i++) {
            arrays[i] = kinds.get(i) == ValueKind.ENGINE_TEXT
                    && source.portableType(columns.get(i)).family() == TypeFamily.ARRAY;
        }
        return arrays;
    }

    /** @throws IllegalArgumentException naming the column, for array text that is not one (explicit bounds) */
    @Override
    public void write(Object[] row) throws IOException {
        for (int i = 0; i < arrays.length; i++) {
            if (arrays[i] && row[i] != null) {
                try {
                    row[i] = ValueKind.ARRAY.parse((String) row[i]);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("column " + names.get(i) + ": the array " + row[i]
                            + " cannot be written as a list of its elements: " + e.getMessage(), e);
                }
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
