package introdl.report;

import introdl.io.AtomicFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code index.html} of a run folder: a title, short texts, tables, images and audio,
 * with links relative to the folder, so the page works when the folder is copied anywhere.
 */
public final class HtmlReport {
    private final StringBuilder body = new StringBuilder();
    private final String title;
    private Supplier<List<String>> warnings = List::of;

    private HtmlReport(String title) {
        this.title = title;
    }

    /** A new report with a title. */
    public static HtmlReport titled(String title) {
        return new HtmlReport(title);
    }

    /**
     * Shows the warnings {@code source} gives when the page is written, under the title, so a
     * report made before training still says what training warned of.
     */
    public HtmlReport warnings(Supplier<List<String>> source) {
        this.warnings = source;
        return this;
    }

    /** A section heading. */
    public HtmlReport heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    /** A paragraph of plain text. */
    public HtmlReport paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /** A two-column table of names and values. */
    public HtmlReport table(Map<String, ?> rows) {
        body.append("<table>\n");
        rows.forEach((k, v) -> body.append("<tr><th>").append(escape(k)).append("</th><td>")
                .append(escape(String.valueOf(v))).append("</td></tr>\n"));
        body.append("</table>\n");
        return this;
    }

    /** A table with a header row. */
    public HtmlReport table(List<String> header, List<List<String>> rows) {
        body.append("<table>\n<tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            row.forEach(c -> body.append("<td>").append(escape(c)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** A table from CSV text (first line is the header). */
    public HtmlReport csvTable(String csv) {
        String[] lines = csv.strip().split("\r?\n");
        List<String> header = List.of(lines[0].split(",", -1));
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            rows.add(List.of(lines[i].split(",", -1)));
        }
        return table(header, rows);
    }

    /** An image from the run folder, with a caption. */
    public HtmlReport image(String relativePath, String caption) {
        body.append("<figure><img src=\"").append(escape(relativePath)).append("\" alt=\"").append(escape(caption))
                .append("\"><figcaption>").append(escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    /** An audio player for a file in the run folder. */
    public HtmlReport audio(String relativePath, String caption) {
        body.append("<figure><audio controls src=\"").append(escape(relativePath)).append("\"></audio><figcaption>")
                .append(escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    /** A link to a file or folder in the run folder. */
    public HtmlReport link(String relativePath, String text) {
        body.append("<p><a href=\"").append(escape(relativePath)).append("\">").append(escape(text)).append("</a></p>\n");
        return this;
    }

    /** Preformatted text (ABC notation, logs). */
    public HtmlReport preformatted(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /** The whole page. */
    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>\n"
                + "body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}\n"
                + "table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .6em;"
                + "text-align:left;font-variant-numeric:tabular-nums}th{background:#f4f4f4}\n"
                + "figure{display:inline-block;margin:.5em 1em 1em 0}img{max-width:100%}figcaption{color:#555}\n"
                + "pre{background:#f7f7f7;padding:.8em;overflow:auto}\n"
                + ".warning{background:#fff3cd;border-left:4px solid #e0a800;padding:.5em .8em}\n"
                + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + warningParagraphs() + body
                + "</body>\n</html>\n";
    }

    private String warningParagraphs() {
        StringBuilder html = new StringBuilder();
        warnings.get().forEach(w -> html.append("<p class=\"warning\"><strong>Warning:</strong> ").append(escape(w))
                .append("</p>\n"));
        return html.toString();
    }

    /** Writes the page (atomically). */
    public Path write(Path file) {
        return AtomicFiles.writeString(file, html());
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
