package dev.ferry.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Prints a result set as a text table, like a SQL shell; only the first rows are kept and shown. */
final class TablePrinter implements ResultPrinter {
    private static final int MAX_ROWS = 1_000;
    private static final int MAX_WIDTH = 60;

    private final PrintStream out;

    TablePrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void print(ResultSet resultSet) throws SQLException {
        ResultSetMetaData metaData = resultSet.getMetaData();
        int columns = metaData.getColumnCount();
        String[] header = new String[columns];
        int[] widths = new int[columns];
        for (int i = 0; i < columns; i++) {
            header[i] = metaData.getColumnLabel(i + 1);
            widths[i] = header[i].length();
        }
        List<String[]> rows = new ArrayList<>();
        long total = 0;
        while (resultSet.next()) {
            total++;
            if (rows.size() < MAX_ROWS) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = cell(resultSet.getString(i + 1));
                    widths[i] = Math.max(widths[i], row[i].length());
                }
                rows.add(row);
            }
        }
        String rule = rule(widths);
        out.println(rule);
        out.println(line(header, widths));
        out.println(rule);
        for (String[] row : rows) {
            out.println(line(row, widths));
        }
        out.println(rule);
        out.println(total + (total == 1 ? " row" : " rows") + (total > rows.size() ? " (" + rows.size() + " shown)" : ""));
    }

    private static String cell(String value) {
        if (value == null) {
            return "NULL";
        }
        String flat = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return flat.length() > MAX_WIDTH ? flat.substring(0, MAX_WIDTH - 1) + "…" : flat;
    }

    private static String rule(int[] widths) {
        StringBuilder line = new StringBuilder("+");
        for (int width : widths) {
            line.append("-".repeat(width + 2)).append('+');
        }
        return line.toString();
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            line.append(' ').append(cells[i]).append(" ".repeat(widths[i] - cells[i].length())).append(" |");
        }
        return line.toString();
    }
}
