package dev.ferry.core.format.parquet;

import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.ParquetMetricsCallback;

/**
 * Read options for a local Parquet file without Hadoop. parquet-java 1.17's {@code ParquetReadOptions.Builder} calls
 * {@code ParquetInputFormat.getFilter}, whose class extends Hadoop MapReduce's {@code FileInputFormat}, so any
 * builder fails with NoClassDefFoundError when Hadoop's client is absent (apache/parquet-java#3780). The options are
 * made here through the constructor that the builder itself calls; a parquet-java whose constructor differs falls back
 * to the builder (which then needs Hadoop's client on the class path).
 */
final class LocalReadOptions {
    private static final Constructor<ParquetReadOptions> CONSTRUCTOR = constructor();

    private LocalReadOptions() {
    }

    /** Page checksums verified (a flipped byte must not load as another value); no filter; Ferry's codecs. */
    static ParquetReadOptions create() {
        CompressionCodecFactory codecs = new LocalCodecs();
        ParquetConfiguration conf = new PlainParquetConfiguration();
        if (CONSTRUCTOR != null) {
            try {
                return CONSTRUCTOR.newInstance(false, false, false, false, false, true, false, false, false,
                        FilterCompat.NOOP, ParquetMetadataConverter.NO_FILTER, codecs, new HeapByteBufferAllocator(),
                        8 << 20, new HashMap<String, String>(), null, null, conf);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // the builder below
            }
        }
        return ParquetReadOptions.builder(conf).withCodecFactory(codecs).usePageChecksumVerification(true)
                .useStatsFilter(false).useDictionaryFilter(false).useRecordFilter(false).useColumnIndexFilter(false)
                .useBloomFilter(false).build();
    }

    private static Constructor<ParquetReadOptions> constructor() {
        try {
            Constructor<ParquetReadOptions> constructor = ParquetReadOptions.class.getDeclaredConstructor(
                    boolean.class, boolean.class, boolean.class, boolean.class, boolean.class, boolean.class,
                    boolean.class, boolean.class, boolean.class, FilterCompat.Filter.class,
                    ParquetMetadataConverter.MetadataFilter.class, CompressionCodecFactory.class,
                    ByteBufferAllocator.class, int.class, Map.class, FileDecryptionProperties.class,
                    ParquetMetricsCallback.class, ParquetConfiguration.class);
            constructor.setAccessible(true);
            return constructor;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
