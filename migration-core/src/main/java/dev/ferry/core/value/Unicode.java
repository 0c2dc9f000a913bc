package dev.ferry.core.value;

/** Checks that text can be written as UTF-8 without loss. */
final class Unicode {

    private Unicode() {
    }

    /**
     * The text itself, if every surrogate in it is part of a pair.
     *
     * @throws IllegalArgumentException naming the position of an unpaired surrogate, which UTF-8 cannot hold
     */
    static String requireWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(String.format(
                        "the text holds an unpaired surrogate U+%04X at character %d, which UTF-8 cannot hold", (int) c, i + 1));
            }
        }
        return text;
    }
}
