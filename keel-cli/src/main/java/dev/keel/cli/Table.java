package dev.keel.cli;

import dev.keel.core.io.Printable;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of cells rendered as an aligned text table, CSV (RFC 4180) or a Markdown table. Control
 * characters in cells are escaped, so no input can forge a row or move the cursor.
 */
final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    Table row(Object... cells) {
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(cell == null ? "" : Printable.escape(String.valueOf(cell)));
        }
        rows.add(row);
        return this;
    }

    String render(OutputFormat format) {
        return switch (format) {
            case CSV -> csv();
            case MARKDOWN -> markdown();
            default -> text();
        };
    }

    private String text() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendAligned(out, headers, widths);
        for (List<String> row : rows) {
            appendAligned(out, row, widths);
        }
        return out.toString();
    }

    private static void appendAligned(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(cells.get(i));
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - cells.get(i).length() + 2));
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private String csv() {
        StringBuilder out = new StringBuilder();
        appendCsv(out, headers);
        rows.forEach(row -> appendCsv(out, row));
        return out.toString();
    }

    private static void appendCsv(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                cell = "\"" + cell.replace("\"", "\"\"") + "\"";
            }
            out.append(i == 0 ? "" : ",").append(cell);
        }
        out.append("\r\n");
    }

    private String markdown() {
        StringBuilder out = new StringBuilder();
        appendMarkdown(out, headers);
        out.append('|').append(" --- |".repeat(headers.size())).append('\n');
        rows.forEach(row -> appendMarkdown(out, row));
        return out.toString();
    }

    private static void appendMarkdown(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            out.append(' ')
                    .append(cell.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>"))
                    .append(" |");
        }
        out.append('\n');
    }
}
