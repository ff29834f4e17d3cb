package org.synthtrust.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.synthtrust.app.common.ChartTile;
import org.synthtrust.app.project.Candidate;
import org.synthtrust.app.project.CandidateStatus;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.audit.Pillar;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The audit screen draws the per-candidate charts from the metric results and flags a failed epsilon audit. */
@ExtendWith(ApplicationExtension.class)
class AuditChartsTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage);
        window.show();
    }

    @Test
    void chartsAppearAfterAudit(FxRobot robot) throws Exception {
        WorkbenchDriver driver = new WorkbenchDriver(robot, window);
        driver.openCsv(WorkbenchDriver.SAMPLE_DATA.resolve("heart_disease/heart_cleveland.csv"));
        // The heart target has five classes and no positive class, so utility and outcome rates do not apply
        // (and the model-based utility metrics would take minutes on a shared machine).
        robot.interact(() -> window.dataScreen().loadSchema(
                WorkbenchDriver.SAMPLE_DATA.resolve("heart_disease/schema.json")));
        driver.waitUntil(60, () -> driver.state().schemaProperty().get() != null
                && driver.state().dataProperty().get().schema() == driver.state().schemaProperty().get());
        robot.interact(() -> driver.state().candidates().add(
                new Candidate("ind-e1", "independent", Map.of(), 1.0, 1e-6, 300, 1)));
        robot.interact(() -> window.select(1));
        driver.click("#run-queue");
        driver.waitUntil(300, () -> driver.state().candidates().get(0).status() == CandidateStatus.FINISHED);

        robot.interact(() -> {
            window.select(2);
            driver.state().auditGroups().setAll("fidelity", "fairness", "privacy");
        });
        driver.click("#run-audit");
        driver.waitUntil(600, () -> !driver.state().auditResults().isEmpty());
        FlowPane charts = robot.lookup("#audit-charts").query();
        driver.waitUntil(120, () -> titles(charts).stream().anyMatch(t -> t.startsWith("Membership attack ROC")));

        List<String> titles = titles(charts);
        assertThat(titles).anyMatch(t -> t.startsWith("Per-column KS / TV complement of ind-e1"));
        assertThat(titles).anyMatch(t -> t.startsWith("Distribution of "));
        assertThat(titles).anyMatch(t -> t.startsWith("Association, real") || t.startsWith("Pearson correlation"));
        assertThat(titles).anyMatch(t -> t.startsWith("Representation by "));
        assertThat(noData(charts)).anyMatch(t -> t.startsWith("Outcome rate by age"))
                .anyMatch(t -> t.startsWith("TSTR against TRTR"));
        assertThat(titles).anyMatch(t -> t.startsWith("Distance to closest record"));
        assertThat(titles).contains("Membership attack ROC", "Membership attack ROC, low-FPR zoom");

        // Choosing another column redraws its distribution overlay.
        ComboBox<String> column = robot.lookup("#chart-column").queryComboBox();
        String other = column.getItems().get(column.getItems().size() - 1);
        robot.interact(() -> column.setValue(other));
        driver.waitUntil(60, () -> titles(charts).stream().anyMatch(t -> t.startsWith("Distribution of " + other)));
    }

    @Test
    void missingDataSaysSo(FxRobot robot) throws Exception {
        WorkbenchDriver driver = new WorkbenchDriver(robot, window);
        MetricResult only = new MetricResult("fidelity.column_shape.tv_complement", "c1", Pillar.FIDELITY,
                Direction.HIGHER_IS_BETTER, 0.8, null, null, MetricStatus.OK, null, Map.of("sex", 0.8), null);
        robot.interact(() -> {
            window.select(2);
            driver.state().auditProperty().set(new AuditResult(null, List.of("c1"), Map.of(), List.of(only)));
        });
        FlowPane charts = robot.lookup("#audit-charts").query();
        driver.waitUntil(60, () -> noData(charts).stream().anyMatch(t -> t.startsWith("Membership attack ROC")));
        assertThat(noData(charts)).anyMatch(t -> t.startsWith("TSTR against TRTR"));
        assertThat(titles(charts)).anyMatch(t -> t.startsWith("Per-column KS / TV complement of c1"));
    }

    @Test
    void failedEpsilonAuditShowsBanner(FxRobot robot) throws Exception {
        WorkbenchDriver driver = new WorkbenchDriver(robot, window);
        Candidate claimed = new Candidate("mst-e1", "mst", Map.of(), 1.0, 1e-6, 100, 1);
        MetricResult bound = new MetricResult("privacy.epsilon_audit.lower_bound", "mst-e1", Pillar.PRIVACY,
                Direction.LOWER_IS_BETTER, 2.5, null, null, MetricStatus.OK, null, null, null);
        MetricResult within = new MetricResult("privacy.epsilon_audit.lower_bound", "mst-e1", Pillar.PRIVACY,
                Direction.LOWER_IS_BETTER, 0.4, null, null, MetricStatus.OK, null, null, null);
        robot.interact(() -> {
            window.select(2);
            driver.state().candidates().add(claimed);
            driver.state().auditProperty().set(new AuditResult(null, List.of("mst-e1"), Map.of(), List.of(within)));
        });
        assertThat(window.auditScreen().epsilonBannerText()).isEmpty();
        robot.interact(() -> driver.state().auditProperty().set(
                new AuditResult(null, List.of("mst-e1"), Map.of(), List.of(bound))));
        Label banner = robot.lookup("#epsilon-banner").query();
        assertThat(banner.isVisible()).isTrue();
        assertThat(window.auditScreen().epsilonBannerText()).contains("mst-e1", "2.5000", "1.0000");
    }

    private static List<String> titles(FlowPane pane) {
        return pane.getChildren().stream().filter(ChartTile.class::isInstance)
                .map(node -> ((ChartTile) node).chart().getTitle() == null ? ""
                        : ((ChartTile) node).chart().getTitle().getText())
                .collect(Collectors.toList());
    }

    private static List<String> noData(FlowPane pane) {
        return pane.getChildren().stream().filter(node -> !(node instanceof ChartTile))
                .flatMap(node -> node.lookupAll(".chart-no-data").stream()).map(Node.class::cast)
                .map(node -> ((Label) node).getText()).collect(Collectors.toList());
    }
}
