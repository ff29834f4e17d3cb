package org.synthtrust.app.common;

import javafx.scene.layout.StackPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.synthtrust.report.Charts;
import org.synthtrust.report.ReportModel;

/**
 * One chart in a JFreeChart-FX {@link ChartViewer}. The chart object comes from the report module's
 * {@link Charts} factory, so the workbench and the PDF draw the same definition.
 */
public final class ChartTile extends StackPane {
    private final ChartViewer viewer;

    public ChartTile(ReportModel.Chart spec, double width, double height) {
        JFreeChart chart = Charts.create(spec);
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
}
