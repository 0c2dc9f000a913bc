package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the statements SHOW CREATE VIEW, PROCEDURE, FUNCTION and TRIGGER write: the parts an export keeps, without the
 * DEFINER (an account of the source server).
 */
final class MariaDbShowCreate {

    private MariaDbShowCreate() {
    }

    /** The query of SHOW CREATE VIEW's {@code CREATE ALGORITHM=... DEFINER=... SQL SECURITY ... VIEW `v` AS <query>}. */
    static String viewQuery(String name, String createView) throws SQLException {
        List<SqlToken> tokens = MariaDbSqlText.tokens(createView, Integer.MAX_VALUE);
        for (int i = 0; i + 3 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("VIEW")) {
                continue;
            }
            int n = i + 1; // the view's name, after its database where SHOW CREATE VIEW writes one: `db`.`v`
            if (n + 2 < tokens.size() && tokens.get(n + 1).isSymbol(".")) {
                n += 2;
            }
            if (n + 2 < tokens.size() && tokens.get(n).kind() == SqlToken.Kind.QUOTED_IDENTIFIER
                    && tokens.get(n).text().equals(name) && tokens.get(n + 1).isWord("AS")) {
                return createView.substring(tokens.get(n + 2).start());
            }
        }
        throw new SQLException("Cannot read the query of view " + name + " in MariaDB's " + createView, "HY000");
    }

    /** SHOW CREATE's {@code CREATE DEFINER=`user`@`host` PROCEDURE ...} as {@code CREATE PROCEDURE ...}. */
    static String withoutDefiner(String create) throws SQLException {
        List<SqlToken> tokens = MariaDbSqlText.tokens(create, 7);
        if (tokens.size() >= 5 && tokens.get(0).isWord("CREATE") && tokens.get(1).isWord("DEFINER")
                && tokens.get(2).isSymbol("=")) {
            int next = tokens.get(4).isSymbol("@") ? 6 : 4;
            if (next < tokens.size()) {
                return "CREATE " + create.substring(tokens.get(next).start());
            }
        }
        return create;
    }

    /**
     * SHOW CREATE's {@code CREATE [AGGREGATE] PROCEDURE|FUNCTION `name` ...} with the routine's database before its
     * name, or unchanged where {@code database} is null. A routine runs in its own database, so its body's names need
     * none.
     */
    static String withDatabase(String create, String database) throws SQLException {
        if (database == null) {
            return create;
        }
        List<SqlToken> tokens = MariaDbSqlText.tokens(create, 5);
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("PROCEDURE") || tokens.get(i).isWord("FUNCTION")) {
                SqlToken name = tokens.get(i + 1);
                if (i + 2 < tokens.size() && tokens.get(i + 2).isSymbol(".")) {
                    return create;
                }
                return create.substring(0, name.start()) + MariaDbSqlText.identifier(database) + "."
                        + create.substring(name.start());
            }
        }
        throw new SQLException("Cannot find the routine's name in MariaDB's " + create, "HY000");
    }

    /**
     * The body of {@code CREATE ... TRIGGER ... FOR EACH ROW [FOLLOWS | PRECEDES other] <body>}; only the header is
     * read, so the body's text may be anything the server took.
     */
    static String triggerBody(String name, String original) throws SQLException {
        SqlLexer lexer = new SqlLexer(original, true);
        List<SqlToken> header = new ArrayList<>();
        for (SqlToken token = lexer.next(); token.kind() != SqlToken.Kind.END; token = lexer.next()) {
            int n = header.size();
            if (n >= 3 && header.get(n - 3).isWord("FOR") && header.get(n - 2).isWord("EACH") && header.get(n - 1).isWord("ROW")) {
                if (token.isWord("FOLLOWS") || token.isWord("PRECEDES")) {
                    lexer.next(); // the other trigger's name, perhaps qualified: database.trigger
                    for (token = lexer.next(); token.isSymbol("."); token = lexer.next()) {
                        lexer.next();
                    }
                }
                if (token.kind() != SqlToken.Kind.END) {
                    return original.substring(token.start());
                }
                break;
            }
            header.add(token);
        }
        throw new SQLException("Cannot read the body of trigger " + name + " in MariaDB's " + original, "HY000");
    }
}
