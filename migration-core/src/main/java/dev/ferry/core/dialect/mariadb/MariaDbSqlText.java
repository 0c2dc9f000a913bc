package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MariaDB's SQL as text: its tokens, string literals, and the names in it, read as MariaDB reads them (backslash
 * escapes in strings, back-quoted identifiers).
 */
final class MariaDbSqlText {

    private MariaDbSqlText() {
    }

    /** Up to {@code limit} tokens of MariaDB SQL. */
    static List<SqlToken> tokens(String sql, int limit) throws SQLException {
        SqlLexer lexer = new SqlLexer(sql, true);
        List<SqlToken> tokens = new ArrayList<>();
        for (SqlToken token = lexer.next(); token.kind() != SqlToken.Kind.END && tokens.size() < limit;
             token = lexer.next()) {
            tokens.add(token);
        }
        return tokens;
    }

    /** An identifier in MariaDB's back quotes (double quotes are string literals unless ANSI_QUOTES is set). */
    static String identifier(String name) {
        return '`' + name.replace("`", "``") + '`';
    }

    /**
     * A string as a MariaDB literal, read back the same under the session's SQL mode (which has backslash escapes:
     * {@link dev.ferry.core.dialect.Dialect#quoteLiteral} is for Ferry's own COPY statements, which standard rules read).
     */
    static String stringLiteral(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * The SQL without the qualifier {@code `database`.} where it names {@code database} (as MariaDB writes
     * {@code nextval(`db`.`seq`)} into a default): only a back-quoted identifier that starts a qualified name, so
     * neither text in strings nor a table or column of the same name is touched.
     */
    static String withoutDatabase(String sql, String database) throws SQLException {
        if (database == null || !sql.contains(".")) {
            return sql;
        }
        StringBuilder result = new StringBuilder();
        int copied = 0;
        List<SqlToken> tokens = tokens(sql, Integer.MAX_VALUE);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            SqlToken next = tokens.get(i + 1);
            if (token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER && token.raw().startsWith("`")
                    && token.text().equals(database) && next.isSymbol(".") && next.start() == token.start() + token.raw().length()
                    && (i == 0 || !tokens.get(i - 1).isSymbol("."))) {
                result.append(sql, copied, token.start());
                copied = next.start() + 1;
            }
        }
        return result.append(sql.substring(copied)).toString();
    }

    /** Whether the SQL names {@code database} as the qualifier of a name ({@code database.t}, {@code `database`.t}). */
    static boolean namesDatabase(String sql, String database) {
        try {
            List<SqlToken> tokens = tokens(sql, Integer.MAX_VALUE);
            for (int i = 0; i + 1 < tokens.size(); i++) {
                SqlToken token = tokens.get(i);
                if ((token.kind() == SqlToken.Kind.WORD || token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER)
                        && token.text().equalsIgnoreCase(database) && tokens.get(i + 1).isSymbol(".")
                        && (i == 0 || !tokens.get(i - 1).isSymbol("."))) {
                    return true;
                }
            }
            return false;
        } catch (SQLException unreadable) {
            return sql.toLowerCase(Locale.ROOT).contains(database.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * The back-quoted identifiers of the SQL that are not qualified by another name ({@code x} in {@code `x`.`y`}), as
     * names without a database.
     */
    static Set<QualifiedName> unqualifiedNames(String sql) throws SQLException {
        List<SqlToken> tokens = tokens(sql, Integer.MAX_VALUE);
        Set<QualifiedName> names = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == SqlToken.Kind.QUOTED_IDENTIFIER && tokens.get(i).raw().startsWith("`")
                    && (i == 0 || !tokens.get(i - 1).isSymbol("."))) {
                names.add(new QualifiedName(null, tokens.get(i).text()));
            }
        }
        return names;
    }

    /** The names {@code `db`.`name`} of the SQL (the first two parts of {@code `db`.`table`.`column`}). */
    static Set<QualifiedName> qualifiedNames(String sql) throws SQLException {
        List<SqlToken> tokens = tokens(sql, Integer.MAX_VALUE);
        Set<QualifiedName> names = new HashSet<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).kind() == SqlToken.Kind.QUOTED_IDENTIFIER && tokens.get(i).raw().startsWith("`")
                    && (i == 0 || !tokens.get(i - 1).isSymbol(".")) && tokens.get(i + 1).isSymbol(".")
                    && tokens.get(i + 2).kind() == SqlToken.Kind.QUOTED_IDENTIFIER) {
                names.add(new QualifiedName(tokens.get(i).text(), tokens.get(i + 2).text()));
            }
        }
        return names;
    }
}
