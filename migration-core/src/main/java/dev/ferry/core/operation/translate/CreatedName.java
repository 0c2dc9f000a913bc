package dev.ferry.core.operation.translate;

import dev.ferry.core.sql.SqlToken;
import java.util.List;

/**
 * The name a {@code CREATE <kind> schema.name ...} statement (its tokens) creates, as written without quotes, and
 * where the rest of the statement starts.
 *
 * @param name the name, its parts joined by dots
 * @param next the index of the first token after the name
 */
record CreatedName(String name, int next) {

    /** The name {@code tokens} create, or null where they are not a CREATE {@code kind} statement. */
    static CreatedName of(List<SqlToken> tokens, String kind) {
        if (tokens.size() < 3 || !tokens.get(0).isWord("CREATE") || !tokens.get(1).isWord(kind)) {
            return null;
        }
        int i = 2;
        StringBuilder name = new StringBuilder(tokens.get(i).text());
        while (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".")) {
            name.append('.').append(tokens.get(i + 2).text());
            i += 2;
        }
        return new CreatedName(name.toString(), i + 1);
    }
}
