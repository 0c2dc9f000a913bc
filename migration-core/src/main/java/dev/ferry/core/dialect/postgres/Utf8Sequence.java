package dev.ferry.core.dialect.postgres;

/**
 * The well-formed UTF-8 byte sequences (the Unicode Standard's table 3-7): exactly those Java's decoder takes, so
 * that no text Ferry's CSV reader refuses passes unread.
 */
final class Utf8Sequence {
    /** Returned where the sequence runs past the bytes at hand. */
    static final int NEEDS_MORE = 0;
    /** Returned where the bytes are not UTF-8. */
    static final int MALFORMED = -1;

    private Utf8Sequence() {
    }

    /**
     * The length of the sequence that starts with the non-ASCII byte {@code b[at]}: 2 to 4, or {@link #MALFORMED},
     * or {@link #NEEDS_MORE} where it goes on past {@code limit}.
     */
    static int length(byte[] b, int at, int limit) {
        int first = b[at] & 0xff;
        int length;
        int low = 0x80;
        int high = 0xbf;
        if (first >= 0xc2 && first <= 0xdf) {
            length = 2;
        } else if (first >= 0xe0 && first <= 0xef) {
            length = 3;
            low = first == 0xe0 ? 0xa0 : 0x80;
            high = first == 0xed ? 0x9f : 0xbf;
        } else if (first >= 0xf0 && first <= 0xf4) {
            length = 4;
            low = first == 0xf0 ? 0x90 : 0x80;
            high = first == 0xf4 ? 0x8f : 0xbf;
        } else {
            return MALFORMED;
        }
        for (int i = 1; i < length; i++) {
            if (at + i >= limit) {
                return NEEDS_MORE;
            }
            int next = b[at + i] & 0xff;
            if (next < (i == 1 ? low : 0x80) || next > (i == 1 ? high : 0xbf)) {
                return MALFORMED;
            }
        }
        return length;
    }
}
