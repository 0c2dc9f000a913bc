package dev.ferry.core.operation.translate;

import dev.ferry.core.sql.SqlToken;
import java.util.List;

/**
 * PostgreSQL's own writing of an IN list, {@code x = ANY (ARRAY['a'::text, 'b'::text])} (as it stores
 * {@code x IN ('a', 'b')} in a CHECK or a view), and of a NOT IN list, {@code x <> ALL ((ARRAY[...])::text[])}, as
 * those lists again: no other engine compares a value with an array, and jOOQ writes the array for them as it stands.
 */
final class AnyArrayLists {
    private AnyArrayLists() {
    }

    /** {@code sql}, whose tokens are {@code tokens}, with each such comparison written as an IN or NOT IN list. */
    static String asInLists(String sql, List<SqlToken> tokens) {
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i + 2 < tokens.size(); i++) {
            int operator = operatorBefore(tokens, i);
            boolean in = operator >= 0 && operator == i - 1 && tokens.get(i).isWord("ANY");
            boolean notIn = operator >= 0 && operator == i - 2 && tokens.get(i).isWord("ALL");
            if (!(in || notIn) || !tokens.get(i + 1).isSymbol("(")) {
                continue;
            }
            int array = i + 2;
            while (array < tokens.size() && tokens.get(array).isSymbol("(")) {
                array++;
            }
            int end = closing(tokens, i + 1, "(", ")");
            if (array + 1 >= tokens.size() || !tokens.get(array).isWord("ARRAY") || !tokens.get(array + 1).isSymbol("[")
                    || end < 0) {
                continue;
            }
            int close = closing(tokens, array + 1, "[", "]");
            if (close < 0 || close > end || !onlyCasts(tokens, close + 1, end)) {
                continue;
            }
            out.append(sql, copied, tokens.get(operator).start()).append(in ? "IN (" : "NOT IN (")
                    .append(sql, tokens.get(array + 1).start() + 1, tokens.get(close).start()).append(')');
            copied = tokens.get(end).start() + 1;
            i = end;
        }
        return out.append(sql.substring(copied)).toString();
    }

    /**
     * The index of the first token of the comparison written just before {@code i}: {@code =} alone, or {@code <>} or
     * {@code !=} (the lexer's symbols are single characters); -1 where there is none.
     */
    private static int operatorBefore(List<SqlToken> tokens, int i) {
        if (i < 1 || !(tokens.get(i - 1).isSymbol("=") || tokens.get(i - 1).isSymbol(">"))) {
            return -1;
        }
        SqlToken first = i >= 2 ? tokens.get(i - 2) : null;
        boolean adjacent = first != null && first.start() + first.raw().length() == tokens.get(i - 1).start();
        if (tokens.get(i - 1).isSymbol(">")) {
            return adjacent && first.isSymbol("<") ? i - 2 : -1;
        }
        if (adjacent && first.isSymbol("!")) {
            return i - 2;
        }
        boolean partOfAnother = adjacent && (first.isSymbol("<") || first.isSymbol(">"));
        return partOfAnother ? -1 : i - 1;
    }

    /** Whether the tokens from {@code from} up to {@code to} (excluded) only close parentheses and cast to a type. */
    private static boolean onlyCasts(List<SqlToken> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            SqlToken token = tokens.get(i);
            boolean castPart = token.isSymbol(")") || token.isSymbol(":")
                    || token.isSymbol("[") || token.isSymbol("]") || token.isSymbol(".") || token.isSymbol("(")
                    || token.kind() == SqlToken.Kind.NUMBER
                    || token.kind() == SqlToken.Kind.WORD || token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER;
            if (!castPart) {
                return false;
            }
        }
        return true;
    }

    /** The index of the {@code closer} that closes the {@code opener} at {@code open}, or -1. */
    private static int closing(List<SqlToken> tokens, int open, String opener, String closer) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            depth += tokens.get(i).isSymbol(opener) ? 1 : tokens.get(i).isSymbol(closer) ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
