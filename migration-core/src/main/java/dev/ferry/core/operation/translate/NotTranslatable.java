package dev.ferry.core.operation.translate;

/** An object whose SQL cannot be written for the target with the same meaning; the message says why. */
final class NotTranslatable extends Exception {
    NotTranslatable(String reason) {
        super(reason);
    }
}
