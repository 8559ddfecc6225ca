package dev.tender.summary;

import java.util.List;
import java.util.function.Predicate;

/**
 * An HTML table whose columns of figures are aligned right, the rest left: a column is of figures
 * when it has a cell and every cell that is not empty reads as one.
 */
final class Tables {

    private Tables() {}

    static void write(
            StringBuilder html, Svg svg, List<String> headers, List<List<String>> rows, Predicate<String> isFigure) {
        boolean[] figures = new boolean[headers.size()];
        for (int c = 0; c < figures.length; c++) {
            int column = c;
            figures[c] = rows.stream().anyMatch(row -> !row.get(column).isEmpty())
                    && rows.stream().allMatch(row -> row.get(column).isEmpty() || isFigure.test(row.get(column)));
        }
        html.append("<div class=\"wide\"><table><thead><tr>");
        for (int c = 0; c < headers.size(); c++) {
            cell(svg, "th", headers.get(c), figures[c]);
        }
        html.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                cell(svg, "td", row.get(c), figures[c]);
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private static void cell(Svg svg, String tag, String text, boolean figure) {
        if (figure) {
            svg.with(tag, text, "class", "n");
        } else {
            svg.with(tag, text);
        }
    }
}
