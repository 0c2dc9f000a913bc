package dev.ferry.core.dialect.duckdb.export;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads DuckDB's text form of a list, as its CSV writer writes it: {@code [1, NULL, 3]}, {@code [[1, 2], []]},
 * {@code [abc, 'a,b', 'it\'s', '', 'NULL', NULL]}, {@code [{'a': 1}, NULL]}.
 *
 * <p>Elements are separated by {@code ", "}. An element that holds a special character (a comma, a bracket, a brace,
 * a quote, a colon, leading or trailing spaces), that is empty or that reads {@code NULL} is quoted: {@code '...'},
 * where a backslash escapes the next character. Other elements are written as they are, backslashes included. An
 * unquoted {@code NULL} is the null element; a nested list is a list, a struct or map (in braces) its text.
 */
final class DuckDbListText {
    private final String text;
    private int position;

    private DuckDbListText(String text) {
        this.text = text;
    }

    /**
     * The elements: each a String, null, or (for a nested list) a List.
     *
     * @throws IllegalArgumentException where the text is not a list
     */
    static List<Object> parse(String text) {
        DuckDbListText reader = new DuckDbListText(text);
        List<Object> list = reader.list();
        if (reader.position != text.length()) {
            throw new IllegalArgumentException("unexpected text after the list at character " + (reader.position + 1));
        }
        return list;
    }

    private List<Object> list() {
        expect('[');
        List<Object> elements = new ArrayList<>();
        skipSpaces();
        if (peek() == ']') {
            position++;
            return elements;
        }
        while (true) {
            skipSpaces();
            elements.add(element());
            skipSpaces();
            char next = peek();
            position++;
            if (next == ']') {
                return elements;
            }
            if (next != ',') {
                throw new IllegalArgumentException("expected ',' or ']' at character " + position);
            }
        }
    }

    private Object element() {
        char first = peek();
        if (first == '[') {
            return list();
        }
        if (first == '{') {
            return braced();
        }
        if (first == '\'') {
            return quoted();
        }
        int start = position;
        while (position < text.length() && text.charAt(position) != ',' && text.charAt(position) != ']') {
            position++;
        }
        String element = text.substring(start, position);
        return element.equals("NULL") ? null : element;
    }

    private String quoted() {
        StringBuilder value = new StringBuilder();
        position++;
        while (true) {
            char c = peek();
            position++;
            if (c == '\'') {
                return value.toString();
            }
            if (c == '\\') {
                c = peek();
                position++;
            }
            value.append(c);
        }
    }

    /** A struct or map element, as written, braces included. */
    private String braced() {
        int start = position;
        int depth = 0;
        do {
            char c = peek();
            if (c == '\'') {
                quoted();
                continue;
            }
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            position++;
        } while (depth > 0);
        return text.substring(start, position);
    }

    private void skipSpaces() {
        while (position < text.length() && text.charAt(position) == ' ') {
            position++;
        }
    }

    private char peek() {
        if (position >= text.length()) {
            throw new IllegalArgumentException("the list ends too early");
        }
        return text.charAt(position);
    }

    private void expect(char expected) {
        if (peek() != expected) {
            throw new IllegalArgumentException("expected '" + expected + "' at character " + (position + 1));
        }
        position++;
    }
}
