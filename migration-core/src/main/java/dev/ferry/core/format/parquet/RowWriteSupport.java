package dev.ferry.core.format.parquet;

import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/** Hands rows (one value per column, null for SQL NULL) to parquet-hadoop's record consumer. */
final class RowWriteSupport extends WriteSupport<Object[]> {
    private final MessageType schema;
    private final List<ColumnEncoder> encoders;
    private final Map<String, String> metadata;
    private RecordConsumer consumer;

    RowWriteSupport(MessageType schema, List<ColumnEncoder> encoders, Map<String, String> metadata) {
        this.schema = schema;
        this.encoders = encoders;
        this.metadata = metadata;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, new TreeMap<>(metadata));
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, new TreeMap<>(metadata));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Object[] row) {
        consumer.startMessage();
        for (int i = 0; i < row.length; i++) {
            if (row[i] != null) {
                ColumnEncoder encoder = encoders.get(i);
                String name = encoder.type().getName();
                consumer.startField(name, i);
                try {
                    encoder.write(consumer, row[i]);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("column " + name + ": " + e.getMessage(), e);
                }
                consumer.endField(name, i);
            }
        }
        consumer.endMessage();
    }
}
