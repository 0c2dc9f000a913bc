package dev.ferry.core.dialect.postgres;

import dev.ferry.core.dialect.SharedSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * PostgreSQL's exported snapshot, as {@code pg_dump -j} uses it: the leader's transaction names its snapshot with
 * {@code pg_export_snapshot()}, and each follower adopts it with {@code SET TRANSACTION SNAPSHOT} as the first
 * statement of its REPEATABLE READ transaction. The snapshot stays importable while the leader's transaction is open,
 * which it is for the whole export; nothing is held beyond it.
 *
 * <p>The followers also take the leader's settings that shape the text of values (the user may have changed them on
 * their connection, and the followers come from the URL): an array of timestamptz is written in the session's
 * TimeZone, an interval in its IntervalStyle, and so on.
 */
final class PostgresSnapshot implements SharedSnapshot {
    /** The settings by which PostgreSQL writes a value's text, or resolves a name in it. */
    private static final List<String> SETTINGS = List.of("TimeZone", "DateStyle", "IntervalStyle",
            "extra_float_digits", "bytea_output", "lc_monetary", "search_path");

    private final String id;
    private final List<String> settings;

    private PostgresSnapshot(String id, List<String> settings) {
        this.id = id;
        this.settings = settings;
    }

    /** Exports the snapshot of {@code leader}'s open transaction, and reads its settings. */
    static PostgresSnapshot export(Connection leader) throws SQLException {
        String sql = "SELECT pg_export_snapshot()" + SETTINGS.stream().map(name -> ", current_setting('" + name + "')")
                .collect(Collectors.joining());
        try (Statement statement = leader.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            List<String> values = new ArrayList<>();
            for (int i = 0; i < SETTINGS.size(); i++) {
                values.add(row.getString(i + 2));
            }
            return new PostgresSnapshot(row.getString(1), values);
        }
    }

    @Override
    public void join(Connection follower) throws SQLException {
        // SET TRANSACTION SNAPSHOT takes a literal only, not a parameter; the id is the server's own text.
        try (PreparedStatement statement = follower.prepareStatement("SET TRANSACTION SNAPSHOT '"
                + id.replace("'", "''") + "'")) {
            statement.execute();
        }
        // After SET TRANSACTION SNAPSHOT, which must come first in the transaction; set for the session.
        String sql = "SELECT " + SETTINGS.stream().map(name -> "set_config('" + name + "', ?, false)")
                .collect(Collectors.joining(", "));
        try (PreparedStatement statement = follower.prepareStatement(sql)) {
            for (int i = 0; i < settings.size(); i++) {
                statement.setString(i + 1, settings.get(i));
            }
            statement.execute();
        }
    }

    @Override
    public void close() {
    }
}
