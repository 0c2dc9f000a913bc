package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.model.schema.QualifiedName;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a CREATE VIEW statement as DuckDB's export writes it: {@code CREATE VIEW s.v AS SELECT ...}, or with column
 * names, {@code CREATE VIEW v (x, y) AS SELECT a, b FROM t}.
 */
final class CreateViewParser {

    private CreateViewParser() {
    }

    /**
     * A view's name and query.
     *
     * @param name  the view
     * @param query its query as DuckDB wrote it; a view with column names selects from its query with them, as
     *              {@code SELECT * FROM (<query>) AS "v"("x", "y")}
     */
    record ParsedView(QualifiedName name, String query) {
    }

    /**
     * The view a CREATE VIEW statement creates.
     *
     * @throws IllegalArgumentException naming what is not understood
     */
    static ParsedView parse(String sql) throws SQLException {
        Tokens tokens = new Tokens(sql);
        tokens.expectWords("CREATE");
        if (tokens.acceptWord("OR")) {
            tokens.expectWords("REPLACE");
        }
        tokens.expectWords("VIEW");
        if (tokens.acceptWord("IF")) {
            tokens.expectWords("NOT", "EXISTS");
        }
        QualifiedName name = tokens.qualifiedName();
        List<String> columns = tokens.isSymbol("(") ? tokens.identifierList() : List.of();
        if (!tokens.isWord("AS")) {
            throw tokens.unexpected("AS");
        }
        tokens.advance();
        String query = tokens.rest();
        if (query.isEmpty()) {
            throw tokens.unexpected("the view's query");
        }
        if (!columns.isEmpty()) {
            query = "SELECT * FROM (" + query + ") AS " + quote(name.name()) + "("
                    + columns.stream().map(CreateViewParser::quote).collect(Collectors.joining(", ")) + ")";
        }
        return new ParsedView(name, query);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
