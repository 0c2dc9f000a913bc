package dev.ferry.cli;

import java.io.Console;
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
     * Reads the password from the terminal, not echoed.
     *
     * @throws IllegalStateException where there is no terminal to ask on
     */
    static String ask(Console console) {
        if (console == null) {
            throw new IllegalStateException("-p asks for the password on the terminal, and there is none: give it as"
                    + " -p<password> or --password=<password>, with no space");
        }
        char[] password = console.readPassword("Password: ");
        return password == null ? "" : new String(password);
    }
}
