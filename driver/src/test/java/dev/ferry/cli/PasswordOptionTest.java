package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PasswordOptionTest {

    @Test
    void aLoneMinusPAsksAndNeverTakesTheUrl() {
        FerryCommandLine parsed = parse("-u", "postgres", "-p", "jdbc:postgresql://h/db", "-c", "SELECT 1");
        assertTrue(parsed.askPassword);
        assertNull(parsed.password);
        assertEquals("jdbc:postgresql://h/db", parsed.url);
        assertTrue(parse("--password", "jdbc:h2:mem:a", "-c", "SELECT 1").askPassword);
    }

    @Test
    void anAttachedPasswordIsGiven() {
        FerryCommandLine attached = parse("-u", "sa", "-psecret", "jdbc:h2:mem:a", "-c", "SELECT 1");
        assertEquals("secret", attached.password);
        assertFalse(attached.askPassword);
        assertEquals("jdbc:h2:mem:a", attached.url);
        assertEquals("s p", parse("--password=s p", "jdbc:h2:mem:a").password);
    }

    @Test
    void argumentsAfterDoubleDashAreLeftAlone() {
        assertArrayEquals(new String[] {PasswordOption.ASK, "--", "-p"},
                PasswordOption.loneToAsk(new String[] {"-p", "--", "-p"}));
    }

    @Test
    void withoutATerminalALoneMinusPSaysHowToGiveIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = FerryCommandLine.run(new String[] {"-u", "postgres", "-p", "jdbc:nosuchdb:x", "-c", "SELECT 1"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String error = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, error);
        assertTrue(error.contains("-p asks for the password on the terminal, and there is none: give it as"
                + " -p<password> or --password=<password>"), error);
    }

    private static FerryCommandLine parse(String... args) {
        FerryCommandLine command = new FerryCommandLine(System.out, System.err);
        new CommandLine(command).parseArgs(PasswordOption.loneToAsk(args));
        return command;
    }
}
