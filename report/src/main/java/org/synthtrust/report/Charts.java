package org.synthtrust.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SpiderWebPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One JFreeChart definition per chart kind of {@link ReportModel.Chart}. The PDF renderer draws these charts
 * as vectors and the desktop application shows the same objects in its chart viewer.
 */
public final class Charts {
    /** Series colours, chosen to stay distinguishable in greyscale print (Okabe and Ito 2008 palette). */
    public static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000),
    };

    private Charts() { }

    /** Creates the chart for {@code spec}; throws IllegalArgumentException on an unknown kind. */
    public static JFreeChart create(ReportModel.Chart spec) {
        JFreeChart chart = switch (spec.kind()) {
            case "bar" -> bar(spec, PlotOrientation.VERTICAL);
            case "hbar" -> bar(spec, PlotOrientation.HORIZONTAL);
            case "interval" -> interval(spec);
            case "line", "scatter" -> xy(spec);
            case "heatmap" -> heatmap(spec);
            case "radar" -> radar(spec);
            default -> throw new IllegalArgumentException("unknown chart kind '" + spec.kind()
                    + "'; expected bar, hbar, interval, line, scatter, heatmap or radar");
        };
        // The theme resets renderer paints, so the palette is applied after it.
        theme().apply(chart);
        palette(chart);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (spec.note() != null && !spec.note().isBlank()) {
            TextTitle note = new TextTitle(spec.note(), ReportFonts.awt(false, 8f));
            note.setPosition(RectangleEdge.BOTTOM);
            chart.addSubtitle(note);
        }
        return chart;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("SynthTrust");
        theme.setExtraLargeFont(ReportFonts.awt(true, 12f));
        theme.setLargeFont(ReportFonts.awt(true, 10f));
        theme.setRegularFont(ReportFonts.awt(false, 9f));
        theme.setSmallFont(ReportFonts.awt(false, 8f));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xDDDDDD));
        theme.setRangeGridlinePaint(new Color(0xDDDDDD));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }

    private static JFreeChart bar(ReportModel.Chart spec, PlotOrientation orientation) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ReportModel.Series series : nonNull(spec.series())) {
            for (int i = 0; i < spec.categories().size(); i++) {
                data.addValue(series.values().get(i), series.name(), spec.categories().get(i));
            }
        }
        CategoryAxis domain = new CategoryAxis(spec.xLabel());
        if (orientation == PlotOrientation.VERTICAL && spec.categories().size() > 6) {
            domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        domain.setMaximumCategoryLabelWidthRatio(orientation == PlotOrientation.HORIZONTAL ? 0.4f : 1.0f);
        domain.setMaximumCategoryLabelLines(2);
        BarRenderer renderer = new BarRenderer();
        renderer.setItemMargin(0.02);
        colour(renderer, nonNull(spec.series()).size());
        CategoryPlot plot = new CategoryPlot(data, domain, new NumberAxis(spec.yLabel()), renderer);
        plot.setOrientation(orientation);
        return new JFreeChart(spec.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, nonNull(spec.series()).size() > 1);
    }

    private static JFreeChart interval(ReportModel.Chart spec) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (ReportModel.Series series : nonNull(spec.series())) {
            YIntervalSeries s = new YIntervalSeries(series.name());
            for (int i = 0; i < spec.categories().size(); i++) {
                Double value = series.values().get(i);
                if (value == null) {
                    continue;
                }
                double low = series.lower() == null || series.lower().get(i) == null ? value : series.lower().get(i);
                double high = series.upper() == null || series.upper().get(i) == null ? value : series.upper().get(i);
                s.add(i, value, low, high);
            }
            data.addSeries(s);
        }
        SymbolAxis domain = new SymbolAxis(spec.xLabel(), spec.categories().toArray(new String[0]));
        domain.setGridBandsVisible(false);
        domain.setAutoTickUnitSelection(false);
        domain.setTickUnit(new NumberTickUnit(1));
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDefaultLinesVisible(false);
        renderer.setDrawXError(false);
        renderer.setErrorStroke(new BasicStroke(1.5f));
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        XYPlot plot = new XYPlot(data, domain, new NumberAxis(spec.yLabel()), renderer);
        return new JFreeChart(spec.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, data.getSeriesCount() > 1);
    }

    private static JFreeChart xy(ReportModel.Chart spec) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (ReportModel.Line line : nonNull(spec.lines())) {
            XYSeries s = new XYSeries(line.name(), false, true);
            for (int i = 0; i < line.x().size(); i++) {
                s.add(line.x().get(i), line.y().get(i));
            }
            data.addSeries(s);
        }
        boolean scatter = spec.kind().equals("scatter");
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(!scatter, scatter);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(1.6f));
        }

        NumberAxis x = new NumberAxis(spec.xLabel());
        NumberAxis y = new NumberAxis(spec.yLabel());
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        // Candidates with equal scores would collapse the range and print ticks such as "7E-1" five times.
        x.setAutoRangeMinimumSize(0.05);
        y.setAutoRangeMinimumSize(0.05);
        if (spec.xMax() != null) {
            // Zoomed view (the low-FPR part of a ROC curve): the y axis follows the points inside the zoom.
            double yMax = spec.xMax();
            for (ReportModel.Line line : nonNull(spec.lines())) {
                for (int i = 0; i < line.x().size(); i++) {
                    if (line.x().get(i) <= spec.xMax()) {
                        yMax = Math.max(yMax, line.y().get(i));
                    }
                }
            }
            x.setRange(0.0, spec.xMax());
            y.setRange(0.0, Math.min(1.0, yMax * 1.1));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        return new JFreeChart(spec.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, data.getSeriesCount() > 1);
    }

    private static JFreeChart heatmap(ReportModel.Chart spec) {
        List<List<Double>> matrix = spec.matrix();
        int n = matrix.size();
        int m = n == 0 ? 0 : matrix.get(0).size();
        double[] xs = new double[n * m];
        double[] ys = new double[n * m];
        double[] zs = new double[n * m];
        double maxAbs = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < m; c++) {
                int i = r * m + c;
                Double v = matrix.get(r).get(c);
                xs[i] = c;
                ys[i] = n - 1 - r;
                zs[i] = v == null ? Double.NaN : v;
                if (v != null) {
                    maxAbs = Math.max(maxAbs, Math.abs(v));
                }
            }
        }

        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(spec.title(), new double[][] {xs, ys, zs});
        String[] columns = spec.categories().toArray(new String[0]);
        String[] rows = new String[n];
        for (int r = 0; r < n; r++) {
            rows[r] = columns[n - 1 - r];
        }
        SymbolAxis x = new SymbolAxis(spec.xLabel(), columns) {
            // SymbolAxis drops vertical labels that it judges to overlap by their horizontal width. Every
            // column of a correlation matrix needs its label, and rotated labels only need the line height.
            @Override
            protected List<NumberTick> refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
                List<NumberTick> ticks = new ArrayList<>();
                for (int i = 0; i < columns.length; i++) {
                    ticks.add(new NumberTick(i, columns[i], TextAnchor.CENTER_RIGHT, TextAnchor.CENTER_RIGHT, -Math.PI / 2));
                }
                return ticks;
            }
        };
        x.setVerticalTickLabels(true);
        SymbolAxis y = new SymbolAxis(spec.yLabel(), rows);
        x.setGridBandsVisible(false);
        y.setGridBandsVisible(false);
        // One tick per column; automatic tick units would skip every other label.
        x.setAutoTickUnitSelection(false);
        y.setAutoTickUnitSelection(false);
        x.setTickUnit(new NumberTickUnit(1));
        y.setTickUnit(new NumberTickUnit(1));
        double bound = maxAbs == 0 ? 1.0 : Math.max(maxAbs, 1e-9);
        LookupPaintScale scale = new LookupPaintScale(-bound, bound + 1e-12, Color.LIGHT_GRAY);
        int steps = 20;
        for (int s = 0; s < steps; s++) {
            double t = s / (double) (steps - 1);
            scale.add(-bound + 2 * bound * s / steps, diverging(t));
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart(spec.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis legendAxis = new NumberAxis();
        legendAxis.setRange(-bound, bound);
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(8);
        legend.setAxisOffset(2);
        legend.setMargin(4, 4, 4, 4);
        chart.addSubtitle(legend);
        return chart;
    }

    /** Blue-white-red diverging colour for t in [0, 1], white at 0.5 so that a zero difference reads as blank. */
    static Color diverging(double t) {
        Color low = new Color(0x2166AC);
        Color high = new Color(0xB2182B);
        Color end = t < 0.5 ? low : high;
        double a = Math.abs(t - 0.5) * 2;
        int r = (int) Math.round(255 + (end.getRed() - 255) * a);
        int g = (int) Math.round(255 + (end.getGreen() - 255) * a);
        int b = (int) Math.round(255 + (end.getBlue() - 255) * a);
        return new Color(r, g, b);
    }

    private static JFreeChart radar(ReportModel.Chart spec) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ReportModel.Series series : nonNull(spec.series())) {
            for (int i = 0; i < spec.categories().size(); i++) {
                data.addValue(series.values().get(i), series.name(), spec.categories().get(i));
            }
        }
        SpiderWebPlot plot = new SpiderWebPlot(data);
        plot.setMaxValue(1.0);
        plot.setWebFilled(true);
        plot.setLabelFont(ReportFonts.awt(false, 9f));
        // The default gap (25 %) cuts long axis labels such as "robustness" at the edge of the chart.
        plot.setInteriorGap(0.40);
        for (int i = 0; i < data.getRowCount(); i++) {
            Paint paint = PALETTE[i % PALETTE.length];
            plot.setSeriesPaint(i, paint);
        }
        JFreeChart chart = new JFreeChart(spec.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, data.getRowCount() > 1);
        return chart;
    }

    private static void palette(JFreeChart chart) {
        if (chart.getPlot() instanceof CategoryPlot plot && plot.getRenderer() instanceof BarRenderer renderer) {
            colour(renderer, plot.getDataset().getRowCount());
        } else if (chart.getPlot() instanceof XYPlot plot && !(plot.getRenderer() instanceof XYBlockRenderer)) {
            for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
                plot.getRenderer().setSeriesPaint(i, PALETTE[i % PALETTE.length]);
                plot.getRenderer().setSeriesStroke(i, new BasicStroke(1.6f));
            }
        } else if (chart.getPlot() instanceof SpiderWebPlot plot) {
            for (int i = 0; i < plot.getDataset().getRowCount(); i++) {
                plot.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            }
        }
    }

    private static void colour(BarRenderer renderer, int seriesCount) {
        for (int i = 0; i < seriesCount; i++) {
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
