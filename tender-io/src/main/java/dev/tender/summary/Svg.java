package dev.tender.summary;

/**
 * Writes SVG and HTML elements into the page: attributes as name and value pairs, text escaped,
 * coordinates with one decimal at most, so the same figures always give the same bytes.
 */
final class Svg {

    private final StringBuilder out;

    Svg(StringBuilder out) {
        this.out = out;
    }

    /** {@code <tag a="1" b="x">}; a value may be a number, written as a coordinate, or text. */
    Svg open(String tag, Object... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        return this;
    }

    Svg close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    /** An element without content: {@code <tag a="1"/>}. */
    Svg empty(String tag, Object... attributes) {
        out.append('<').append(tag);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    /** An element holding text: {@code <tag a="1">text</tag>}. */
    Svg with(String tag, String text, Object... attributes) {
        open(tag, attributes);
        out.append(escape(text));
        out.append("</").append(tag).append('>');
        return this;
    }

    /** A shape with a tooltip: what the shape stands for, in words. */
    Svg shape(String tag, String tooltip, Object... attributes) {
        open(tag, attributes);
        with("title", tooltip);
        out.append("</").append(tag).append(">\n");
        return this;
    }

    Svg line() {
        out.append('\n');
        return this;
    }

    private void attributes(Object... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in pairs of name and value");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            Object value = attributes[i + 1];
            String text = value instanceof Number number ? number(number.doubleValue()) : String.valueOf(value);
            out.append(' ')
                    .append(attributes[i])
                    .append("=\"")
                    .append(escape(text))
                    .append('"');
        }
    }

    /**
     * A coordinate: one decimal, none when it is whole ({@code 12}, {@code 12.5}). Counted in
     * tenths rather than formatted: a chart of a large world has a hundred thousand of them, and
     * {@code String.format} made writing the report take longer than a second.
     */
    static String number(double value) {
        long tenths = Math.round(value * 10);
        long whole = Math.abs(tenths / 10);
        long tenth = Math.abs(tenths % 10);
        String sign = tenths < 0 ? "-" : "";
        return tenth == 0 ? sign + whole : sign + whole + "." + tenth;
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
