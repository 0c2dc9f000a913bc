package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.value.ValueKind;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads a value from DuckDB's text form, as its CSV writer writes it, as the Java value of the kind Ferry carries
 * the value's type as ({@link DuckDbType#kind()}, the value {@link ValueKind#parse} would give). Where DuckDB's form
 * is Ferry's, {@link ValueKind#parse} reads it; the others are read here:
 * <ul>
 *   <li>FLOAT and DOUBLE: {@code nan}, {@code inf}, {@code -inf};</li>
 *   <li>BLOB: bytes as ASCII characters, the others (and {@code \}, {@code "}, {@code '}) as {@code \xNN};</li>
 *   <li>dates and times: see {@link DuckDbTemporalText};</li>
 *   <li>lists: see {@link DuckDbListText}; each element is read by its own type and carried as the text Ferry writes
 *       for it (an {@link ValueKind#ARRAY} value: strings, nulls and nested arrays).</li>
 * </ul>
 */
final class DuckDbValueText {

    private DuckDbValueText() {
    }

    /**
     * The value {@code text} stands for in a column of {@code type}.
     *
     * @throws RuntimeException (such as {@link IllegalArgumentException}) where the text is not of the type
     */
    static Object parse(DuckDbType type, String text) {
        return switch (type.kind()) {
            case REAL -> Float.parseFloat(floating(text));
            case DOUBLE -> Double.parseDouble(floating(text));
            case BINARY -> blob(text);
            case DATE -> DuckDbTemporalText.date(text);
            case TIME -> DuckDbTemporalText.time(text);
            case TIME_WITH_TIME_ZONE -> DuckDbTemporalText.timeWithOffset(text);
            case TIMESTAMP -> DuckDbTemporalText.timestamp(text);
            case TIMESTAMP_WITH_TIME_ZONE -> DuckDbTemporalText.timestampWithOffset(text);
            case ARRAY -> elements(type.element(), DuckDbListText.parse(text));
            default -> type.kind().parse(text);
        };
    }

    /** Ferry's text of a value of the kind, as an array carries its elements (binary data in hexadecimal). */
    static String elementText(ValueKind kind, Object value) {
        return value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : kind.format(value);
    }

    private static Object[] elements(DuckDbType type, List<Object> texts) {
        Object[] elements = new Object[texts.size()];
        for (int i = 0; i < elements.length; i++) {
            Object text = texts.get(i);
            if (text instanceof List<?> nested) {
                if (!type.isList()) {
                    throw new IllegalArgumentException("a list where a " + type.name() + " element was expected");
                }
                @SuppressWarnings("unchecked")
                List<Object> nestedTexts = (List<Object>) nested;
                elements[i] = elements(type.element(), nestedTexts);
            } else if (text != null) {
                Object value = parse(type, (String) text);
                elements[i] = value instanceof Object[] ? value : elementText(type.kind(), value);
            }
        }
        return elements;
    }

    private static String floating(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "nan", "-nan" -> "NaN";
            case "inf", "infinity", "+inf", "+infinity" -> "Infinity";
            case "-inf", "-infinity" -> "-Infinity";
            default -> text;
        };
    }

    private static byte[] blob(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 4 > text.length() || text.charAt(i + 1) != 'x') {
                    throw new IllegalArgumentException("a backslash that does not start \\xNN at character " + (i + 1));
                }
                bytes.write(HexFormat.fromHexDigits(text, i + 2, i + 4));
                i += 3;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("the character '" + c + "' at " + (i + 1)
                        + " is not ASCII, which DuckDB writes as \\xNN in a BLOB");
            }
        }
        return bytes.toByteArray();
    }
}
