package dev.ferry.it;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * An application with ferry.jar and H2 on its class path (run by LibraryLoggingIT in a JVM of its own): a Parquet
 * export and import through the driver, then a warning and an INFO line logged as ferry.jar's relocated Parquet logs
 * them. Every java.util.logging record is printed to standard output as "LEVEL logger message".
 */
public final class LibraryUse {
    private LibraryUse() {
    }

    public static void main(String[] args) throws Exception {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                System.out.println(record.getLevel() + " " + record.getLoggerName() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        String dir = Path.of(args[0]).toAbsolutePath().toString();
        try (Connection c = DriverManager.getConnection("jdbc:ferry:h2:mem:from", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))");
            s.execute("INSERT INTO t SELECT x, 'n' || x FROM SYSTEM_RANGE(1, 1000)");
            s.execute("EXPORT DATABASE '" + dir + "' (FORMAT parquet)");
        }
        try (Connection c = DriverManager.getConnection("jdbc:ferry:h2:mem:to", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("IMPORT DATABASE '" + dir + "'");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
                rs.next();
                System.out.println("rows " + rs.getLong(1));
            }
        }
        Class<?> factory = Class.forName("dev.ferry.shaded.slf4j.LoggerFactory");
        Object logger = factory.getMethod("getLogger", String.class)
                .invoke(null, "dev.ferry.shaded.parquet.hadoop.ParquetFileReader");
        Method warn = logger.getClass().getMethod("warn", String.class, Object.class);
        Method info = logger.getClass().getMethod("info", String.class, Object.class);
        warn.invoke(logger, "a warning about {}", "a file");
        info.invoke(logger, "an info line about {}", "a file");
    }
}
