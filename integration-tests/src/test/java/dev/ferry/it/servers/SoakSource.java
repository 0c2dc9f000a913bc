package dev.ferry.it.servers;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The soak test's source database: customers and their orders (a foreign key, mixed types), a few counters the
 * transactions update, the events they insert, and a scratch table COPY loads into. Only {@code events} and
 * {@code scratch} grow while the soak runs; the others keep the rows they are filled with.
 */
final class SoakSource {
    static final int CUSTOMERS = 1_000;
    static final int ORDERS_PER_CUSTOMER = 3;
    static final int COUNTERS = 10;
    static final List<String> TABLES = List.of("customer", "orders", "counter", "events", "scratch");

    private SoakSource() {
    }

    /** Creates the tables and fills them, on a plain connection to the source database. */
    static void fill(Connection connection, TestServer.Engine engine) throws SQLException {
        String customerColumns = "id int NOT NULL, name varchar(60) NOT NULL, joined date, balance decimal(12, 2),"
                + " active boolean, notes varchar(200)";
        String utf8 = engine == TestServer.Engine.MARIADB ? " DEFAULT CHARSET=utf8mb4" : "";
        ServerQueries.execute(connection,
                "CREATE TABLE customer (" + customerColumns + ", PRIMARY KEY (id))" + utf8,
                "CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL, placed timestamp NULL,"
                        + " amount double precision, FOREIGN KEY (customer_id) REFERENCES customer (id))" + utf8,
                "CREATE INDEX orders_customer ON orders (customer_id)",
                "CREATE TABLE counter (id int PRIMARY KEY, hits int NOT NULL)",
                "CREATE TABLE events (worker int NOT NULL, step int NOT NULL, note varchar(40))" + utf8,
                "CREATE TABLE scratch (" + customerColumns + ")" + utf8);
        connection.setAutoCommit(false);
        try (PreparedStatement customer = connection.prepareStatement(
                "INSERT INTO customer VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int id = 1; id <= CUSTOMERS; id++) {
                customer.setInt(1, id);
                customer.setString(2, "customer " + id + (id % 7 == 0 ? " «ünïcødé», \"quoted\"" : ""));
                customer.setDate(3, id % 11 == 0 ? null : Date.valueOf(LocalDate.of(2020, 1, 1).plusDays(id)));
                customer.setBigDecimal(4, BigDecimal.valueOf(id * 137L - 50_000, 2));
                customer.setBoolean(5, id % 3 == 0);
                customer.setString(6, id % 5 == 0 ? null : "line one\nline two, " + id);
                customer.addBatch();
            }
            customer.executeBatch();
        }
        try (PreparedStatement order = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?)")) {
            for (int id = 1; id <= CUSTOMERS * ORDERS_PER_CUSTOMER; id++) {
                order.setInt(1, id);
                order.setInt(2, (id - 1) % CUSTOMERS + 1);
                order.setTimestamp(3, Timestamp.valueOf(LocalDateTime.of(2024, 2, 29, 12, 0).plusMinutes(id * 7L)));
                order.setDouble(4, id / 8.0);
                order.addBatch();
            }
            order.executeBatch();
        }
        try (PreparedStatement counter = connection.prepareStatement("INSERT INTO counter VALUES (?, 0)")) {
            for (int id = 1; id <= COUNTERS; id++) {
                counter.setInt(1, id);
                counter.addBatch();
            }
            counter.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
    }
}
