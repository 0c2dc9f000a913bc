package dev.ferry.core.value;

import java.util.HexFormat;

/**
 * The text forms of binary data: Ferry's lower-case hexadecimal ({@code 00ff10}), and DuckDB's BLOB text with every
 * byte escaped ({@code \x00\xFF\x10}), which DuckDB's CSV reader takes. Hexadecimal holds no backslash, so text that
 * starts with {@code \x} is read as escapes, or as PostgreSQL's hexadecimal bytea text where no other backslash
 * follows (for one byte the two are the same).
 */
final class BinaryText {
    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private BinaryText() {
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String escaped(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 4);
        for (byte b : bytes) {
            text.append("\\x").append(UPPER.toHexDigits(b));
        }
        return text.toString();
    }

    /** Either form, or PostgreSQL's {@code \x00ff10} (its bytea text: one escape, then hexadecimal). */
    static byte[] parse(String text) {
        if (!text.startsWith("\\x")) {
            return HexFormat.of().parseHex(text);
        }
        if (text.indexOf('\\', 2) < 0) {
            return HexFormat.of().parseHex(text, 2, text.length());
        }
        if (text.length() % 4 != 0) {
            throw new IllegalArgumentException("binary text in \\xNN escapes has " + text.length()
                    + " characters, not a multiple of 4");
        }
        byte[] bytes = new byte[text.length() / 4];
        for (int i = 0; i < bytes.length; i++) {
            if (text.charAt(4 * i) != '\\' || text.charAt(4 * i + 1) != 'x') {
                throw new IllegalArgumentException("expected \\x at character " + (4 * i + 1));
            }
            bytes[i] = (byte) HexFormat.fromHexDigits(text, 4 * i + 2, 4 * i + 4);
        }
        return bytes;
    }
}
