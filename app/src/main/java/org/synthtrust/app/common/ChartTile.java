package org.synthtrust.app.common;

import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.synthtrust.report.Charts;
import org.synthtrust.report.ReportModel;

/**
 * One chart in a JFreeChart-FX {@link ChartViewer}. The chart object comes from the report module's
 * {@link Charts} factory, so the workbench and the PDF draw the same definition. Building a chart loads fonts
 * and Java2D classes (a second or more the first time), so {@link #showAll} builds them on a worker and only
 * puts the viewers into the scene on the FX thread.
 */
public final class ChartTile extends StackPane {
    private final ChartViewer viewer;

    public ChartTile(JFreeChart chart, double width, double height) {
        viewer = new ChartViewer(chart);
        viewer.setPrefSize(width, height);
        setPrefSize(width, height);
        setMinSize(width, height);
        getChildren().add(viewer);
        getStyleClass().add("chart-tile");
    }

    public JFreeChart chart() {
        return viewer.getChart();
    }

    /** A chart to draw and its size in pixels. */
    public record Request(ReportModel.Chart spec, double width, double height) {
        static final String NO_DATA = "none";

        /** A slot that says "no data for this chart" under {@code title} instead of drawing one. */
        public static Request noData(String title, double width, double height) {
            return new Request(new ReportModel.Chart(NO_DATA, title, null, null, null, null, null, null, null, null),
                    width, height);
        }

        boolean empty() {
            return NO_DATA.equals(spec.kind());
        }
    }

    /** The placeholder shown for a chart whose data the results do not hold. */
    static javafx.scene.Node placeholder(Request request) {
        javafx.scene.control.Label label = new javafx.scene.control.Label(request.spec().title()
                + "\nno data for this chart");
        label.getStyleClass().add("chart-no-data");
        label.setWrapText(true);
        StackPane box = new StackPane(label);
        box.setPrefSize(request.width(), 80);
        box.setMinSize(request.width(), 80);
        box.getStyleClass().add("chart-tile");
        return box;
    }

    /**
     * Replaces the children of {@code pane} with the requested charts once a worker has built them. A later call
     * for the same pane wins: results of an older call are dropped.
     */
    public static Task<List<JFreeChart>> showAll(Background background, Pane pane, List<Request> requests) {
        Task<List<JFreeChart>> task = new Task<>() {
            @Override
            protected List<JFreeChart> call() {
                List<JFreeChart> charts = new ArrayList<>();
                for (Request request : requests) {
                    charts.add(request.empty() ? null : Charts.create(request.spec()));
                }
                return charts;
            }
        };
        pane.getProperties().put(ChartTile.class, task);
        task.setOnSucceeded(event -> {
            if (pane.getProperties().get(ChartTile.class) != task) {
                return;
            }
            List<javafx.scene.Node> current = pane.getChildren();
            List<javafx.scene.Node> tiles = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                Request request = requests.get(i);
                JFreeChart chart = task.getValue().get(i);
                if (request.empty()) {
                    tiles.add(placeholder(request));
                } else if (i < current.size() && current.get(i) instanceof ChartTile tile
                        && tile.getPrefWidth() == request.width() && tile.getPrefHeight() == request.height()) {
                    // Reusing the viewer in the same slot skips creating its canvas, skin and CSS again. Stack samples
                    // put that creation inside 0.1 to 0.3 s FX stalls after each re-ranking (a weight slider move).
                    tile.viewer.setChart(chart);
                    tiles.add(tile);
                } else {
                    tiles.add(new ChartTile(chart, request.width(), request.height()));
                }
            }
            if (!tiles.equals(current)) {
                pane.getChildren().setAll(tiles);
            }
        });
        task.setOnFailed(event -> org.slf4j.LoggerFactory.getLogger(ChartTile.class)
                .warn("building {} chart(s) failed", requests.size(), task.getException()));
        return background.submit(task);
    }
}
