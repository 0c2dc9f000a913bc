package dev.ferry.core.format.parquet;

import dev.ferry.core.value.ValueKind;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/** Reads the chosen columns of a Parquet file as rows (Object[] in the table's column order). */
final class RowReadSupport extends ReadSupport<Object[]> {
    private final MessageType projection;
    private final RowConverter root;

    /** @throws IllegalArgumentException naming a column of a type that Ferry does not read */
    RowReadSupport(MessageType projection, int[] positions, ValueKind[] targets) {
        this.projection = projection;
        this.root = new RowConverter(projection, positions, targets);
    }

    @Override
    public ReadContext init(InitContext context) {
        return new ReadContext(projection);
    }

    @Override
    public RecordMaterializer<Object[]> prepareForRead(Configuration configuration, Map<String, String> metadata,
                                                       MessageType fileSchema, ReadContext context) {
        return materializer();
    }

    @Override
    public RecordMaterializer<Object[]> prepareForRead(ParquetConfiguration configuration,
                                                       Map<String, String> metadata, MessageType fileSchema,
                                                       ReadContext context) {
        return materializer();
    }

    private RecordMaterializer<Object[]> materializer() {
        return new RecordMaterializer<>() {
            @Override
            public Object[] getCurrentRecord() {
                return root.row();
            }

            @Override
            public GroupConverter getRootConverter() {
                return root;
            }
        };
    }
}
