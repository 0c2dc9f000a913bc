package dev.ferry.core.format.parquet;

import dev.ferry.core.value.ValueKind;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/** Assembles a Parquet file's rows as Object[] in the table's column order. */
final class RowMaterializer extends RecordMaterializer<Object[]> {
    private final RowConverter root;

    /** @throws IllegalArgumentException naming a column of a type that Ferry does not read */
    RowMaterializer(MessageType schema, int[] positions, ValueKind[] targets) {
        this.root = new RowConverter(schema, positions, targets);
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
