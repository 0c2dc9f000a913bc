package dev.ferry.core.format.parquet;

import dev.ferry.core.value.ValueKind;
import java.util.Set;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/** Assembles a Parquet file's rows as Object[] in the table's column order. */
final class RowMaterializer extends RecordMaterializer<Object[]> {
    private final RowConverter root;

    /**
     * @param plainTimes the columns that hold TIME values as plain microseconds ({@link PlainTimeColumns})
     * @throws IllegalArgumentException naming a column of a type that Ferry does not read
     */
    RowMaterializer(MessageType schema, int[] positions, ValueKind[] targets, Set<String> plainTimes) {
        this.root = new RowConverter(schema, positions, targets, plainTimes);
    }

    @Override
    public Object[] getCurrentRecord() {
        return root.row();
    }

    @Override
    public GroupConverter getRootConverter() {
        return root;
    }
}
