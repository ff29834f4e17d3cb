package org.synthtrust.app.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.synthtrust.app.common.Dialogs;
import org.synthtrust.app.common.Engine;
import org.synthtrust.app.common.Engine.FitOutcome;
import org.synthtrust.app.common.Engine.SynthesizerInfo;
import org.synthtrust.app.common.Screen;
import org.synthtrust.app.common.Workbench;
import org.synthtrust.app.project.AppState;
import org.synthtrust.app.project.Candidate;
import org.synthtrust.app.project.CandidateStatus;
import org.synthtrust.app.project.LedgerLine;
import org.synthtrust.app.project.LoadedData;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.progress.CancelledException;

/**
 * The Generate step: add candidates from the registered synthesizers (parameters in a property sheet checked as
 * you type, epsilon and delta with guidance, rows and repeats), run the queue one candidate at a time with a
 * progress bar, stage and elapsed time per candidate, cancel any of them, and read the privacy ledger of a
 * finished candidate. A candidate with N repeats runs N independent private fits, each charged its full budget
 * on the same training rows, so the ledger title states the composed total of all repeats. An invalid budget is reported in a dialog by the engine's own check, and the form keeps
 * what the user typed.
 */
public final class GenerateScreen implements Screen {
    private static final String BUDGET_GUIDANCE = "Epsilon bounds how much any one person's row can change what "
            + "is released: up to 1 is strong protection, 1 to 10 moderate, above 10 weak. Delta is the chance "
            + "the bound fails; keep it far below 1/n for n training rows (for example 1e-9).";

    private final Workbench workbench;
    private final AppState state;
    private final BorderPane root = new BorderPane();
    private final ComboBox<SynthesizerInfo> synthesizer = new ComboBox<>();
    private final Label description = new Label();
    private final ParameterSheet parameters = new ParameterSheet();
    private final TextField name = new TextField();
    private final TextField epsilon = new TextField("1");
    private final TextField delta = new TextField("1e-9");
    private final Label budgetError = new Label();
    private final TextField rows = new TextField();
    private final Spinner<Integer> repeats = new Spinner<>(1, 20, 1);
    private final TableView<Candidate> queue = new TableView<>();
    private final TableView<LedgerLine> ledger = new TableView<>();
    private final Label ledgerTitle = new Label("Privacy ledger: select a finished candidate");
    /** One fit at a time: the machine's cores go to the engine's own parallel loops. */
    private final ExecutorService fitExecutor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "synthtrust-fit");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Candidate> submitted = new HashSet<>();

    public GenerateScreen(Workbench workbench) {
        this.workbench = workbench;
        this.state = workbench.state();
        build();
        Timeline clock = new Timeline(new KeyFrame(Duration.millis(250), event -> tickElapsed()));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
    }

    @Override
    public String title() {
        return "Generate";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        if (queue.getSelectionModel().isEmpty() && !state.candidates().isEmpty()) {
            queue.getSelectionModel().select(0);
        }
        if (synthesizer.getItems().isEmpty()) {
            List<SynthesizerInfo> all = workbench.engine().synthesizers();
            synthesizer.getItems().setAll(all);
            if (!all.isEmpty()) {
                synthesizer.getSelectionModel().select(all.stream().filter(s -> s.id().equals("mst")).findFirst()
                        .orElse(all.get(0)));
            }
        }
    }

    private void build() {
        synthesizer.setId("synthesizer-choice");
        synthesizer.setMaxWidth(Double.MAX_VALUE);
        synthesizer.setPromptText("no synthesizer registered");
        synthesizer.valueProperty().addListener((observable, was, info) -> {
            description.setText(info == null ? "" : info.description());
            parameters.show(info == null ? List.of() : info.parameters());
            suggestName();
        });
        description.setWrapText(true);
        description.getStyleClass().add("hint");
        name.setId("candidate-name");
        name.setPromptText("name, e.g. mst-e1");
        epsilon.setId("epsilon");
        delta.setId("delta");
        rows.setId("rows");
        rows.setPromptText("model's noisy estimate");
        rows.setTooltip(new Tooltip("Rows to sample; leave empty to use the model's noisy row-count estimate "
                + "(never the true count)"));
        repeats.setId("repeats");
        repeats.setEditable(true);
        budgetError.setId("budget-error");
        budgetError.getStyleClass().add("validation-error");
        budgetError.setWrapText(true);
        epsilon.textProperty().addListener((observable, was, text) -> {
            checkBudgetSyntax();
            suggestName();
        });
        delta.textProperty().addListener((observable, was, text) -> checkBudgetSyntax());
        Label guidance = new Label(BUDGET_GUIDANCE);
        guidance.setWrapText(true);
        guidance.getStyleClass().add("hint");

        Button add = new Button("Add candidate");
        add.setId("add-candidate");
        add.setDefaultButton(false);
        add.disableProperty().bind(synthesizer.valueProperty().isNull().or(parameters.validProperty().not()));
        add.setOnAction(event -> addCandidate());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int row = 0;
        form.addRow(row++, new Label("Synthesizer"), synthesizer);
        form.add(description, 0, row++, 2, 1);
        form.add(parameters, 0, row++, 2, 1);
        form.addRow(row++, new Label("Name"), name);
        form.addRow(row++, new Label("Epsilon (ε)"), epsilon);
        form.addRow(row++, new Label("Delta (δ)"), delta);
        form.add(budgetError, 0, row++, 2, 1);
        form.add(guidance, 0, row++, 2, 1);
        form.addRow(row++, new Label("Rows"), rows);
        form.addRow(row++, new Label("Repeats"), repeats);
        form.add(add, 1, row);
        Label formTitle = new Label("New candidate");
        formTitle.getStyleClass().add("section-title");
        VBox left = new VBox(8, formTitle, form);
        left.setPadding(new Insets(8));
        left.setPrefWidth(380);
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setMinWidth(340);

        buildQueue();
        buildLedger();
        Button run = new Button("Run queue");
        run.setId("run-queue");
        run.setTooltip(new Tooltip("Fit every queued candidate (Ctrl+R)"));
        run.setOnAction(event -> runQueue());
        Button cancelAll = new Button("Cancel all");
        cancelAll.setId("cancel-all");
        cancelAll.setOnAction(event -> cancelAll());
        Button remove = new Button("Remove");
        remove.setId("remove-candidate");
        remove.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            Candidate selected = queue.getSelectionModel().getSelectedItem();
            return selected == null || selected.status() == CandidateStatus.RUNNING;
        }, queue.getSelectionModel().selectedItemProperty(), state.candidates()));
        remove.setOnAction(event -> state.candidates().remove(queue.getSelectionModel().getSelectedItem()));
        Label queueTitle = new Label("Run queue");
        queueTitle.getStyleClass().add("section-title");
        ToolBar queueBar = new ToolBar(queueTitle, new Separator(Orientation.VERTICAL), run, cancelAll, remove);
        BorderPane queuePane = new BorderPane(queue);
        queuePane.setTop(queueBar);
        ledgerTitle.getStyleClass().add("section-title");
        ledgerTitle.setPadding(new Insets(4, 8, 4, 8));
        ledgerTitle.setId("ledger-title");
        BorderPane ledgerPane = new BorderPane(ledger);
        ledgerPane.setTop(ledgerTitle);
        SplitPane right = new SplitPane(queuePane, ledgerPane);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.6);
        SplitPane main = new SplitPane(leftScroll, right);
        main.setDividerPositions(0.32);
        root.setCenter(main);
        root.setId("generate-screen");
        root.getStyleClass().add("screen");
    }

    private void buildQueue() {
        queue.setId("candidate-queue");
        queue.setItems(state.candidates());
        queue.setPlaceholder(new Label("No candidates yet: choose a synthesizer and press Add candidate"));
        queue.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        queue.getColumns().add(column("Name", 110, c -> c.name()));
        queue.getColumns().add(column("Method", 80, c -> c.method()));
        queue.getColumns().add(column("ε", 55, c -> format(c.epsilon())));
        queue.getColumns().add(column("δ", 60, c -> String.format(Locale.ROOT, "%.0e", c.delta())));

        TableColumn<Candidate, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(cell -> Bindings.createStringBinding(() -> cell.getValue().status().id(),
                cell.getValue().statusProperty()));
        status.setPrefWidth(80);
        queue.getColumns().add(status);
        TableColumn<Candidate, Candidate> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        progress.setCellFactory(column -> new ProgressCell());
        progress.setPrefWidth(130);
        queue.getColumns().add(progress);

        TableColumn<Candidate, String> stage = new TableColumn<>("Stage");
        stage.setCellValueFactory(cell -> cell.getValue().stageProperty());
        stage.setPrefWidth(150);
        queue.getColumns().add(stage);
        TableColumn<Candidate, String> elapsed = new TableColumn<>("Elapsed");
        elapsed.setCellValueFactory(cell -> Bindings.createStringBinding(() -> String.format(Locale.ROOT, "%.1f s",
                cell.getValue().elapsedSecondsProperty().get()), cell.getValue().elapsedSecondsProperty()));
        elapsed.setPrefWidth(70);
        queue.getColumns().add(elapsed);
        TableColumn<Candidate, Candidate> cancel = new TableColumn<>("");
        cancel.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        cancel.setCellFactory(column -> new CancelCell());
        cancel.setPrefWidth(80);
        queue.getColumns().add(cancel);
        queue.getSelectionModel().selectedItemProperty().addListener((observable, was, candidate) ->
                showLedger(candidate));
    }

    private void buildLedger() {
        ledger.setId("ledger-table");
        ledger.setPlaceholder(new Label("No ledger entries"));
        ledger.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        ledger.getColumns().add(ledgerColumn("Mechanism", 130, LedgerLine::mechanism));
        ledger.getColumns().add(ledgerColumn("Query", 220, LedgerLine::query));
        ledger.getColumns().add(ledgerColumn("Cost type", 90, LedgerLine::costType));
        ledger.getColumns().add(ledgerColumn("Cost", 80, line -> String.format(Locale.ROOT, "%.4g", line.cost())));
        ledger.getColumns().add(ledgerColumn("Running ε", 80, line -> String.format(Locale.ROOT, "%.4g",
                line.runningEpsilon())));
    }

    private static TableColumn<Candidate, String> column(String title, double width,
            java.util.function.Function<Candidate, String> text) {
        TableColumn<Candidate, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private static TableColumn<LedgerLine, String> ledgerColumn(String title, double width,
            java.util.function.Function<LedgerLine, String> text) {
        TableColumn<LedgerLine, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private void showLedger(Candidate candidate) {
        if (candidate == null || candidate.status() != CandidateStatus.FINISHED) {
            ledger.getItems().clear();
            ledgerTitle.setText(candidate == null ? "Privacy ledger: select a finished candidate"
                    : "Privacy ledger of " + candidate.name() + ": available when it has finished");
            return;
        }
        ledger.getItems().setAll(candidate.ledgerProperty().get());
        double spent = candidate.spentEpsilonProperty().get();
        String budget = "spent ε = " + format(spent) + " of " + format(candidate.epsilon()) + " at δ = "
                + String.format(Locale.ROOT, "%.0e", candidate.delta());
        List<Candidate.RepeatRun> runs = candidate.repeatRunsProperty().get();
        if (candidate.repeats() > 1) {
            // Every repeat is an independent run charged its own budget on the same private rows, so under basic
            // composition the repeats' epsilons and deltas add up.
            double total = 0;
            StringBuilder perRepeat = new StringBuilder();
            for (Candidate.RepeatRun run : runs) {
                total += run.spentEpsilon();
                perRepeat.append(perRepeat.length() == 0 ? "" : ", ").append(run.stem()).append(" ε = ")
                        .append(format(run.spentEpsilon()));
            }
            if (runs.isEmpty()) {
                total = candidate.epsilon() * candidate.repeats();
            }
            ledgerTitle.setText("Privacy ledger of " + candidate.stem(0) + " (repeat 1 of " + candidate.repeats()
                    + "): " + budget + "; all " + candidate.repeats() + " repeats compose to ε = " + format(total)
                    + ", δ = " + String.format(Locale.ROOT, "%.0e", candidate.delta() * candidate.repeats())
                    + (perRepeat.length() == 0 ? "" : " (" + perRepeat + ")"));
            return;
        }
        ledgerTitle.setText("Privacy ledger of " + candidate.name() + ": " + budget);
    }

    private void checkBudgetSyntax() {
        String error = null;
        try {
            double e = Double.parseDouble(epsilon.getText().strip());
            if (!(e > 0) || Double.isInfinite(e)) {
                error = "Epsilon must be a positive finite number; got " + epsilon.getText().strip();
            }
        } catch (NumberFormatException ex) {
            error = "Epsilon '" + epsilon.getText().strip() + "' is not a number";
        }
        try {
            Double.parseDouble(delta.getText().strip());
        } catch (NumberFormatException ex) {
            error = "Delta '" + delta.getText().strip() + "' is not a number";
        }
        budgetError.setText(error == null ? "" : error);
        epsilon.getStyleClass().remove("invalid");
        if (error != null && error.startsWith("Epsilon")) {
            epsilon.getStyleClass().add("invalid");
        }
    }

    private void suggestName() {
        SynthesizerInfo info = synthesizer.getValue();
        if (info == null) {
            return;
        }
        String text = epsilon.getText().strip();
        String suggestion = info.id() + "-e" + text;
        if (name.getText().isBlank() || name.getText().matches("[a-z]+-e.*")) {
            name.setText(suggestion);
        }
    }

    /**
     * Validates the form with the engine's checks and queues a candidate. On any error a dialog shows the
     * message and the form keeps its values.
     */
    public void addCandidate() {
        SynthesizerInfo info = synthesizer.getValue();
        try {
            if (info == null) {
                throw new InvalidInputException("choose a synthesizer first");
            }
            if (!parameters.validProperty().get()) {
                throw new InvalidInputException("fix the parameters first: " + parameters.errorText());
            }
            double e = parseNumber(epsilon.getText(), "epsilon");
            double d = parseNumber(delta.getText(), "delta");
            workbench.engine().validateBudget(e, d);
            Integer sampleRows = null;
            if (!rows.getText().isBlank()) {
                sampleRows = (int) parseNumber(rows.getText(), "rows");
                if (sampleRows < 1 || sampleRows != parseNumber(rows.getText(), "rows")) {
                    throw new InvalidInputException("rows must be a positive whole number; got "
                            + rows.getText().strip() + "; leave it empty for the model's noisy estimate");
                }
            }
            String candidateName = name.getText().strip();
            if (!candidateName.matches("[A-Za-z0-9._-]+")) {
                throw new InvalidInputException("candidate name '" + candidateName + "' may use only letters, "
                        + "digits, '.', '_' and '-', because it names files in the project folder");
            }
            Candidate candidate = new Candidate(candidateName, info.id(), parameters.changedValues(), e, d,
                    sampleRows, repeats.getValue());
            for (Candidate existing : state.candidates()) {
                if (existing.name().equals(candidateName)) {
                    throw new InvalidInputException("a candidate named '" + candidateName + "' is already "
                            + "queued; choose another name");
                }
                // Audit results are keyed by repeat stem (NAME-r1 ...), so stems must not collide either.
                for (String stem : candidate.stems()) {
                    if (existing.stems().contains(stem)) {
                        throw new InvalidInputException("candidate name '" + candidateName + "' with "
                                + candidate.repeats() + " repeat(s) gives the audit name '" + stem + "', which "
                                + "candidate '" + existing.name() + "' already uses; choose another name");
                    }
                }
            }
            state.candidates().add(candidate);
            queue.getSelectionModel().select(candidate);
            workbench.status("Queued " + candidateName);
        } catch (InvalidInputException ex) {
            Dialogs.showError(workbench.window(), "Cannot add the candidate", ex);
        }
    }

    private static double parseNumber(String text, String setting) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException ex) {
            throw new InvalidInputException(setting + " '" + text.strip() + "' is not a number; enter a decimal "
                    + "such as 1 or 1e-9");
        }
    }

    /** Fits every queued candidate, one after the other, on the fit thread. */
    public void runQueue() {
        LoadedData data = state.dataProperty().get();
        if (data == null || data.table() == null) {
            Dialogs.showError(workbench.window(), "Nothing to fit", "no data loaded; open a CSV file on the Data "
                    + "screen first");
            return;
        }
        workbench.splits().configure(data.table(), state.holdoutFractionProperty().get(),
                state.holdoutSeedProperty().get());
        int queued = 0;
        for (Candidate candidate : state.candidates()) {
            if ((candidate.status() == CandidateStatus.QUEUED || candidate.status() == CandidateStatus.FAILED
                    || candidate.status() == CandidateStatus.CANCELLED) && !submitted.contains(candidate)) {
                submit(candidate);
                queued++;
            }
        }
        workbench.status(queued == 0 ? "No queued candidate to run" : "Running " + queued + " candidate(s)");
    }

    private void submit(Candidate candidate) {
        Engine engine = workbench.engine();
        FitTask task = new FitTask(engine, workbench.splits(), candidate.method(), candidate.params(),
                candidate.epsilon(), candidate.delta(), candidate.rows(), candidate.repeats(),
                state.schemaProperty().get());
        submitted.add(candidate);
        candidate.statusProperty().set(CandidateStatus.QUEUED);
        candidate.progressProperty().set(0);
        candidate.elapsedSecondsProperty().set(0);
        candidate.messageProperty().set("");
        candidate.setCancelAction(task::requestCancel);

        long[] startNanos = {0};
        task.setOnRunning(event -> {
            startNanos[0] = System.nanoTime();
            candidate.statusProperty().set(CandidateStatus.RUNNING);
            candidate.progressProperty().bind(task.progressProperty());
            candidate.stageProperty().bind(task.messageProperty());
            runningStart.put(candidate, startNanos[0]);
        });
        task.setOnSucceeded(event -> {
            finish(candidate, startNanos[0]);
            List<FitOutcome> outcomes = task.getValue();
            List<Candidate.RepeatRun> runs = new java.util.ArrayList<>();
            boolean testMode = false;
            for (int r = 0; r < outcomes.size(); r++) {
                FitOutcome fit = outcomes.get(r);
                runs.add(new Candidate.RepeatRun(candidate.stem(r), fit.synthetic(), fit.model(), fit.ledger(),
                        fit.spentEpsilon(), fit.testMode()));
                testMode |= fit.testMode();
            }
            // The candidate's own properties hold the first repeat, the one saved in the project folder.
            FitOutcome outcome = outcomes.get(0);
            candidate.repeatRunsProperty().set(List.copyOf(runs));
            candidate.syntheticProperty().set(outcome.synthetic());
            candidate.syntheticFileProperty().set(null);
            candidate.ledgerProperty().set(outcome.ledger());
            candidate.spentEpsilonProperty().set(outcome.spentEpsilon());
            candidate.messageProperty().set(testMode ? "seeded test run: not private" : "");
            candidate.modelProperty().set(outcome.model());
            candidate.statusProperty().set(CandidateStatus.FINISHED);
            candidate.progressProperty().set(1);
            candidate.stageProperty().set("done");
            state.dirtyProperty().set(true);
            if (queue.getSelectionModel().getSelectedItem() == candidate) {
                showLedger(candidate);
            }
            workbench.status("Finished " + candidate.name());
        });

        task.setOnCancelled(event -> {
            finish(candidate, startNanos[0]);
            candidate.statusProperty().set(CandidateStatus.CANCELLED);
            candidate.stageProperty().set("cancelled");
        });

        task.setOnFailed(event -> {
            finish(candidate, startNanos[0]);
            Throwable error = task.getException();
            if (error instanceof CancelledException) {
                candidate.statusProperty().set(CandidateStatus.CANCELLED);
                candidate.stageProperty().set("cancelled");
                workbench.status("Cancelled " + candidate.name());
                return;
            }
            candidate.statusProperty().set(CandidateStatus.FAILED);
            candidate.messageProperty().set(String.valueOf(error.getMessage()));
            candidate.stageProperty().set("failed");
            Dialogs.showError(workbench.window(), "Fitting " + candidate.name() + " failed", error);
        });
        fitExecutor.execute(task);
    }

    private final java.util.Map<Candidate, Long> runningStart = new java.util.HashMap<>();

    private void finish(Candidate candidate, long startNanos) {
        submitted.remove(candidate);
        runningStart.remove(candidate);
        candidate.progressProperty().unbind();
        candidate.stageProperty().unbind();
        if (startNanos != 0) {
            candidate.elapsedSecondsProperty().set((System.nanoTime() - startNanos) / 1e9);
        }
    }

    private void tickElapsed() {
        long now = System.nanoTime();
        runningStart.forEach((candidate, start) -> candidate.elapsedSecondsProperty().set((now - start) / 1e9));
    }

    public void cancelAll() {
        for (Candidate candidate : List.copyOf(submitted)) {
            candidate.cancel();
        }
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.3g", value);
    }

    /** A progress bar bound to the candidate's progress. */
    private static final class ProgressCell extends TableCell<Candidate, Candidate> {
        private final ProgressBar bar = new ProgressBar(0);

        ProgressCell() {
            bar.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(Candidate candidate, boolean empty) {
            super.updateItem(candidate, empty);
            bar.progressProperty().unbind();
            if (empty || candidate == null) {
                setGraphic(null);
                return;
            }
            bar.progressProperty().bind(candidate.progressProperty());
            setGraphic(bar);
        }
    }

    /** A cancel button, enabled while the candidate is queued or running. */
    private final class CancelCell extends TableCell<Candidate, Candidate> {
        private final Button button = new Button("Cancel");

        @Override
        protected void updateItem(Candidate candidate, boolean empty) {
            super.updateItem(candidate, empty);
            button.disableProperty().unbind();
            if (empty || candidate == null) {
                setGraphic(null);
                return;
            }
            button.setId("cancel-" + candidate.name());
            button.disableProperty().bind(Bindings.createBooleanBinding(() -> !submitted.contains(candidate)
                    || candidate.status() != CandidateStatus.RUNNING && candidate.status() != CandidateStatus.QUEUED,
                    candidate.statusProperty()));
            button.setOnAction(event -> candidate.cancel());
            setGraphic(button);
        }
    }
}
