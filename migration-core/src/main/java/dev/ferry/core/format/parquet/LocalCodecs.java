package dev.ferry.core.format.parquet;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet's page codecs in pure Java, without Hadoop: parquet-hadoop's own {@code CodecFactory} reaches every codec
 * but UNCOMPRESSED through Hadoop's {@code CompressionCodec} and {@code CodecPool}, so a local file written or read
 * with it needs Hadoop's client jars. Here SNAPPY (raw block format), ZSTD (a frame, aircompressor's level 3, which is
 * parquet-java's default too) and LZ4_RAW (an LZ4 block) are aircompressor's, whose code is Java only: no native
 * library is unpacked into the temporary directory, and none for twenty platforms is carried in the jar. GZIP is a
 * java.util.zip member. Each codec works over a whole page, as parquet-java writes them; files of the other codecs
 * (LZ4, BROTLI, LZO) are refused by name.
 */
final class LocalCodecs implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        supported(codec);
        PageCodec pages = new PageCodec(codec);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return codec == CompressionCodecName.UNCOMPRESSED ? bytes
                        : BytesInput.from(pages.compress(bytes.toByteArray()));
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
        PageCodec pages = new PageCodec(codec);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
                return codec == CompressionCodecName.UNCOMPRESSED ? bytes
                        : BytesInput.from(pages.decompress(bytes.toByteArray(), decompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                    throws IOException {
                byte[] compressed = new byte[compressedSize];
                input.get(compressed);
                output.put(codec == CompressionCodecName.UNCOMPRESSED ? compressed
                        : pages.decompress(compressed, decompressedSize));
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
            case UNCOMPRESSED, SNAPPY, ZSTD, GZIP, LZ4_RAW -> { }
            default -> throw new UnsupportedOperationException("Parquet compression " + codec + " is not supported"
                    + " (Ferry reads SNAPPY, ZSTD, GZIP, LZ4_RAW and UNCOMPRESSED)");
        }
    }

    /**
     * One codec's compressor and decompressor. aircompressor's keep work tables between calls, so each writer's or
     * reader's column gets its own, and a call holds it to itself.
     */
    private static final class PageCodec {
        private final CompressionCodecName codec;
        private final Compressor compressor;
        private final Decompressor decompressor;

        PageCodec(CompressionCodecName codec) {
            this.codec = codec;
            switch (codec) {
                case SNAPPY -> {
                    compressor = new SnappyCompressor();
                    decompressor = new SnappyDecompressor();
                }
                case ZSTD -> {
                    compressor = new ZstdCompressor();
                    decompressor = new ZstdDecompressor();
                }
                case LZ4_RAW -> {
                    compressor = new Lz4Compressor();
                    decompressor = new Lz4Decompressor();
                }
                default -> {
                    compressor = null;
                    decompressor = null;
                }
            }
        }

        synchronized byte[] compress(byte[] page) throws IOException {
            if (codec == CompressionCodecName.GZIP) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, page.length / 2));
                try (GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 13)) {
                    gzip.write(page);
                }
                return out.toByteArray();
            }
            byte[] compressed = new byte[compressor.maxCompressedLength(page.length)];
            int length = compressor.compress(page, 0, page.length, compressed, 0, compressed.length);
            return Arrays.copyOf(compressed, length);
        }

        synchronized byte[] decompress(byte[] compressed, int size) throws IOException {
            byte[] page;
            if (codec == CompressionCodecName.GZIP) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 1 << 13)) {
                    page = in.readNBytes(size);
                    if (in.read() >= 0) {
                        page = null;
                    }
                }
            } else {
                page = new byte[size];
                int length;
                try {
                    length = decompressor.decompress(compressed, 0, compressed.length, page, 0, size);
                } catch (MalformedInputException | IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw new IOException("a " + codec + " page cannot be decompressed: " + e.getMessage(), e);
                }
                if (length != size) {
                    page = null;
                }
            }
            if (page == null || page.length != size) {
                throw new IOException("a " + codec + " page does not hold the " + size + " bytes its header says");
            }
            return page;
        }
    }
}
