package dev.ferry.core.format.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Where a file stops being UTF-8: its first malformed byte sequence, by line and character. A reader decodes ahead of
 * the CSV parser (8 KB at a time), so the parser's own line is not where a bad byte is: a byte on line 61 was
 * reported at line 1.
 */
final class Utf8Position {
    private static final int BUFFER = 64 * 1024;

    private Utf8Position() {
    }

    /** {@code line L, character C} of the first byte sequence of {@code in} (a file's text) that is not UTF-8, or null. */
    static String firstMalformed(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
        CharBuffer chars = CharBuffer.allocate(BUFFER);
        long line = 1;
        long character = 1;
        boolean end = false;
        while (!end) {
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            end = read < 0;
            bytes.position(bytes.position() + Math.max(read, 0));
            bytes.flip();
            CoderResult result = decoder.decode(bytes, chars, end);
            chars.flip();
            while (chars.hasRemaining()) {
                if (chars.get() == '\n') {
                    line++;
                    character = 1;
                } else {
                    character++;
                }
            }
            chars.clear();
            if (result.isError()) {
                return "line " + line + ", character " + character;
            }
            bytes.compact();
        }
        return null;
    }
}
