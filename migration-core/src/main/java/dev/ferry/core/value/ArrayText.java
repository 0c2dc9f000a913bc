package dev.ferry.core.value;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The text form of an SQL array, as PostgreSQL writes array literals: {@code {1,2,NULL}}, nested arrays as
 * {@code {{1,2},{3,4}}}, every non-null element quoted: {@code {"a,b","c\"d",""}} (backslash escapes quote and
 * backslash), binary elements as hexadecimal. The same in square brackets, binary elements as {@code \xNN} escapes,
 * is a list as DuckDB's CSV reader takes it: {@code ["a,b","c\"d",NULL]}. Both are read, and so is PostgreSQL's own
 * text of an array, whose elements are quoted only where they need it: {@code {1,NULL,"a b"}}.
 */
final class ArrayText {

    private ArrayText() {
    }

    static String format(Object[] elements) {
        return format(elements, '{', '}', BinaryText::hex);
    }

    /** DuckDB's list text of the elements. */
    static String formatList(Object[] elements) {
        return format(elements, '[', ']', BinaryText::escaped);
    }

    private static String format(Object[] elements, char open, char close, Function<byte[], String> binary) {
        StringBuilder text = new StringBuilder().append(open);
        for (int i = 0; i < elements.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            Object element = elements[i];
            if (element == null) {
                text.append("NULL");
            } else if (element instanceof Object[] nested) {
                text.append(format(nested, open, close, binary));
            } else {
                String value = element instanceof byte[] bytes ? binary.apply(bytes)
                        : Unicode.requireWellFormed(element.toString());
                text.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return text.append(close).toString();
    }

    /** The elements as strings (or nested arrays, or null), for the engine to convert to the element type. */
    static Object[] parse(String text) {
        int[] position = {0};
        Object[] elements = parseArray(text, position);
        if (position[0] != text.length()) {
            throw new IllegalArgumentException("unexpected text after the array at character " + (position[0] + 1));
        }
        return elements;
    }

    private static Object[] parseArray(String text, int[] position) {
        char open = peek(text, position) == '[' ? '[' : '{';
        return parseArray(text, position, open, open == '[' ? ']' : '}');
    }

    /** An array in {@code open} and {@code close}; nested arrays in the same; any other bracket is text. */
    private static Object[] parseArray(String text, int[] position, char open, char close) {
        expect(text, position, open);
        List<Object> elements = new ArrayList<>();
        if (peek(text, position) == close) {
            position[0]++;
            return elements.toArray();
        }
        while (true) {
            char c = peek(text, position);
            if (c == open) {
                elements.add(parseArray(text, position, open, close));
            } else if (c == '"') {
                elements.add(parseQuoted(text, position));
            } else {
                String element = parseUnquoted(text, position, open, close);
                elements.add(element.equalsIgnoreCase("NULL") ? null : element);
            }
            char next = peek(text, position);
            position[0]++;
            if (next == close) {
                return elements.toArray();
            }
            if (next != ',') {
                throw new IllegalArgumentException("expected ',' or '" + close + "' at character " + position[0]);
            }
        }
    }

    /**
     * An element written without quotes, as PostgreSQL writes those that need none: {@code {1,NULL,abc,a[1]}}
     * (PostgreSQL quotes braces, not square brackets).
     */
    private static String parseUnquoted(String text, int[] position, char open, char close) {
        int start = position[0];
        StringBuilder value = new StringBuilder();
        for (char c = peek(text, position); c != ',' && c != close; c = peek(text, position)) {
            if (c == '"' || c == open) {
                throw new IllegalArgumentException("unexpected '" + c + "' at character " + (position[0] + 1));
            }
            position[0]++;
            if (c == '\\') {
                c = peek(text, position);
                position[0]++;
            }
            value.append(c);
        }
        if (position[0] == start) {
            throw new IllegalArgumentException("expected an array element at character " + (start + 1));
        }
        return value.toString();
    }

    private static String parseQuoted(String text, int[] position) {
        StringBuilder value = new StringBuilder();
        position[0]++;
        while (true) {
            char c = peek(text, position);
            position[0]++;
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                c = peek(text, position);
                position[0]++;
            }
            value.append(c);
        }
    }

    private static char peek(String text, int[] position) {
        if (position[0] >= text.length()) {
            throw new IllegalArgumentException("the array ends too early");
        }
        return text.charAt(position[0]);
    }

    private static void expect(String text, int[] position, char expected) {
        if (peek(text, position) != expected) {
            throw new IllegalArgumentException("expected '" + expected + "' at character " + (position[0] + 1));
        }
        position[0]++;
    }
}
