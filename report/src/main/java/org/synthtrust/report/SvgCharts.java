package org.synthtrust.report;

import static org.synthtrust.report.HtmlRenderer.esc;
import static org.synthtrust.report.HtmlRenderer.n;

import java.awt.Color;
import java.util.List;

/**
 * Inline SVG versions of the chart kinds in {@link Charts}, for the HTML report. They show the same data with
 * simpler styling; the JFreeChart definitions remain the reference for the PDF and the desktop application.
 */
final class SvgCharts {
    private static final int W = 460;
    private static final int H = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 16;
    private static final int TOP = 34;
    private static final int BOTTOM = 70;

    private SvgCharts() { }

    static String svg(ReportModel.Chart chart) {
        StringBuilder s = new StringBuilder(4096);
        int height = "hbar".equals(chart.kind()) ? Math.max(H, TOP + 40 + 16 * chart.categories().size()) : H;
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(height).append("\" role=\"img\">");
        s.append("<title>").append(esc(chart.title())).append("</title>");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        text(s, W / 2.0, 18, esc(chart.title()), "middle", 13, true);
        switch (chart.kind()) {
            case "bar", "interval" -> bars(s, chart, height, "interval".equals(chart.kind()));
            case "hbar" -> hbars(s, chart, height);
            case "line", "scatter" -> lines(s, chart, height);
            case "heatmap" -> heatmap(s, chart, height);
            case "radar" -> radar(s, chart, height);
            default -> throw new IllegalArgumentException("unknown chart kind '" + chart.kind() + "'");
        }
        if (chart.note() != null) {
            text(s, W / 2.0, height - 4, esc(chart.note()), "middle", 9, false);
        }
        s.append("</svg>");
        return s.toString();
    }

    private static String colour(int i) {
        Color c = Charts.PALETTE[i % Charts.PALETTE.length];
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static void text(StringBuilder s, double x, double y, String escaped, String anchor, int size, boolean bold) {
        s.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(size)
                .append("\" text-anchor=\"").append(anchor).append('"');
        if (bold) {
            s.append(" font-weight=\"bold\"");
        }
        s.append('>').append(escaped).append("</text>");
    }

    private static double[] range(ReportModel.Chart chart, boolean intervals) {
        double min = 0;
        double max = 0;
        for (ReportModel.Series series : chart.series()) {
            for (int i = 0; i < series.values().size(); i++) {
                Double v = series.values().get(i);
                if (v == null) {
                    continue;
                }
                double hi = intervals && series.upper() != null && series.upper().get(i) != null ? series.upper().get(i) : v;
                double lo = intervals && series.lower() != null && series.lower().get(i) != null ? series.lower().get(i) : v;
                max = Math.max(max, hi);
                min = Math.min(min, lo);
            }
        }
        return new double[] {min, max == min ? min + 1 : max};
    }

    private static void legend(StringBuilder s, List<String> names, double y) {
        double x = LEFT;
        for (int i = 0; i < names.size(); i++) {
            s.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y - 8)).append("\" width=\"9\" height=\"9\" fill=\"")
                    .append(colour(i)).append("\"/>");
            text(s, x + 12, y, esc(names.get(i)), "start", 10, false);
            x += 20 + 6.5 * names.get(i).length();
        }
    }

    private static void axes(StringBuilder s, double[] range, int height, String yLabel) {
        double plotH = height - TOP - BOTTOM;
        s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT)
                .append("\" y2=\"").append(n(TOP + plotH)).append("\" stroke=\"#444\"/>");
        for (int t = 0; t <= 4; t++) {
            double v = range[0] + (range[1] - range[0]) * t / 4;
            double y = TOP + plotH - plotH * t / 4;
            s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(n(y)).append("\" x2=\"").append(W - RIGHT)
                    .append("\" y2=\"").append(n(y)).append("\" stroke=\"#e4e4e4\"/>");
            text(s, LEFT - 4, y + 3, esc(Fmt.num(Math.round(v * 1000) / 1000.0)), "end", 9, false);
        }
        if (yLabel != null) {
            s.append("<text transform=\"translate(12,").append(n(TOP + plotH / 2)).append(") rotate(-90)\" font-size=\"10\" text-anchor=\"middle\">")
                    .append(esc(yLabel)).append("</text>");
        }
    }

    private static void bars(StringBuilder s, ReportModel.Chart chart, int height, boolean intervals) {
        double[] range = range(chart, intervals);
        axes(s, range, height, chart.yLabel());
        double plotW = W - LEFT - RIGHT;
        double plotH = height - TOP - BOTTOM;
        int cats = chart.categories().size();
        int series = chart.series().size();
        double slot = plotW / Math.max(1, cats);
        double bar = slot * 0.8 / Math.max(1, series);
        for (int c = 0; c < cats; c++) {
            double x0 = LEFT + c * slot + slot * 0.1;
            for (int k = 0; k < series; k++) {
                ReportModel.Series sr = chart.series().get(k);
                Double v = sr.values().get(c);
                if (v == null) {
                    continue;
                }
                double yv = TOP + plotH - plotH * (v - range[0]) / (range[1] - range[0]);
                double y0 = TOP + plotH - plotH * (0 - range[0]) / (range[1] - range[0]);
                double x = x0 + k * bar;
                if (intervals) {
                    double lo = sr.lower() == null || sr.lower().get(c) == null ? v : sr.lower().get(c);
                    double hi = sr.upper() == null || sr.upper().get(c) == null ? v : sr.upper().get(c);
                    double ylo = TOP + plotH - plotH * (lo - range[0]) / (range[1] - range[0]);
                    double yhi = TOP + plotH - plotH * (hi - range[0]) / (range[1] - range[0]);
                    s.append("<line x1=\"").append(n(x + bar / 2)).append("\" y1=\"").append(n(ylo)).append("\" x2=\"")
                            .append(n(x + bar / 2)).append("\" y2=\"").append(n(yhi)).append("\" stroke=\"").append(colour(k))
                            .append("\" stroke-width=\"2\"/>");
                    s.append("<circle cx=\"").append(n(x + bar / 2)).append("\" cy=\"").append(n(yv)).append("\" r=\"3.5\" fill=\"")
                            .append(colour(k)).append("\"/>");
                } else {
                    s.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(Math.min(yv, y0))).append("\" width=\"")
                            .append(n(bar)).append("\" height=\"").append(n(Math.abs(y0 - yv))).append("\" fill=\"")
                            .append(colour(k)).append("\"/>");
                }
            }
            double lx = LEFT + c * slot + slot / 2;
            double ly = TOP + plotH + 10;
            s.append("<text transform=\"translate(").append(n(lx)).append(',').append(n(ly))
                    .append(") rotate(35)\" font-size=\"9\">").append(esc(chart.categories().get(c))).append("</text>");
        }
        if (series > 1) {
            legend(s, chart.series().stream().map(ReportModel.Series::name).toList(), height - 16);
        }
    }

    private static void hbars(StringBuilder s, ReportModel.Chart chart, int height) {
        int labelW = 150;
        double plotW = W - labelW - RIGHT - 10;
        int cats = chart.categories().size();
        double slot = (height - TOP - 40.0) / Math.max(1, cats);
        double[] range = range(chart, false);
        int series = chart.series().size();
        for (int c = 0; c < cats; c++) {
            double y = TOP + c * slot;
            text(s, labelW - 4, y + slot * 0.65, esc(chart.categories().get(c)), "end", 9, false);
            for (int k = 0; k < series; k++) {
                Double v = chart.series().get(k).values().get(c);
                if (v == null) {
                    continue;
                }
                double w = plotW * (v - range[0]) / (range[1] - range[0]);
                s.append("<rect x=\"").append(labelW).append("\" y=\"").append(n(y + slot * 0.1 + k * slot * 0.8 / series))
                        .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(slot * 0.8 / series))
                        .append("\" fill=\"").append(colour(k)).append("\"/>");
            }
        }
        double axisY = TOP + cats * slot + 12;
        for (int t = 0; t <= 4; t++) {
            double v = range[0] + (range[1] - range[0]) * t / 4;
            text(s, labelW + plotW * t / 4, axisY, esc(Fmt.num(Math.round(v * 1000) / 1000.0)), "middle", 9, false);
        }
        if (chart.yLabel() != null) {
            text(s, labelW + plotW / 2, axisY + 14, esc(chart.yLabel()), "middle", 10, false);
        }
    }

    private static void lines(StringBuilder s, ReportModel.Chart chart, int height) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (ReportModel.Line line : chart.lines()) {
            for (int i = 0; i < line.x().size(); i++) {
                xMin = Math.min(xMin, line.x().get(i));
                xMax = Math.max(xMax, line.x().get(i));
                yMin = Math.min(yMin, line.y().get(i));
                yMax = Math.max(yMax, line.y().get(i));
            }
        }
        if (chart.xMax() != null) {
            xMin = 0;
            xMax = chart.xMax();
            yMin = 0;
            yMax = chart.xMax();
            for (ReportModel.Line line : chart.lines()) {
                for (int i = 0; i < line.x().size(); i++) {
                    if (line.x().get(i) <= xMax) {
                        yMax = Math.max(yMax, line.y().get(i));
                    }
                }
            }
            yMax = Math.min(1.0, yMax * 1.1);
        }

        if ("scatter".equals(chart.kind())) {
            // Pad the ranges so points on the extremes stay inside the plot area.
            double padX = Math.max(1e-9, (xMax - xMin) * 0.08);
            double padY = Math.max(1e-9, (yMax - yMin) * 0.08);
            xMin -= padX;
            xMax += padX;
            yMin -= padY;
            yMax += padY;
        }
        if (xMax <= xMin) {
            xMax = xMin + 1;
        }
        if (yMax <= yMin) {
            yMax = yMin + 1;
        }

        axes(s, new double[] {yMin, yMax}, height, chart.yLabel());
        double plotW = W - LEFT - RIGHT;
        double plotH = height - TOP - BOTTOM;
        boolean scatter = "scatter".equals(chart.kind());

        for (int k = 0; k < chart.lines().size(); k++) {
            ReportModel.Line line = chart.lines().get(k);
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < line.x().size(); i++) {
                double x = line.x().get(i);
                double y = line.y().get(i);
                boolean last = false;
                if (x > xMax && i > 0) {
                    // Cut the line where it leaves a zoomed x range, by linear interpolation.
                    double x0 = line.x().get(i - 1);
                    double y0 = line.y().get(i - 1);
                    y = y0 + (y - y0) * (xMax - x0) / (x - x0);
                    x = xMax;
                    last = true;
                } else if (x > xMax) {
                    break;
                }
                double px = LEFT + plotW * (x - xMin) / (xMax - xMin);
                double py = TOP + plotH - plotH * (Math.min(y, yMax) - yMin) / (yMax - yMin);
                if (scatter) {
                    s.append("<circle cx=\"").append(n(px)).append("\" cy=\"").append(n(py)).append("\" r=\"4\" fill=\"")
                            .append(colour(k)).append("\"/>");
                } else {
                    points.append(n(px)).append(',').append(n(py)).append(' ');
                }
                if (last) {
                    break;
                }
            }
            if (!scatter) {
                s.append("<polyline fill=\"none\" stroke-width=\"1.8\" stroke=\"").append(colour(k)).append("\" points=\"")
                        .append(points.toString().trim()).append("\"/>");
            }
        }

        for (int t = 0; t <= 4; t++) {
            double v = xMin + (xMax - xMin) * t / 4;
            text(s, LEFT + plotW * t / 4, TOP + plotH + 13, esc(Fmt.num(Math.round(v * 1000) / 1000.0)), "middle", 9, false);
        }
        text(s, LEFT + plotW / 2, TOP + plotH + 28, esc(chart.xLabel()), "middle", 10, false);
        legend(s, chart.lines().stream().map(ReportModel.Line::name).toList(), height - 16);
    }

    private static void heatmap(StringBuilder s, ReportModel.Chart chart, int height) {
        int n = chart.matrix().size();
        double side = Math.min(W - 120.0, height - TOP - 90.0) / Math.max(1, n);
        double maxAbs = 1e-12;
        for (List<Double> row : chart.matrix()) {
            for (Double v : row) {
                if (v != null) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
            }
        }
        double x0 = 110;
        for (int r = 0; r < n; r++) {
            text(s, x0 - 4, TOP + r * side + side * 0.65, esc(chart.categories().get(r)), "end", 8, false);
            for (int c = 0; c < n; c++) {
                Double v = chart.matrix().get(r).get(c);
                Color colour = v == null ? Color.LIGHT_GRAY : Charts.diverging(0.5 + 0.5 * v / maxAbs);
                s.append("<rect x=\"").append(n(x0 + c * side)).append("\" y=\"").append(n(TOP + r * side))
                        .append("\" width=\"").append(n(side)).append("\" height=\"").append(n(side)).append("\" fill=\"")
                        .append(String.format("#%02x%02x%02x", colour.getRed(), colour.getGreen(), colour.getBlue()))
                        .append("\"><title>").append(esc(chart.categories().get(r) + " / " + chart.categories().get(c) + ": "
                        + Fmt.num(v))).append("</title></rect>");
            }
        }
        for (int c = 0; c < n; c++) {
            double lx = x0 + c * side + side * 0.6;
            double ly = TOP + n * side + 4;
            s.append("<text transform=\"translate(").append(n(lx)).append(',').append(n(ly))
                    .append(") rotate(-90)\" font-size=\"8\" text-anchor=\"end\">").append(esc(chart.categories().get(c))).append("</text>");
        }
        text(s, x0 + n * side + 8, TOP + 10, esc("range \u00b1" + Fmt.num(Math.round(maxAbs * 1000) / 1000.0)), "start", 9, false);
    }

    private static void radar(StringBuilder s, ReportModel.Chart chart, int height) {
        int axes = chart.categories().size();
        double cx = W / 2.0;
        double cy = TOP + (height - TOP - 30) / 2.0 + 4;
        double radius = (height - TOP - 60) / 2.0;
        for (int a = 0; a < axes; a++) {
            double angle = -Math.PI / 2 + 2 * Math.PI * a / axes;
            double x = cx + radius * Math.cos(angle);
            double y = cy + radius * Math.sin(angle);
            s.append("<line x1=\"").append(n(cx)).append("\" y1=\"").append(n(cy)).append("\" x2=\"").append(n(x))
                    .append("\" y2=\"").append(n(y)).append("\" stroke=\"#bbb\"/>");
            text(s, cx + (radius + 12) * Math.cos(angle), cy + (radius + 12) * Math.sin(angle) + 3,
                    esc(chart.categories().get(a)), "middle", 9, false);
        }
        for (int k = 0; k < chart.series().size(); k++) {
            StringBuilder points = new StringBuilder();
            List<Double> values = chart.series().get(k).values();
            for (int a = 0; a < axes; a++) {
                double v = values.get(a) == null ? 0 : Math.max(0, Math.min(1, values.get(a)));
                double angle = -Math.PI / 2 + 2 * Math.PI * a / axes;
                points.append(n(cx + radius * v * Math.cos(angle))).append(',').append(n(cy + radius * v * Math.sin(angle))).append(' ');
            }
            s.append("<polygon points=\"").append(points.toString().trim()).append("\" fill=\"").append(colour(k))
                    .append("\" fill-opacity=\"0.25\" stroke=\"").append(colour(k)).append("\" stroke-width=\"1.5\"/>");
        }
        legend(s, chart.series().stream().map(ReportModel.Series::name).toList(), height - 16);
    }
}
