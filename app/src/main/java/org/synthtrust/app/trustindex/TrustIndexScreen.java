package org.synthtrust.app.trustindex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.synthtrust.app.common.Background;
import org.synthtrust.app.common.ChartTile;
import org.synthtrust.app.common.Dialogs;
import org.synthtrust.app.common.Engine;
import org.synthtrust.app.common.Screen;
import org.synthtrust.app.common.Workbench;
import org.synthtrust.app.project.AppState;
import org.synthtrust.app.project.Candidate;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.report.ReportModel;
import org.synthtrust.trustindex.Ranking;
import org.synthtrust.trustindex.Ranking.CandidateScore;

/**
 * The Trust index step: pillar weight sliders with profile presets, constraints and the normalisation choice.
 * Every change re-ranks the candidates from the stored audit results (the audit is never recomputed) in a
 * background task, and the table, radar chart, Pareto plot and probability-of-first chart follow. Changes
 * that arrive while a ranking is computed are coalesced into one more run.
 */
public final class TrustIndexScreen implements Screen {
    private static final List<String> PROFILES = List.of("balanced", "privacy-first", "utility-first",
            "fairness-first", "custom");

    private final Workbench workbench;
    private final AppState state;
    private final BorderPane root = new BorderPane();
    private final ComboBox<String> profile = new ComboBox<>();
    private final ComboBox<String> normalisation = new ComboBox<>();
    private final ListView<String> constraints = new ListView<>();
    private final TextField newConstraint = new TextField();
    private final TableView<CandidateScore> ranking = new TableView<>();
    private final FlowPane charts = new FlowPane(10, 10);
    private final Label notes = new Label();
    private boolean applyingProfile;
    private boolean rankingRunning;
    private boolean rankingPending;

    public TrustIndexScreen(Workbench workbench) {
        this.workbench = workbench;
        this.state = workbench.state();
        build();
        for (String pillar : AppState.PILLARS) {
            state.weight(pillar).addListener((observable, was, weight) -> {
                if (!applyingProfile) {
                    profile.setValue("custom");
                }
                requestRanking();
            });
        }
        state.normalisationProperty().addListener((observable, was, value) -> requestRanking());
        state.constraints().addListener((ListChangeListener<String>) change -> requestRanking());
        state.auditResults().addListener((ListChangeListener<MetricResult>) change -> requestRanking());
        state.rankingProperty().addListener((observable, was, value) -> showRanking(value));
    }

    @Override
    public String title() {
        return "Trust index";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        if (state.rankingProperty().get() == null && !state.auditResults().isEmpty()) {
            requestRanking();
        }
    }

    private void build() {
        GridPane weights = new GridPane();
        weights.setHgap(8);
        weights.setVgap(6);
        int row = 0;
        profile.setId("weight-profile");
        profile.getItems().setAll(PROFILES);
        profile.setValue("custom");
        profile.valueProperty().addListener((observable, was, value) -> applyProfile(value));
        weights.addRow(row++, new Label("Profile"), profile);
        for (String pillar : AppState.PILLARS) {
            Slider slider = new Slider(0, 5, state.weight(pillar).get());
            slider.setId("weight-" + pillar);
            slider.setShowTickMarks(true);
            slider.setMajorTickUnit(1);
            slider.setBlockIncrement(0.5);
            slider.setPrefWidth(170);
            slider.valueProperty().bindBidirectional(state.weight(pillar));
            Label value = new Label();
            value.textProperty().bind(state.weight(pillar).asString(Locale.ROOT, "%.1f"));
            value.setMinWidth(30);
            Label name = new Label(capitalise(pillar));
            if (pillar.equals("robustness")) {
                name.setTooltip(new Tooltip("Spread of pillar scores across repeated private runs; counts only "
                        + "when candidates have repeats"));
            }
            weights.addRow(row++, name, slider, value);
        }
        normalisation.setId("normalisation");
        normalisation.getItems().setAll("absolute", "relative");
        normalisation.valueProperty().bindBidirectional(state.normalisationProperty());
        normalisation.setTooltip(new Tooltip("absolute: fixed per-metric rules, independent of the other "
                + "candidates; relative: empirical CDF over this pool of candidates"));
        weights.addRow(row++, new Label("Normalisation"), normalisation);

        constraints.setId("constraints");
        constraints.setItems(state.constraints());
        constraints.setPrefHeight(110);
        constraints.setPlaceholder(new Label("Default constraints only"));
        newConstraint.setId("new-constraint");
        newConstraint.setPromptText("e.g. epsilon<=3 or privacy.mia.distance.auc<=0.6");
        Button add = new Button("Add");
        add.setId("add-constraint");
        add.setOnAction(event -> addConstraint());
        newConstraint.setOnAction(event -> addConstraint());
        Button remove = new Button("Remove");
        remove.setOnAction(event -> state.constraints().remove(constraints.getSelectionModel().getSelectedItem()));
        HBox.setHgrow(newConstraint, Priority.ALWAYS);
        Label weightsTitle = new Label("Weights");
        weightsTitle.getStyleClass().add("section-title");
        Label constraintsTitle = new Label("Constraints (added to the defaults)");
        constraintsTitle.getStyleClass().add("section-title");
        VBox left = new VBox(8, weightsTitle, weights, constraintsTitle, constraints,
                new HBox(6, newConstraint, add, remove));
        left.setPadding(new Insets(8));
        left.setPrefWidth(360);

        buildRanking();
        notes.setWrapText(true);
        notes.getStyleClass().add("hint");
        notes.setPadding(new Insets(4, 8, 4, 8));
        charts.setPadding(new Insets(8));
        charts.setId("trust-charts");
        ScrollPane chartScroll = new ScrollPane(charts);
        chartScroll.setFitToWidth(true);
        BorderPane rankingPane = new BorderPane(ranking);
        rankingPane.setBottom(notes);
        SplitPane right = new SplitPane(rankingPane, chartScroll);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.4);
        SplitPane main = new SplitPane(left, right);
        main.setDividerPositions(0.3);
        root.setCenter(main);
        root.setId("trust-screen");
        root.getStyleClass().add("screen");
    }

    private void buildRanking() {
        ranking.setId("ranking-table");
        ranking.setPlaceholder(new Label("No ranking yet: audit the candidates first"));
        ranking.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ranking.getColumns().add(column("Rank", 50, score -> score.rank() == null ? "–" : score.rank().toString()));
        ranking.getColumns().add(column("Candidate", 110, CandidateScore::name));
        ranking.getColumns().add(column("Trust index", 85, score -> number(score.index())));
        for (String pillar : AppState.PILLARS) {
            ranking.getColumns().add(column(capitalise(pillar), 75, score -> {
                Ranking.PillarScore pillarScore = score.pillars() == null ? null : score.pillars().get(pillar);
                return pillarScore == null ? "–" : number(pillarScore.score());
            }));
        }
        ranking.getColumns().add(column("P(first)", 70, score -> number(score.probabilityFirst())));
        ranking.getColumns().add(column("Pareto", 60, score -> score.paretoOptimal() ? "yes" : ""));
        ranking.getColumns().add(column("Disqualified because", 220, score -> score.disqualified()
                ? String.join("; ", score.disqualificationReasons()) : ""));
        ranking.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(CandidateScore score, boolean empty) {
                super.updateItem(score, empty);
                getStyleClass().remove("disqualified");
                if (!empty && score != null && score.disqualified()) {
                    getStyleClass().add("disqualified");
                }
            }
        });
    }

    private static TableColumn<CandidateScore, String> column(String title, double width,
            java.util.function.Function<CandidateScore, String> text) {
        TableColumn<CandidateScore, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private void applyProfile(String id) {
        if (id == null || id.equals("custom")) {
            return;
        }
        Map<String, Double> weights = workbench.engine().profileWeights(id);
        applyingProfile = true;
        try {
            weights.forEach((pillar, weight) -> {
                if (AppState.PILLARS.contains(pillar)) {
                    state.weight(pillar).set(weight);
                }
            });
        } finally {
            applyingProfile = false;
        }
    }

    private void addConstraint() {
        String expression = newConstraint.getText().strip();
        if (expression.isEmpty()) {
            return;
        }
        try {
            workbench.engine().validateConstraint(expression);
            state.constraints().add(expression);
            newConstraint.clear();
        } catch (InvalidInputException e) {
            Dialogs.showError(workbench.window(), "Invalid constraint", e);
        }
    }

    /** Re-ranks in the background; a request during a run schedules exactly one more run. */
    public void requestRanking() {
        if (state.auditResults().isEmpty()) {
            state.rankingProperty().set(null);
            return;
        }
        if (rankingRunning) {
            rankingPending = true;
            return;
        }
        rankingRunning = true;
        rankingPending = false;
        List<MetricResult> results = List.copyOf(state.auditResults());
        Map<String, Double> epsilons = new LinkedHashMap<>();
        Map<String, List<String>> stems = new LinkedHashMap<>();
        for (Candidate candidate : state.candidates()) {
            epsilons.put(candidate.name(), candidate.epsilon());
            stems.put(candidate.name(), candidate.stems());
        }
        Map<String, Double> weights = state.weightValues();
        List<String> constraintList = List.copyOf(state.constraints());
        String normalisationId = state.normalisationProperty().get();
        Engine engine = workbench.engine();
        Task<Ranking> task = new Task<>() {
            @Override
            protected Ranking call() {
                Background.recordWork("rank");
                return engine.rank(results, epsilons, stems, weights, constraintList, normalisationId);
            }
        };
        task.setOnSucceeded(event -> {
            rankingRunning = false;
            state.rankingProperty().set(task.getValue());
            if (rankingPending) {
                requestRanking();
            }
        });
        task.setOnFailed(event -> {
            rankingRunning = false;
            if (rankingPending) {
                requestRanking();
                return;
            }
            Dialogs.showError(workbench.window(), "Ranking failed", task.getException());
        });
        workbench.background().submit(task);
    }

    private void showRanking(Ranking value) {
        if (value == null) {
            ChartTile.showAll(workbench.background(), charts, List.of());
            ranking.getItems().clear();
            notes.setText("");
            return;
        }
        ranking.getItems().setAll(value.candidates());
        List<String> noteLines = new ArrayList<>(value.notes());
        if (value.allDisqualified()) {
            noteLines.add(0, "Every candidate is disqualified by a hard constraint.");
        }
        notes.setText(String.join(" ", noteLines));
        ChartTile.showAll(workbench.background(), charts, List.of(radar(value), pareto(value),
                probabilityFirst(value)));
    }

    private static ChartTile.Request radar(Ranking value) {
        List<String> pillars = new ArrayList<>();
        for (String pillar : AppState.PILLARS) {
            boolean present = value.candidates().stream().anyMatch(score -> score.pillars() != null
                    && score.pillars().containsKey(pillar));
            if (present) {
                pillars.add(pillar);
            }
        }
        List<ReportModel.Series> series = new ArrayList<>();
        for (CandidateScore score : value.candidates()) {
            List<Double> values = new ArrayList<>();
            for (String pillar : pillars) {
                Ranking.PillarScore pillarScore = score.pillars() == null ? null : score.pillars().get(pillar);
                values.add(pillarScore == null ? null : pillarScore.score());
            }
            series.add(new ReportModel.Series(score.name(), values, null, null));
        }
        return new ChartTile.Request(new ReportModel.Chart("radar", "Pillar scores", null, null, pillars, series, null,
                null, null, null), 380, 320);
    }

    private static ChartTile.Request pareto(Ranking value) {
        List<ReportModel.Line> lines = new ArrayList<>();
        for (CandidateScore score : value.candidates()) {
            Double privacy = pillar(score, "privacy");
            Double utility = pillar(score, "utility") != null ? pillar(score, "utility") : pillar(score, "fidelity");
            if (privacy != null && utility != null) {
                lines.add(new ReportModel.Line(score.name() + (score.paretoOptimal() ? " (Pareto)" : ""),
                        List.of(privacy), List.of(utility)));
            }
        }
        return new ChartTile.Request(new ReportModel.Chart("scatter", "Privacy against utility", "privacy score",
                "utility (or fidelity) score", null, null, lines, null, null,
                lines.isEmpty() ? "no candidate has both pillars" : null), 380, 320);
    }

    private static ChartTile.Request probabilityFirst(Ranking value) {
        List<String> names = new ArrayList<>();
        List<Double> shares = new ArrayList<>();
        for (CandidateScore score : value.candidates()) {
            names.add(score.name());
            shares.add(score.probabilityFirst());
        }
        return new ChartTile.Request(new ReportModel.Chart("bar", "Probability of ranking first", null,
                "share of weight draws", names, List.of(new ReportModel.Series("P(first)", shares, null, null)),
                null, null, null, "weights drawn around the chosen ones (Dirichlet)"), 380, 320);
    }

    private static Double pillar(CandidateScore score, String pillar) {
        Ranking.PillarScore pillarScore = score.pillars() == null ? null : score.pillars().get(pillar);
        return pillarScore == null ? null : pillarScore.score();
    }

    private static String number(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
