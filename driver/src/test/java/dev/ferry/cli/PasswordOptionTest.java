package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void withoutATerminalALoneMinusPSaysHowToGiveIt(@TempDir Path temp) {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> PasswordOption.askOn(temp.resolve("no-terminal")));
        assertTrue(error.getMessage().startsWith("-p asks for the password on the terminal, and there is none ("),
                error.getMessage());
        assertTrue(error.getMessage().endsWith("): give it as -p<password> or --password=<password>, with no space"),
                error.getMessage());
    }

    private static FerryCommandLine parse(String... args) {
        FerryCommandLine command = new FerryCommandLine(System.out, System.err);
        new CommandLine(command).parseArgs(PasswordOption.loneToAsk(args));
        return command;
    }
}
