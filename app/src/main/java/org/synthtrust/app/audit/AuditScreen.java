package org.synthtrust.app.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import org.synthtrust.app.common.Background;
import org.synthtrust.app.common.ChartTile;
import org.synthtrust.app.common.Dialogs;
import org.synthtrust.app.common.Engine;
import org.synthtrust.app.common.Engine.Split;
import org.synthtrust.app.common.Screen;
import org.synthtrust.app.common.Workbench;
import org.synthtrust.app.project.AppState;
import org.synthtrust.app.project.Candidate;
import org.synthtrust.app.project.CandidateStatus;
import org.synthtrust.app.project.LoadedData;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.CancelledException;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.report.ReportModel;

/**
 * The Audit step: choose the metric groups, audit every finished candidate against the training and holdout
 * rows in a background task, and read the results per candidate with their statuses and reasons, plus one
 * chart per pillar comparing the candidates, and the per-candidate charts (per-column scores, distribution
 * overlays, association heatmaps, TSTR, subgroup, DCR and membership ROC charts). A failing empirical epsilon
 * check (a lower bound above the
 * claimed epsilon) is highlighted.
 */
public final class AuditScreen implements Screen {
    static final String EPSILON_AUDIT_ID = "privacy.epsilon_audit.lower_bound";
    private static final String ALL_CANDIDATES = "All candidates";

    private final Workbench workbench;
    private final AppState state;
    private final BorderPane root = new BorderPane();
    private final Map<String, CheckBox> groups = new LinkedHashMap<>();
    private final ComboBox<String> candidateFilter = new ComboBox<>();
    private final FilteredList<MetricResult> filtered;
    private final TableView<MetricResult> results = new TableView<>();
    private final FlowPane charts = new FlowPane(10, 10);
    private final ComboBox<String> chartCandidate = new ComboBox<>();
    private final ComboBox<String> chartColumn = new ComboBox<>();
    private final Label epsilonBanner = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label stage = new Label();
    private final Button run = new Button("Run audit");
    private final Button cancel = new Button("Cancel");
    private Task<AuditResult> running;
    private CancellationToken token;

    public AuditScreen(Workbench workbench) {
        this.workbench = workbench;
        this.state = workbench.state();
        this.filtered = new FilteredList<>(state.auditResults());
        build();
        state.auditResults().addListener((ListChangeListener<MetricResult>) change -> refreshCandidates());
        state.auditGroups().addListener((ListChangeListener<String>) change -> syncGroups());
        state.candidates().addListener((ListChangeListener<Candidate>) change -> refreshBanner());
    }

    @Override
    public String title() {
        return "Audit";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        refreshCandidates();
        syncGroups();
    }

    private void build() {
        ToolBar bar = new ToolBar();
        Label groupLabel = new Label("Metric groups");
        bar.getItems().add(groupLabel);
        for (String group : List.of("fidelity", "utility", "fairness", "privacy")) {
            CheckBox box = new CheckBox(group);
            box.setId("group-" + group);
            box.setSelected(state.auditGroups().contains(group));
            box.selectedProperty().addListener((observable, was, selected) -> {
                if (selected && !state.auditGroups().contains(group)) {
                    state.auditGroups().add(group);
                } else if (!selected) {
                    state.auditGroups().remove(group);
                }
            });
            groups.put(group, box);
            bar.getItems().add(box);
        }
        run.setId("run-audit");
        run.setTooltip(new Tooltip("Audit every finished candidate (Ctrl+Shift+A)"));
        run.setOnAction(event -> runAudit());
        cancel.setId("cancel-audit");
        cancel.setDisable(true);
        cancel.setOnAction(event -> cancelAudit());
        progress.setId("audit-progress");
        progress.setPrefWidth(160);
        stage.setId("audit-stage");
        candidateFilter.setId("candidate-filter");
        candidateFilter.getItems().add(ALL_CANDIDATES);
        candidateFilter.setValue(ALL_CANDIDATES);
        candidateFilter.valueProperty().addListener((observable, was, value) -> applyFilter());
        bar.getItems().addAll(new Separator(Orientation.VERTICAL), run, cancel, progress, stage,
                new Separator(Orientation.VERTICAL), new Label("Show"), candidateFilter);

        buildResults();
        charts.setPadding(new Insets(8));
        charts.setId("audit-charts");
        ScrollPane chartScroll = new ScrollPane(charts);
        chartScroll.setFitToWidth(true);
        chartCandidate.setId("chart-candidate");
        chartCandidate.valueProperty().addListener((observable, was, value) -> {
            refreshColumns();
            refreshCharts();
        });
        chartColumn.setId("chart-column");
        chartColumn.valueProperty().addListener((observable, was, value) -> refreshCharts());
        ToolBar chartBar = new ToolBar(new Label("Charts for"), chartCandidate, new Label("Distribution of"),
                chartColumn);
        BorderPane chartPane = new BorderPane(chartScroll);
        chartPane.setTop(chartBar);
        SplitPane split = new SplitPane(results, chartPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        epsilonBanner.setId("epsilon-banner");
        epsilonBanner.getStyleClass().add("failure-banner");
        epsilonBanner.setMaxWidth(Double.MAX_VALUE);
        epsilonBanner.setWrapText(true);
        epsilonBanner.setVisible(false);
        epsilonBanner.setManaged(false);
        root.setTop(new javafx.scene.layout.VBox(bar, epsilonBanner));
        root.setCenter(split);
        root.setId("audit-screen");
        root.getStyleClass().add("screen");
        state.auditResults().addListener((ListChangeListener<MetricResult>) change -> {
            refreshBanner();
            refreshCharts();
        });
    }

    private void buildResults() {
        results.setId("audit-results");
        results.setItems(filtered);
        results.setPlaceholder(new Label("No audit results yet: fit candidates on the Generate screen, then "
                + "press Run audit"));
        results.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        results.getColumns().add(column("Candidate", 100, MetricResult::candidate));
        results.getColumns().add(column("Metric", 250, MetricResult::id));
        results.getColumns().add(column("Pillar", 75, result -> result.pillar() == null ? ""
                : result.pillar().id()));
        results.getColumns().add(column("Value", 80, result -> number(result.value())));
        results.getColumns().add(column("Interval", 120, result -> result.lower() == null ? ""
                : "[" + number(result.lower()) + ", " + number(result.upper()) + "]"));
        results.getColumns().add(column("Direction", 110, result -> result.direction() == null ? ""
                : result.direction().id().replace('_', ' ')));
        TableColumn<MetricResult, String> status = column("Status", 95, result -> result.status().id());
        status.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                getStyleClass().removeIf(style -> style.startsWith("status-"));
                setText(empty ? null : text);
                if (!empty && text != null) {
                    getStyleClass().add("status-" + text);
                }
            }
        });
        results.getColumns().add(status);
        results.getColumns().add(column("Reason", 260, result -> result.reason() == null ? ""
                : result.reason()));
        results.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(MetricResult result, boolean empty) {
                super.updateItem(result, empty);
                getStyleClass().remove("highlight-failure");
                setTooltip(null);
                if (!empty && result != null && failsEpsilonCheck(result)) {
                    getStyleClass().add("highlight-failure");
                    setTooltip(new Tooltip("The empirical lower bound on epsilon exceeds the claimed epsilon: "
                            + "the implementation may leak more than it claims"));
                }
            }
        });
    }

    /**
     * Shows the red banner when some candidate's empirical lower bound on epsilon exceeds the epsilon it
     * claims: the implementation (or its accounting) may leak more than the ledger reports.
     */
    private void refreshBanner() {
        List<String> failing = new ArrayList<>();
        for (MetricResult result : state.auditResults()) {
            if (failsEpsilonCheck(result)) {
                failing.add(result.candidate() + " (lower bound " + number(result.value()) + " > claimed "
                        + number(claimedEpsilon(result.candidate())) + ")");
            }
        }
        epsilonBanner.setText(failing.isEmpty() ? "" : "Empirical epsilon check failed: "
                + String.join(", ", failing) + ". The measured privacy loss exceeds the claimed epsilon; do not "
                + "release these candidates before the implementation is checked.");
        epsilonBanner.setVisible(!failing.isEmpty());
        epsilonBanner.setManaged(!failing.isEmpty());
    }

    /** Returns the banner text, empty when no candidate fails the empirical epsilon check. */
    public String epsilonBannerText() {
        return epsilonBanner.isVisible() ? epsilonBanner.getText() : "";
    }

    private Double claimedEpsilon(String name) {
        for (Candidate candidate : state.candidates()) {
            if (candidate.name().equals(name)) {
                return candidate.epsilon();
            }
        }
        return null;
    }

    private void refreshColumns() {
        String candidate = chartCandidate.getValue();
        List<String> columns = candidate == null ? List.of()
                : AuditCharts.distributionColumns(state.auditResults(), candidate);
        String chosen = chartColumn.getValue();
        chartColumn.getItems().setAll(columns);
        chartColumn.setValue(chosen != null && columns.contains(chosen) ? chosen : columns.isEmpty() ? null : columns.get(0));
    }

    private boolean failsEpsilonCheck(MetricResult result) {
        if (!EPSILON_AUDIT_ID.equals(result.id()) || result.value() == null) {
            return false;
        }
        for (Candidate candidate : state.candidates()) {
            if (candidate.name().equals(result.candidate())) {
                return result.value() > candidate.epsilon();
            }
        }
        return false;
    }

    private static TableColumn<MetricResult, String> column(String title, double width,
            java.util.function.Function<MetricResult, String> text) {
        TableColumn<MetricResult, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private void syncGroups() {
        groups.forEach((group, box) -> box.setSelected(state.auditGroups().contains(group)));
    }

    private void refreshCandidates() {
        Set<String> names = new LinkedHashSet<>();
        names.add(ALL_CANDIDATES);
        for (MetricResult result : state.auditResults()) {
            names.add(result.candidate());
        }
        String selected = candidateFilter.getValue();
        candidateFilter.getItems().setAll(names);
        candidateFilter.setValue(names.contains(selected) ? selected : ALL_CANDIDATES);
        applyFilter();
        List<String> audited = new ArrayList<>(names);
        audited.remove(ALL_CANDIDATES);
        String charted = chartCandidate.getValue();
        chartCandidate.getItems().setAll(audited);
        chartCandidate.setValue(audited.contains(charted) ? charted : audited.isEmpty() ? null : audited.get(0));
        refreshColumns();
    }

    private void applyFilter() {
        String selected = candidateFilter.getValue();
        filtered.setPredicate(result -> selected == null || ALL_CANDIDATES.equals(selected)
                || result.candidate().equals(selected));
    }

    /**
     * Draws one horizontal bar chart per pillar with each candidate's metric values, through the report
     * module's chart factory.
     */
    private void refreshCharts() {
        List<ChartTile.Request> requests = new ArrayList<>();
        String focus = chartCandidate.getValue();
        if (focus != null) {
            for (AuditCharts.Panel panel : AuditCharts.forCandidate(state.auditResults(), focus,
                    chartColumn.getValue())) {
                if (panel.spec() == null) {
                    requests.add(ChartTile.Request.noData(panel.title() + " (" + focus + ")", 420, 80));
                } else {
                    boolean tall = panel.spec().categories() != null && panel.spec().categories().size() > 12;
                    requests.add(new ChartTile.Request(panel.spec(), 520,
                            tall ? Math.min(700, 80 + panel.spec().categories().size() * 16.0) : 340));
                }
            }
        }
        Map<String, Map<String, Map<String, Double>>> byPillar = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        for (MetricResult result : state.auditResults()) {
            if (!candidates.contains(result.candidate())) {
                candidates.add(result.candidate());
            }
            if (result.value() == null || result.pillar() == null) {
                continue;
            }
            byPillar.computeIfAbsent(result.pillar().id(), pillar -> new LinkedHashMap<>())
                    .computeIfAbsent(result.id(), id -> new LinkedHashMap<>())
                    .put(result.candidate(), result.value());
        }
        for (Map.Entry<String, Map<String, Map<String, Double>>> pillar : byPillar.entrySet()) {
            // One axis only suits values on one scale, so the chart shows the metrics whose values lie in [0, 1]
            // and names how many others the table lists.
            List<String> metrics = new ArrayList<>();
            for (Map.Entry<String, Map<String, Double>> metric : pillar.getValue().entrySet()) {
                if (metric.getValue().values().stream().allMatch(value -> value >= 0 && value <= 1)) {
                    metrics.add(metric.getKey());
                }
            }
            int leftOut = pillar.getValue().size() - metrics.size();
            if (metrics.isEmpty()) {
                continue;
            }
            List<ReportModel.Series> series = new ArrayList<>();
            for (String candidate : candidates) {
                List<Double> values = new ArrayList<>();
                for (String metric : metrics) {
                    values.add(pillar.getValue().get(metric).get(candidate));
                }
                series.add(new ReportModel.Series(candidate, values, null, null));
            }
            double height = Math.max(220, 60 + metrics.size() * candidates.size() * 14.0);
            String note = leftOut == 0 ? null : leftOut + " metric(s) outside [0, 1] are listed in the table only";
            ReportModel.Chart spec = new ReportModel.Chart("hbar", capitalise(pillar.getKey()) + " metrics", null,
                    "value", metrics, series, null, null, null, note);
            requests.add(new ChartTile.Request(spec, 560, Math.min(height, 700)));
        }
        ChartTile.showAll(workbench.background(), charts, requests);
    }

    /** Audits every finished candidate in a background task; results replace the stored audit. */
    public Task<AuditResult> runAudit() {
        try {
            return startAudit();
        } catch (InvalidInputException e) {
            Dialogs.showError(workbench.window(), "Cannot start the audit", e);
            return null;
        }
    }

    private Task<AuditResult> startAudit() {
        LoadedData data = state.dataProperty().get();
        if (data == null || data.table() == null) {
            throw new InvalidInputException("no data loaded; open a CSV file on the Data screen first");
        }
        Map<String, Table> synthetic = new LinkedHashMap<>();
        Map<String, Double> epsilons = new LinkedHashMap<>();
        for (Candidate candidate : state.candidates()) {
            if (candidate.status() != CandidateStatus.FINISHED) {
                continue;
            }
            // Every repeat is audited under its own stem; a reopened project holds only the first repeat's table.
            List<Candidate.RepeatRun> runs = candidate.repeatRunsProperty().get();
            if (!runs.isEmpty()) {
                for (Candidate.RepeatRun run : runs) {
                    synthetic.put(run.stem(), run.synthetic());
                    epsilons.put(run.stem(), candidate.epsilon());
                }
            } else if (candidate.syntheticProperty().get() != null) {
                synthetic.put(candidate.stem(0), candidate.syntheticProperty().get());
                epsilons.put(candidate.stem(0), candidate.epsilon());
            }
        }
        if (synthetic.isEmpty()) {
            throw new InvalidInputException("no finished candidate to audit; run the queue on the Generate "
                    + "screen first");
        }
        List<String> chosen = List.copyOf(state.auditGroups());
        if (chosen.isEmpty()) {
            throw new InvalidInputException("no metric group chosen; tick at least one of fidelity, utility, "
                    + "fairness, privacy");
        }

        Schema schema = state.schemaProperty().get();
        Engine engine = workbench.engine();
        workbench.splits().configure(data.table(), state.holdoutFractionProperty().get(),
                state.holdoutSeedProperty().get());
        var splits = workbench.splits();
        CancellationToken cancellation = new CancellationToken();
        Task<AuditResult> task = new Task<>() {
            @Override
            protected AuditResult call() {
                Background.recordWork("audit");
                Split split = splits.get(schema);
                return engine.audit(chosen, split.train(), split.holdout(), synthetic, epsilons, schema,
                        (name, fraction) -> {
                            updateProgress(fraction, 1);
                            updateMessage(name);
                        }, cancellation);
            }
        };

        progress.progressProperty().bind(task.progressProperty());
        stage.textProperty().bind(task.messageProperty());
        run.setDisable(true);
        cancel.setDisable(false);
        task.setOnSucceeded(event -> {
            done();
            state.auditProperty().set(task.getValue());
            workbench.status("Audited " + synthetic.size() + " candidate(s)");
        });
        task.setOnFailed(event -> {
            done();
            if (task.getException() instanceof CancelledException) {
                workbench.status("Audit cancelled");
                return;
            }
            Dialogs.showError(workbench.window(), "The audit failed", task.getException());
        });
        task.setOnCancelled(event -> done());
        running = task;
        token = cancellation;
        workbench.status("Auditing " + synthetic.size() + " candidate(s) …");
        return workbench.background().submit(task);
    }

    public void cancelAudit() {
        if (token != null) {
            token.cancel();
        }
    }

    private void done() {
        progress.progressProperty().unbind();
        stage.textProperty().unbind();
        progress.setProgress(running != null && running.getState() == javafx.concurrent.Worker.State.SUCCEEDED
                ? 1 : 0);
        run.setDisable(false);
        cancel.setDisable(true);
    }

    private static String number(Double value) {
        if (value == null) {
            return "";
        }
        double magnitude = Math.abs(value);
        return magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5) ? String.format(Locale.ROOT, "%.3e", value)
                : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
