package dev.ferry.cli;

import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.StatementOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of {@code --help} that lists the options of Ferry's statements, each statement's from
 * {@link StatementOption}, where their errors take them from too.
 */
final class StatementOptionsHelp {
    private static final String HEADING = "%nOptions of Ferry's statements, in parentheses after the directory or"
            + " file:%n  EXPORT DATABASE 'dir' (FORMAT parquet, TABLES 'sales.*', DATA_ONLY)%n";
    private static final int WIDTH = 80;
    private static final int NAME_WIDTH = 22;

    private StatementOptionsHelp() {
    }

    /** The heading, as picocli takes it (a format string). */
    static String heading() {
        return HEADING;
    }

    /**
     * The lines, each at most {@value #WIDTH} characters (picocli would wrap longer ones without indenting them):
     * each statement, then its options, each with the values it takes and what it does.
     */
    static String[] lines() {
        List<String> lines = new ArrayList<>();
        for (StatementOption.Command command : StatementOption.Command.values()) {
            lines.add(command.statement() + ":");
            for (StatementOption option : StatementOption.of(command)) {
                String format = option.format() == null ? ""
                        : option.format() == DataFormat.CSV ? "CSV only: " : "Parquet only: ";
                lines.addAll(wrapped(String.format("  %-" + (NAME_WIDTH - 2) + "s", option.optionName()),
                        format + option.valueWords() + ". " + capitalised(option.description())));
            }
        }
        // picocli reads each line as a format string.
        return lines.stream().map(line -> line.replace("%", "%%")).toArray(String[]::new);
    }

    private static List<String> wrapped(String first, String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        for (String word : text.split(" ")) {
            if (line.length() + 1 + word.length() > WIDTH && line.length() > NAME_WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(" ".repeat(NAME_WIDTH));
            }
            line.append(' ').append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
