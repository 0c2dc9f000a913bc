package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Sequence;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;

/**
 * Reads a CREATE SEQUENCE statement as DuckDB's export writes it:
 * {@code CREATE SEQUENCE s.seq INCREMENT BY 2 MINVALUE 1 MAXVALUE 1000 START 12 CYCLE}.
 *
 * <p>DuckDB writes the value the sequence would give next as its START (the START it was created with is not kept),
 * so START is both the sequence's start and its position here.
 */
final class CreateSequenceParser {

    private CreateSequenceParser() {
    }

    /**
     * The sequence a CREATE SEQUENCE statement creates, with DuckDB's defaults for what it leaves out.
     *
     * @throws IllegalArgumentException naming what is not understood
     */
    static Sequence parse(String sql) throws SQLException {
        Tokens tokens = new Tokens(sql);
        tokens.expectWords("CREATE");
        if (tokens.acceptWord("OR")) {
            tokens.expectWords("REPLACE");
        }
        tokens.expectWords("SEQUENCE");
        if (tokens.acceptWord("IF")) {
            tokens.expectWords("NOT", "EXISTS");
        }
        QualifiedName name = tokens.qualifiedName();
        long increment = 1;
        Long minimum = null;
        Long maximum = null;
        Long start = null;
        boolean cycle = false;
        while (!tokens.atEnd()) {
            if (tokens.acceptWord("INCREMENT")) {
                tokens.acceptWord("BY");
                increment = number(tokens);
            } else if (tokens.acceptWord("MINVALUE")) {
                minimum = number(tokens);
            } else if (tokens.acceptWord("MAXVALUE")) {
                maximum = number(tokens);
            } else if (tokens.acceptWord("START")) {
                tokens.acceptWord("WITH");
                start = number(tokens);
            } else if (tokens.acceptWord("CYCLE")) {
                cycle = true;
            } else if (tokens.acceptWord("NO")) {
                if (!tokens.acceptWord("MINVALUE") && !tokens.acceptWord("MAXVALUE")) {
                    tokens.expectWords("CYCLE");
                    cycle = false;
                }
            } else {
                throw tokens.unexpected("a sequence option");
            }
        }
        if (increment == 0) {
            throw new IllegalArgumentException("INCREMENT BY 0");
        }
        long min = minimum != null ? minimum : increment > 0 ? 1 : Long.MIN_VALUE;
        long max = maximum != null ? maximum : increment > 0 ? Long.MAX_VALUE : -1;
        long first = start != null ? start : increment > 0 ? min : max;
        return new Sequence(name, null, first, increment, min, max, cycle, first, null);
    }

    private static long number(Tokens tokens) throws SQLException {
        SqlToken token = tokens.current();
        if (token.kind() != SqlToken.Kind.NUMBER) {
            throw tokens.unexpected("a whole number");
        }
        try {
            long value = Long.parseLong(token.text());
            tokens.advance();
            return value;
        } catch (NumberFormatException e) {
            throw tokens.unexpected("a whole number that fits in a BIGINT");
        }
    }
}
