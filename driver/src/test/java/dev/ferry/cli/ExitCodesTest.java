package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The exit codes --help lists are the ones the command line gives. */
class ExitCodesTest {

    @Test
    void aWrongCommandLineExitsWithTwo_aFailedStatementWithOne() {
        assertEquals(2, run("--no-such-option", "jdbc:x", "-c", "SELECT 1"));
        assertEquals(2, run("-c", "SELECT 1"));
        assertEquals(2, run("jdbc:nosuchdb:x"));
        assertEquals(1, run("jdbc:nosuchdb:x", "-c", "SELECT 1"));
    }

    @Test
    void helpListsThem() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, FerryCommandLine.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("Exit codes:"), help);
        assertTrue(help.matches("(?s).*\\s0\\s+every statement ran.*\\s1\\s+a statement failed.*\\s2\\s+the command line"
                + " itself is wrong.*"), help);
    }

    private static int run(String... args) {
        PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return FerryCommandLine.run(args, discard, discard);
    }
}
