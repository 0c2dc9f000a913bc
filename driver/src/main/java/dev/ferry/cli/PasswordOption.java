package dev.ferry.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The command line's password: {@code -p<password>} or {@code --password=<password>} give it; {@code -p} or
 * {@code --password} standing alone asks for it on the terminal, as mysql's {@code -p} does, and never takes the next
 * argument, which was the URL as often as not ({@code -u postgres -p jdbc:postgresql://...}).
 */
final class PasswordOption {
    /** The hidden option a lone {@code -p} becomes. */
    static final String ASK = "--ask-password";

    private PasswordOption() {
    }

    /** {@code args} with each lone {@code -p} or {@code --password} before {@code --} replaced by {@link #ASK}. */
    static String[] loneToAsk(String[] args) {
        String[] rewritten = Arrays.copyOf(args, args.length);
        for (int i = 0; i < rewritten.length && !rewritten[i].equals("--"); i++) {
            if (rewritten[i].equals("-p") || rewritten[i].equals("--password")) {
                rewritten[i] = ASK;
            }
        }
        return rewritten;
    }

    /**
     * Reads the password from the terminal, not echoed: through {@code console} where Java has one (standard input
     * and output both a terminal), else on {@code /dev/tty}, the process's terminal whatever its standard streams are
     * (standard output sent to a file), as psql asks.
     *
     * @throws IllegalStateException where there is no terminal to ask on, or its echo cannot be turned off
     */
    static String ask(Console console) {
        if (console != null) {
            char[] password = console.readPassword("Password: ");
            return password == null ? "" : new String(password);
        }
        return askOn(TTY);
    }

    /** The process's controlling terminal. */
    private static final Path TTY = Path.of("/dev/tty");

    /** Asks on the terminal {@code tty}, its echo turned off (by {@code stty}) while the password is typed. */
    static String askOn(Path tty) {
        try (BufferedReader in = Files.newBufferedReader(tty);
             Writer prompt = Files.newBufferedWriter(tty, StandardOpenOption.WRITE)) {
            if (!stty(tty, "-echo")) {
                throw new IllegalStateException("-p cannot turn off the echo of " + tty + " to ask for the password"
                        + " (stty failed): give it as -p<password> or --password=<password>, with no space");
            }
            // Ctrl-C at the prompt ends the JVM without the finally below: the echo comes back all the same.
            Thread echoBack = new Thread(() -> stty(tty, "echo"), "ferry-echo-back");
            Runtime.getRuntime().addShutdownHook(echoBack);
            try {
                prompt.write("Password: ");
                prompt.flush();
                String line = in.readLine();
                return line == null ? "" : line;
            } finally {
                stty(tty, "echo");
                Runtime.getRuntime().removeShutdownHook(echoBack);
                prompt.write(System.lineSeparator());
                prompt.flush();
            }
        } catch (IOException e) {
            throw new IllegalStateException("-p asks for the password on the terminal, and there is none ("
                    + e.getMessage() + "): give it as -p<password> or --password=<password>, with no space", e);
        }
    }

    /** Runs {@code stty setting} on {@code tty}; whether it worked. */
    private static boolean stty(Path tty, String setting) {
        try {
            Process stty = new ProcessBuilder("stty", setting).redirectInput(tty.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return stty.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
