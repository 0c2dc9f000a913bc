package dev.ferry.core.model.types;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A type as an engine writes it in DDL, taken apart: {@code numeric(18,4)} is base {@code numeric} with arguments
 * 18 and 4; {@code timestamp(3) without time zone} is base {@code timestamp without time zone} with argument 3;
 * {@code integer[]} is an array of {@code integer}.
 *
 * @param base      the name without arguments or array brackets, lower case, single-spaced
 * @param first     the first number in the parentheses (length, precision, fractional digits), -1 where absent
 * @param second    the second number (scale), -1 where absent
 * @param array     whether the type ends in {@code []}
 * @param rest      what follows the type's name and arguments (MariaDB's {@code unsigned}, {@code CHARACTER SET ...}),
 *                  lower case
 */
public record TypeNames(String base, int first, int second, boolean array, String rest) {
    private static final Pattern TYPE = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z_ ]*)(?:\\(\\s*(\\d+)\\s*(?:,\\s*(-?\\d+)\\s*)?\\))?\\s*([A-Za-z_ ]*)((?:\\[\\d*\\])*)\\s*(.*)",
            Pattern.DOTALL);

    /** Takes {@code declared} apart; a type it cannot read has its whole text, lower case, as its base. */
    public static TypeNames parse(String declared) {
        Matcher m = TYPE.matcher(declared == null ? "" : declared);
        if (!m.matches()) {
            return new TypeNames(normal(declared), -1, -1, false, "");
        }
        String base = normal(m.group(1));
        String suffix = normal(m.group(4));
        String rest = normal(m.group(6));
        // PostgreSQL writes time zones after the arguments: timestamp(3) with time zone.
        if (suffix.startsWith("with") || suffix.startsWith("without") || suffix.equals("varying")) {
            base = base + " " + suffix;
            suffix = "";
        }
        return new TypeNames(base, m.group(2) == null ? -1 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? -1 : Integer.parseInt(m.group(3)), !m.group(5).isEmpty(),
                (suffix + " " + rest).strip());
    }

    private static String normal(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
