package dev.ferry.core.format.parquet;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet's page codecs without Hadoop: parquet-hadoop's own {@code CodecFactory} reaches every codec but
 * UNCOMPRESSED through Hadoop's {@code CompressionCodec} and {@code CodecPool}, so a local file written or read with it
 * needs Hadoop's client jars. Here SNAPPY is snappy-java's raw block format, ZSTD a zstd-jni frame (level 3,
 * parquet-java's default), GZIP a java.util.zip member, each over a whole page, as parquet-java writes them; files of
 * other codecs (LZ4_RAW, LZ4, BROTLI, LZO) are refused by name.
 */
final class LocalCodecs implements CompressionCodecFactory {
    /** parquet-java's {@code parquet.compression.codec.zstd.level} default. */
    private static final int ZSTD_LEVEL = 3;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        supported(codec);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return codec == CompressionCodecName.UNCOMPRESSED ? bytes
                        : BytesInput.from(LocalCodecs.compress(codec, bytes.toByteArray()));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        supported(codec);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
                return codec == CompressionCodecName.UNCOMPRESSED ? bytes
                        : BytesInput.from(LocalCodecs.decompress(codec, bytes.toByteArray(), decompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                    throws IOException {
                byte[] compressed = new byte[compressedSize];
                input.get(compressed);
                output.put(codec == CompressionCodecName.UNCOMPRESSED ? compressed
                        : LocalCodecs.decompress(codec, compressed, decompressedSize));
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }

    private static void supported(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED, SNAPPY, ZSTD, GZIP -> { }
            default -> throw new UnsupportedOperationException("Parquet compression " + codec + " is not supported"
                    + " (Ferry reads and writes SNAPPY, ZSTD, GZIP and UNCOMPRESSED)");
        }
    }

    private static byte[] compress(CompressionCodecName codec, byte[] page) throws IOException {
        switch (codec) {
            case SNAPPY:
                return Snappy.compress(page);
            case ZSTD:
                return Zstd.compress(page, ZSTD_LEVEL);
            case GZIP: {
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, page.length / 2));
                try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 13)) {
                    gzip.write(page);
                }
                return out.toByteArray();
            }
            default:
                throw new IllegalStateException(codec.name());
        }
    }

    private static byte[] decompress(CompressionCodecName codec, byte[] compressed, int size) throws IOException {
        byte[] page;
        switch (codec) {
            case SNAPPY: {
                if (Snappy.uncompressedLength(compressed) != size) {
                    throw new IOException("a SNAPPY page holds " + Snappy.uncompressedLength(compressed)
                            + " bytes where its header says " + size);
                }
                page = new byte[size];
                Snappy.uncompress(compressed, 0, compressed.length, page, 0);
                return page;
            }
            case ZSTD:
                try {
                    page = Zstd.decompress(compressed, size);
                } catch (RuntimeException e) {
                    throw new IOException("a ZSTD page cannot be decompressed: " + e.getMessage(), e);
                }
                break;
            case GZIP:
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 1 << 13)) {
                    page = in.readNBytes(size);
                    if (in.read() >= 0) {
                        page = null;
                    }
                }
                break;
            default:
                throw new IllegalStateException(codec.name());
        }
        if (page == null || page.length != size) {
            throw new IOException("a " + codec + " page does not hold the " + size + " bytes its header says");
        }
        return page;
    }
}
