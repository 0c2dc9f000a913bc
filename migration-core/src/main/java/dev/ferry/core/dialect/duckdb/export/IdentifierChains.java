package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names SQL text mentions, found token by token: each run of identifiers joined by dots ({@code v},
 * {@code s.v}, {@code "My Schema"."My View"}), outside string literals and comments. Keywords are names here too;
 * callers match the chains against names they know. DuckDB's names are case-insensitive, so they are in lower case.
 */
final class IdentifierChains {

    private IdentifierChains() {
    }

    /** Every chain of names in the text, in order, each name in lower case. */
    static List<List<String>> in(String sql) throws SQLException {
        SqlLexer lexer = new SqlLexer(sql);
        List<List<String>> chains = new ArrayList<>();
        List<String> chain = new ArrayList<>();
        boolean afterDot = false;
        for (SqlToken token = lexer.next(); token.kind() != SqlToken.Kind.END; token = lexer.next()) {
            boolean name = token.kind() == SqlToken.Kind.WORD || token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER;
            if (name && (chain.isEmpty() || afterDot)) {
                chain.add(token.text().toLowerCase(Locale.ROOT));
                afterDot = false;
            } else if (token.isSymbol(".") && !chain.isEmpty() && !afterDot) {
                afterDot = true;
            } else {
                if (!chain.isEmpty()) {
                    chains.add(List.copyOf(chain));
                    chain.clear();
                }
                afterDot = false;
                if (name) {
                    chain.add(token.text().toLowerCase(Locale.ROOT));
                }
            }
        }
        if (!chain.isEmpty()) {
            chains.add(List.copyOf(chain));
        }
        return chains;
    }

    /** Every single name in the text, in lower case. */
    static Set<String> namesIn(String sql) throws SQLException {
        Set<String> names = new HashSet<>();
        for (List<String> chain : in(sql)) {
            names.addAll(chain);
        }
        return names;
    }
}
