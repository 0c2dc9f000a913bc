package dev.ferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An option that takes one value, given twice, is refused rather than the last one taken without a word. */
class RepeatedOptionsTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void aSingleValueOptionGivenTwiceIsRefused() {
        assertEquals(2, run("-u", "alice", "--user", "bob", "jdbc:nosuchdb:x", "-c", "SELECT 1"));
        assertTrue(errors().contains("--user is given 2 times (alice, bob): give it once"), errors());
        assertEquals(2, run("-o", "csv", "-o", "json", "jdbc:nosuchdb:x", "-c", "SELECT 1"));
        assertTrue(errors().contains("--output is given 2 times (csv, json): give it once"), errors());
    }

    @Test
    void aPasswordGivenTwiceIsNotPrinted() {
        assertEquals(2, run("-psecret1", "--password=secret2", "jdbc:nosuchdb:x", "-c", "SELECT 1"));
        assertTrue(errors().contains("--password is given 2 times (***, ***): give it once"), errors());
        assertFalse(errors().contains("secret"), errors());
    }

    @Test
    void repeatableOptionsStayRepeatable() {
        // Past the command line's checks, to the driver that no one serves: exit 1, not 2.
        assertEquals(1, run("--driver", "a.jar", "--driver", "b.jar", "--property", "a=1", "--property", "b=2",
                "-q", "-q", "jdbc:nosuchdb:x", "-c", "SELECT 1", "-c", "SELECT 2"));
        assertFalse(errors().contains("give it once"), errors());
    }

    private int run(String... args) {
        err.reset();
        return FerryCommandLine.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
