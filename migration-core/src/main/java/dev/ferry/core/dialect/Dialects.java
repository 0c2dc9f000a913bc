package dev.ferry.core.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the dialect for a connection's engine. */
public final class Dialects {

    private Dialects() {
    }

    /**
     * The first dialect registered as a {@link Dialect} service that supports the connection's engine, else
     * the generic {@link StandardDialect}.
     */
    public static Dialect forConnection(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (Dialect dialect : ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader())) {
            if (dialect.supports(metaData)) {
                return dialect;
            }
        }
        return new StandardDialect();
    }

    /**
     * The dialect called {@code name} ({@link Dialect#name}, case-insensitive): {@code h2}, {@code postgresql},
     * {@code mariadb}, {@code sqlite}, {@code duckdb}, {@code hsqldb}, {@code generic}.
     *
     * @throws SQLException (22023) naming the dialects there are, where none is called so
     */
    public static Dialect named(String name) throws SQLException {
        List<String> names = new ArrayList<>();
        for (Dialect dialect : ServiceLoader.load(Dialect.class, Dialects.class.getClassLoader())) {
            if (dialect.name().equalsIgnoreCase(name)) {
                return dialect;
            }
            names.add(dialect.name());
        }
        StandardDialect generic = new StandardDialect();
        if (generic.name().equalsIgnoreCase(name)) {
            return generic;
        }
        names.add(generic.name());
        throw new SQLException("No dialect is called '" + name + "'; there are " + String.join(", ", names), "22023");
    }
}
