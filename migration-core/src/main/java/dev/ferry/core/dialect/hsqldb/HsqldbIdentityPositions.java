package dev.ferry.core.dialect.hsqldb;

import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values HSQLDB's identity columns hand out next. INFORMATION_SCHEMA shows an identity's start and increment but
 * not its position (2.5.2 and 2.7.4 alike); the DDL that HSQLDB's {@code SCRIPT} statement gives holds it, as
 * {@code ALTER TABLE <table> ALTER COLUMN <column> RESTART WITH <next>} after each table with an identity column.
 * {@code SCRIPT} takes administrator rights.
 */
final class HsqldbIdentityPositions {
    /** The SQLState of HSQLDB's "admin rights required". */
    private static final String NOT_ADMIN = "42507";
    /** The SQLState of SCRIPT on a read-only connection or database. */
    private static final String READ_ONLY = "25006";

    private final Map<String, Long> next;

    private HsqldbIdentityPositions(Map<String, Long> next) {
        this.next = next;
    }

    /**
     * The positions of every identity column, or empty where the user may not run {@code SCRIPT} (no administrator
     * rights, or a read-only database).
     */
    static Optional<HsqldbIdentityPositions> read(Connection connection) throws SQLException {
        Map<String, Long> next = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SCRIPT")) {
            while (rows.next()) {
                String line = rows.getString(1);
                if (line.startsWith("ALTER TABLE ") && line.contains(" RESTART WITH ")) {
                    add(line, next);
                }
            }
        } catch (SQLException e) {
            if (NOT_ADMIN.equals(e.getSQLState()) || READ_ONLY.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(new HsqldbIdentityPositions(next));
    }

    /** Reads {@code ALTER TABLE <schema>.<table> ALTER COLUMN <column> RESTART WITH <n>}; anything else is skipped. */
    static void add(String line, Map<String, Long> next) throws SQLException {
        List<SqlToken> tokens = SqlLexer.tokens(line, false);
        boolean shaped = tokens.size() >= 11 && tokens.get(3).isSymbol(".") && tokens.get(5).isWord("ALTER")
                && tokens.get(6).isWord("COLUMN") && tokens.get(8).isWord("RESTART") && tokens.get(9).isWord("WITH");
        if (!shaped) {
            return;
        }
        boolean negative = tokens.get(10).isSymbol("-");
        String number = tokens.get(negative ? 11 : 10).text();
        next.put(key(new QualifiedName(tokens.get(2).text(), tokens.get(4).text()), tokens.get(7).text()),
                negative ? -Long.parseLong(number) : Long.parseLong(number));
    }

    /** The value the identity column hands out next, or null where SCRIPT does not say. */
    Long next(QualifiedName table, String column) {
        return next.get(key(table, column));
    }

    private static String key(QualifiedName table, String column) {
        return table.schema() + '\u0000' + table.name() + '\u0000' + column;
    }
}
