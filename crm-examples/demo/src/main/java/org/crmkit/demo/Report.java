package org.crmkit.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page of the demo's figures: text and inline SVG charts, each a {@code <figure
 * class="chart">} with a caption, no scripts, no network. Numbers carry thousands separators and instants read as
 * dates. Not thread-safe.
 */
final class Report {
    private static final String[] COLOURS = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759"};
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'",
            Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int WIDTH = 640;
    private final StringBuilder body = new StringBuilder();
    private int charts;

    void heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
    }

    void paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
    }

    /** {@return how many charts the page holds} */
    int charts() {
        return charts;
    }

    /**
     * Horizontal bars, grouped when there are several series.
     *
     * @param values one row per label, one column per series
     * @param unit written after each value, such as {@code "%"} or {@code " days"}
     * @param caption what the chart shows, in a sentence
     */
    void bars(String title, List<String> labels, List<String> series, double[][] values, String unit,
              String caption) {
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        int bar = 14;
        int group = bar * series.size() + 8;
        int left = 220;
        int height = 30 + group * labels.size() + 24;
        StringBuilder svg = svg(title, height);
        for (int i = 0; i < labels.size(); i++) {
            int y = 30 + i * group;
            svg.append(text(left - 8, y + group / 2.0, labels.get(i), "end"));
            for (int s = 0; s < series.size(); s++) {
                double v = values[i][s];
                // A zero still shows as a hairline, so that an empty bar is seen to be zero, not missing.
                double w = max == 0 ? 1 : Math.max(1, (WIDTH - left - 110) * v / max);
                svg.append(String.format(Locale.ROOT,
                        "<rect class=\"mark\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\">"
                                + "<title>%s</title></rect>", left, y + s * bar, w, bar - 2,
                        COLOURS[s % COLOURS.length], escape(labels.get(i) + ", " + series.get(s) + ": "
                                + number(v) + unit)));
                svg.append(text(left + w + 4, y + s * bar + bar - 4, number(v) + unit, "start"));
            }
        }
        legend(svg, series, height - 10);
        figure(svg, caption);
    }

    /**
     * A grid of counts, one square per cell, darker for more: two dimensions of a segmentation at a glance.
     *
     * @param rowsName what the rows are, such as {@code brand loyalty}
     * @param columnsName what the columns are
     * @param counts one row per row label, one column per column label
     * @param caption what the chart shows
     */
    void grid(String title, String rowsName, List<String> rows, String columnsName, List<String> columns,
              long[][] counts, String caption) {
        long max = 1;
        for (long[] row : counts) {
            for (long v : row) {
                max = Math.max(max, v);
            }
        }
        int cell = 90;
        int left = 170;
        int top = 60;
        StringBuilder svg = svg(title, top + cell * rows.size() + 20);
        svg.append(text(left + cell * columns.size() / 2.0, 40, columnsName, "middle"));
        for (int c = 0; c < columns.size(); c++) {
            svg.append(text(left + c * cell + cell / 2.0, 56, columns.get(c), "middle"));
        }
        for (int r = 0; r < rows.size(); r++) {
            svg.append(text(left - 8, top + r * cell + cell / 2.0 + 4, rows.get(r), "end"));
            for (int c = 0; c < columns.size(); c++) {
                long v = counts[r][c];
                double shade = 0.15 + 0.85 * v / max;
                svg.append(String.format(Locale.ROOT, "<rect class=\"mark\" x=\"%d\" y=\"%d\" width=\"%d\""
                        + " height=\"%d\" fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"#fff\"><title>%s</title></rect>",
                        left + c * cell, top + r * cell, cell, cell, COLOURS[0], shade,
                        escape(rows.get(r) + " / " + columns.get(c) + ": " + number(v))));
                svg.append(text(left + c * cell + cell / 2.0, top + r * cell + cell / 2.0 + 5, number(v), "middle")
                        .replace("<text", "<text font-size=\"16\""));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\""
                + " text-anchor=\"middle\">%s</text>", top + cell * rows.size() / 2, top + cell * rows.size() / 2,
                escape(rowsName)));
        figure(svg, caption);
    }

    /** A line from (0, 0) through the points, both axes from 0 to 1, with the diagonal for reference. */
    void curve(String title, double[] xs, double[] ys, String xLabel, String yLabel, String caption) {
        int size = 300;
        int left = 60;
        int top = 30;
        StringBuilder svg = svg(title, size + top + 50);
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\""
                + " stroke=\"#999\"/>", left, top, size, size));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\""
                + " stroke-dasharray=\"4\"/>", left, top + size, left + size, top));
        StringBuilder points = new StringBuilder(String.format(Locale.ROOT, "%d,%d", left, top + size));
        for (int i = 0; i < xs.length; i++) {
            points.append(String.format(Locale.ROOT, " %.1f,%.1f", left + xs[i] * size, top + size - ys[i] * size));
        }
        svg.append("<polyline class=\"mark\" fill=\"none\" stroke=\"").append(COLOURS[0])
                .append("\" stroke-width=\"2\" points=\"").append(points).append("\"/>");
        svg.append(text(left + size / 2.0, top + size + 30, xLabel, "middle"));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\""
                + " text-anchor=\"middle\">%s</text>", top + size / 2, top + size / 2, escape(yLabel)));
        for (int t = 0; t <= 4; t++) {
            double f = t / 4.0;
            svg.append(text(left + f * size, top + size + 14, number(100 * f) + "%", "middle"));
            svg.append(text(left - 4, top + size - f * size + 4, number(100 * f) + "%", "end"));
        }
        figure(svg, caption);
    }

    /** Writes the page as {@code report.html} in the folder, creating it. */
    Path write(Path folder, String title) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve("report.html");
        String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title>\n<style>body{font-family:sans-serif;max-width:760px;margin:2em auto;color:#222}"
                + "figure{margin:1em 0 2em}figcaption{font-size:14px;color:#555}"
                + "svg{display:block;margin:0.5em 0}svg text{font-size:12px}</style></head>\n<body>\n<h1>"
                + escape(title) + "</h1>\n" + body + "</body></html>\n";
        Files.writeString(file, page, StandardCharsets.UTF_8);
        return file;
    }

    /** {@return an instant as people read it, such as {@code 6 Mar 2026, 19:00 UTC}} */
    static String when(Instant at) {
        return WHEN.format(at);
    }

    /** {@return a number with thousands separators and at most one decimal} */
    static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.US, "%,.0f", v) : String.format(Locale.US, "%,.1f", v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private void figure(StringBuilder svg, String caption) {
        charts++;
        body.append("<figure class=\"chart\">\n").append(svg).append("</svg>\n<figcaption>").append(escape(caption))
                .append("</figcaption>\n</figure>\n");
    }

    private static StringBuilder svg(String title, int height) {
        return new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\"><title>%s</title>", WIDTH, height,
                WIDTH, height, escape(title)))
                .append(text(0, 16, title, "start").replace("<text", "<text font-weight=\"bold\""));
    }

    private static void legend(StringBuilder svg, List<String> series, int y) {
        if (series.size() < 2) {
            return;
        }
        int x = 220;
        for (int s = 0; s < series.size(); s++) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>",
                    x, y - 9, COLOURS[s % COLOURS.length]));
            svg.append(text(x + 14, y, series.get(s), "start"));
            x += 20 + 8 * series.get(s).length();
        }
    }

    private static String text(double x, double y, String text, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor,
                escape(text));
    }
}
