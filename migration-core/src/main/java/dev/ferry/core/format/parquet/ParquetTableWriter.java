package dev.ferry.core.format.parquet;

import dev.ferry.core.FerryVersion;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.FileSummary;
import dev.ferry.core.format.TableWriter;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.options.ParquetTypes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes rows to a Parquet file through parquet-hadoop, with the logical types of docs/export-directory.md. Memory
 * holds one row group at a time: it is written out when it reaches the ROW_GROUP_SIZE rows or {@link
 * FormatOptions#ROW_GROUP_BYTES}.
 */
public final class ParquetTableWriter implements TableWriter {
    /**
     * A column chunk's dictionary grows to this size at most before the column falls back to plain values
     * (parquet-java's default, 1 MB, holds 131,072 distinct longs: a whole 122,880-row group of a key or a timestamp
     * was hashed into a dictionary and then written plain). Columns of few distinct values keep their dictionary.
     */
    private static final int DICTIONARY_BYTES = 64 << 10;

    /**
     * Tells Spark 3 that dates and timestamps are in the proleptic Gregorian calendar, as java.time's are: Spark asks
     * a file for the version of Spark that wrote it, and, where the file names none, refuses dates before 1582-10-15
     * and timestamps before 1900 ("READ_ANCIENT_DATETIME") unless its reader is told the calendar. A version of 3.0.0
     * or later without {@code org.apache.spark.legacyDateTime} is the only way a file says so.
     */
    private static final Map<String, String> SPARK_CALENDAR = Map.of("org.apache.spark.version", "3.0.0");

    private final SummarizingOutputFile file;
    private final List<ColumnEncoder> encoders;
    private final ParquetWriter<Object[]> writer;

    public ParquetTableWriter(Path path, FormatOptions options, List<DataColumn> columns) throws IOException {
        this.file = new SummarizingOutputFile(path);
        this.encoders = new ArrayList<>();
        List<Type> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (DataColumn column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("the column name " + column.name() + " appears twice; a Parquet"
                        + " file needs a distinct name for each column (give the query's columns labels of their own)");
            }
            ColumnEncoder encoder = new ColumnEncoder(column, options.parquetTypes());
            encoders.add(encoder);
            fields.add(encoder.type());
        }
        MessageType schema = new MessageType("table", fields);
        Map<String, String> metadata = new HashMap<>(PlainTimeColumns.metadata(
                encoders.stream().filter(ColumnEncoder::plainTime).map(e -> e.type().getName()).toList()));
        metadata.put("created_by_application", "Ferry " + FerryVersion.get());
        if (options.parquetTypes() == ParquetTypes.SPARK) {
            metadata.putAll(SPARK_CALENDAR);
        }
        RowWriteSupport support = new RowWriteSupport(schema, encoders, metadata);
        try {
            this.writer = new Builder(file, support)
                    .withConf(new PlainParquetConfiguration())
                    .withCodecFactory(new LocalCodecs())
                    .withWriteMode(ParquetFileWriter.Mode.CREATE)
                    .withPageWriteChecksumEnabled(true)
                    .withDictionaryPageSize(DICTIONARY_BYTES)
                    .withCompressionCodec(CompressionCodecName.valueOf(options.compression().name()))
                    .withRowGroupRowCountLimit(options.rowGroupRows())
                    .withRowGroupSize(FormatOptions.ROW_GROUP_BYTES)
                    .build();
        } catch (IOException | RuntimeException | Error e) {
            file.closeQuietly(e);
            throw e;
        }
    }

    @Override
    public void write(Object[] row) throws IOException {
        writer.write(row);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    @Override
    public FileSummary summary() {
        return file.summary();
    }

    /** Columns whose values had offsets other than UTC: Parquet kept each value's instant, not its offset. */
    @Override
    public List<String> warnings() {
        return encoders.stream().filter(e -> e.valuesMovedToUtc() > 0)
                .map(e -> "column " + e.type().getName() + ": " + e.valuesMovedToUtc() + " values had an offset other"
                        + " than +00:00; Parquet keeps their instant, so they are imported at +00:00 (CSV keeps"
                        + " offsets)")
                .toList();
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final RowWriteSupport support;

        Builder(OutputFile file, RowWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration configuration) {
            return support;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(ParquetConfiguration configuration) {
            return support;
        }
    }
}
