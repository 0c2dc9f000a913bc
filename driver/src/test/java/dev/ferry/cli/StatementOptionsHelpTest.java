package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.options.StatementOption;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --help} lists each statement's options as {@link StatementOption} defines them, and the statements' errors
 * list the same ones.
 */
class StatementOptionsHelpTest {

    @Test
    void helpListsEachStatementsOptionsWithTheirValuesAndMeaning() {
        String help = help();
        String section = help.substring(help.indexOf("Options of Ferry's statements"));
        for (StatementOption.Command command : StatementOption.Command.values()) {
            String statement = sectionOf(section, command);
            List<String> listed = new ArrayList<>();
            for (String line : statement.lines().toList()) {
                if (line.startsWith("  ") && !line.startsWith("   ")) {
                    listed.add(line.strip().split(" +")[0]);
                }
            }
            List<String> defined = StatementOption.of(command).stream().map(StatementOption::optionName).toList();
            assertEquals(defined, listed, command.statement());
            String flowing = statement.replaceAll("\\s+", " ");
            for (StatementOption option : StatementOption.of(command)) {
                assertTrue(flowing.contains(option.valueWords()), option + " in " + flowing);
                assertTrue(flowing.toLowerCase().contains(option.description().toLowerCase()), option + " in "
                        + flowing);
            }
        }
        assertTrue(sectionOf(section, StatementOption.Command.EXPORT).contains("TABLES"), section);
        help.lines().forEach(line -> assertTrue(line.length() <= 80, "longer than 80: " + line));
    }

    @Test
    void theErrorsListTheOptionsTheHelpDoes() {
        SQLException export = assertThrows(SQLException.class,
                () -> ExportOptions.from(Map.of("NO_SUCH", "1")));
        assertEquals("22023", export.getSQLState());
        for (StatementOption option : StatementOption.of(StatementOption.Command.EXPORT)) {
            assertTrue(export.getMessage().contains(option.optionName() + " (" + option.valueWords() + ")"),
                    option + ": " + export.getMessage());
        }
        SQLException copy = assertThrows(SQLException.class,
                () -> FormatOptions.from(Map.of("TABLES", "t"), "COPY"));
        assertTrue(copy.getMessage().startsWith("TABLES is an option of EXPORT DATABASE, not of COPY"),
                copy.getMessage());
        SQLException importError = assertThrows(SQLException.class,
                () -> ImportOptions.from(Map.of("TABLES", "t")));
        assertTrue(importError.getMessage().startsWith("IMPORT DATABASE takes the options ALLOW_EDITED_SCRIPTS, JOBS"
                + " and RESUME"), importError.getMessage());
        Map<String, String> verify = new LinkedHashMap<>();
        verify.put("JOBS", "2");
        SQLException verifyError = assertThrows(SQLException.class, () -> ImportOptions.forVerify(verify));
        assertTrue(verifyError.getMessage().startsWith("VERIFY DATABASE takes the option ALLOW_EDITED_SCRIPTS alone"),
                verifyError.getMessage());
    }

    /** The lines of {@code command}'s part of the help, up to the next statement's. */
    private static String sectionOf(String section, StatementOption.Command command) {
        int start = section.indexOf("\n" + command.statement() + ":\n");
        assertTrue(start >= 0, command.statement() + " in " + section);
        int body = start + command.statement().length() + 3;
        int end = section.length();
        for (StatementOption.Command other : StatementOption.Command.values()) {
            int at = section.indexOf("\n" + other.statement() + ":\n", body);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return section.substring(body, end);
    }

    private static String help() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, FerryCommandLine.run(new String[] {"--help"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
