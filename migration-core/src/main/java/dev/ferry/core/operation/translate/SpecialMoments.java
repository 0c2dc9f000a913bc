package dev.ferry.core.operation.translate;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's special date and time strings in a default ({@code ('now'::text)::date}, Sakila's): PostgreSQL reads
 * them as moments when the cast runs, which no other engine does; a cast of them written for another engine is a
 * constant string, or an error. {@code 'now'} becomes the standard function of the same meaning; the others
 * ({@code 'today'}, {@code 'infinity'}, ...) have none.
 */
final class SpecialMoments {
    private static final Set<String> STRINGS = Set.of("now", "today", "tomorrow", "yesterday", "infinity",
            "-infinity", "epoch", "allballs");
    private static final Pattern CAST = Pattern.compile("(?is)^[(\\s]*'(" + String.join("|", STRINGS) + ")'"
            + "(?:\\s*::\\s*(?:text|character varying|varchar))?[)\\s]*::\\s*"
            + "(date|timestamptz|timestamp|timetz|time)(?:\\(\\d+\\))?(?:\\s+with(?:out)? time zone)?[)\\s]*$");

    private SpecialMoments() {
    }

    /** Whether {@code text} is one of PostgreSQL's special date and time strings. */
    static boolean isSpecial(String text) {
        return STRINGS.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether {@code expression} is a cast of one of PostgreSQL's special strings. */
    static boolean isCast(String expression) {
        return CAST.matcher(expression).matches();
    }

    /**
     * The standard SQL that means what a cast of {@code 'now'} does ({@code CURRENT_DATE}, {@code LOCALTIMESTAMP}, ...),
     * or null where {@code expression} is a cast of another special string, which nothing else means.
     */
    static String standard(String expression) {
        Matcher cast = CAST.matcher(expression);
        if (!cast.matches() || !cast.group(1).equalsIgnoreCase("now")) {
            return null;
        }
        boolean zoned = expression.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").contains("with time zone");
        return switch (cast.group(2).strip().toLowerCase(Locale.ROOT)) {
            case "date" -> "CURRENT_DATE";
            case "timestamp" -> zoned ? "CURRENT_TIMESTAMP" : "LOCALTIMESTAMP";
            case "timestamptz" -> "CURRENT_TIMESTAMP";
            case "time" -> zoned ? null : "LOCALTIME";
            case "timetz" -> null;
            default -> null;
        };
    }
}
