package dev.ferry.core.model.schema;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One name or pattern of {@code TABLES} or {@code EXCLUDE_TABLES}, as pg_dump's {@code -t} takes it: {@code orders}
 * (that table in any schema exported), {@code sales.orders}, {@code sales.*}, {@code ord?rs}; {@code *} stands for
 * any run of characters and {@code ?} for one. A part in double quotes ({@code "Odd.Name"}) is taken as written: its
 * dots, stars and question marks are characters, and its case is exact.
 *
 * @param text   the pattern as given
 * @param schema the schema part, or null where the pattern names none
 * @param name   the name part
 */
record TablePattern(String text, Part schema, Part name) {

    /**
     * One side of the dot.
     *
     * @param text   the part without its quotes
     * @param quoted whether it was in double quotes: matched exactly, case and all
     */
    record Part(String text, boolean quoted) {

        /** Whether this part has a wildcard. */
        boolean wild() {
            return !quoted && (text.indexOf('*') >= 0 || text.indexOf('?') >= 0);
        }

        /** Whether {@code value} matches: exactly, or ({@code anyCase}, unquoted only) in another case. */
        boolean matches(String value, boolean anyCase) {
            if (value == null) {
                return false;
            }
            if (quoted) {
                return text.equals(value);
            }
            int flags = anyCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            return Pattern.compile(regex(text), flags).matcher(value).matches();
        }

        private static String regex(String glob) {
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (char c : glob.toCharArray()) {
                if (c == '*' || c == '?') {
                    regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                    literal.setLength(0);
                } else {
                    literal.append(c);
                }
            }
            return regex.append(Pattern.quote(literal.toString())).toString();
        }
    }

    /**
     * {@code text} read as a pattern: split at its first dot outside double quotes.
     *
     * @return null where it cannot be read (an unclosed quote, an empty part, more than one dot)
     */
    static TablePattern parse(String text) {
        String schema = null;
        boolean schemaQuoted = false;
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (inQuotes && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    inQuotes = !inQuotes;
                    quoted = true;
                }
            } else if (c == '.' && !inQuotes) {
                if (schema != null || part.isEmpty()) {
                    return null;
                }
                schema = part.toString();
                schemaQuoted = quoted;
                part.setLength(0);
                quoted = false;
            } else {
                part.append(c);
            }
        }
        if (inQuotes || part.isEmpty()) {
            return null;
        }
        return new TablePattern(text, schema == null ? null : new Part(schema, schemaQuoted),
                new Part(part.toString(), quoted));
    }

    /** Whether the pattern has a wildcard. */
    boolean wild() {
        return name.wild() || schema != null && schema.wild();
    }

    /**
     * Whether {@code relation} matches: its name, and its schema where the pattern names one ({@code defaultSchema}
     * standing for a relation named without one: MariaDB's current database).
     */
    boolean matches(QualifiedName relation, String defaultSchema, boolean anyCase) {
        if (!name.matches(relation.name(), anyCase)) {
            return false;
        }
        if (schema == null) {
            return true;
        }
        String relationSchema = relation.schema() != null ? relation.schema() : defaultSchema;
        return schema.matches(relationSchema, anyCase);
    }

    /** The pattern's name part in lower case, for telling how close another name is. */
    String lowerName() {
        return name.text().toLowerCase(Locale.ROOT);
    }
}
