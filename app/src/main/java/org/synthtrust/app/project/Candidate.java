package org.synthtrust.app.project;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.FittedModel;

/**
 * One synthetic candidate of the study: its specification (method, parameters, budget, rows, repeats) and its
 * run state. Properties are changed on the FX thread only; tasks publish through {@code Platform.runLater} or
 * bound task properties.
 */
public final class Candidate {
    private final String name;
    private final String method;
    private final Map<String, String> params;
    private final double epsilon;
    private final double delta;
    private final Integer rows;
    private final int repeats;

    private final ObjectProperty<CandidateStatus> status = new SimpleObjectProperty<>(CandidateStatus.QUEUED);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty stage = new SimpleStringProperty("");
    private final DoubleProperty elapsedSeconds = new SimpleDoubleProperty(0);
    private final StringProperty message = new SimpleStringProperty("");
    private final ObjectProperty<List<LedgerLine>> ledger = new SimpleObjectProperty<>(List.of());
    private final DoubleProperty spentEpsilon = new SimpleDoubleProperty(Double.NaN);
    private final ObjectProperty<Table> synthetic = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> syntheticFile = new SimpleObjectProperty<>();
    private final ObjectProperty<FittedModel> model = new SimpleObjectProperty<>();
    private final ObjectProperty<List<RepeatRun>> repeatRuns = new SimpleObjectProperty<>(List.of());
    private volatile Runnable cancelAction = () -> { };

    /**
     * One repeat of this session's run: an independent private fit with its own ledger, charged its full budget
     * on the same training rows, as the study pipeline fits repeats.
     */
    public record RepeatRun(String stem, Table synthetic, FittedModel model, List<LedgerLine> ledger,
            double spentEpsilon, boolean testMode) {
        public RepeatRun {
            ledger = List.copyOf(ledger);
        }
    }

    public Candidate(String name, String method, Map<String, String> params, double epsilon, double delta,
            Integer rows, int repeats) {
        this.name = name;
        this.method = method;
        this.params = new LinkedHashMap<>(params);
        this.epsilon = epsilon;
        this.delta = delta;
        this.rows = rows;
        this.repeats = repeats;
    }

    public String name() {
        return name;
    }

    public String method() {
        return method;
    }

    public Map<String, String> params() {
        return Map.copyOf(params);
    }

    public double epsilon() {
        return epsilon;
    }

    public double delta() {
        return delta;
    }

    /** Rows to sample, or null for the model's noisy row-count estimate. */
    public Integer rows() {
        return rows;
    }

    public int repeats() {
        return repeats;
    }

    /**
     * Audit name of repeat {@code repeat} (0-based): the candidate's name without repeats, {@code NAME-r1},
     * {@code NAME-r2} ... with them, as the study pipeline names its stems.
     */
    public String stem(int repeat) {
        return repeats == 1 ? name : name + "-r" + (repeat + 1);
    }

    /** Audit names of every repeat, in order. */
    public List<String> stems() {
        List<String> stems = new java.util.ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            stems.add(stem(r));
        }
        return stems;
    }

    /** The repeats fitted in this session, in order; empty before a run and after reopening a project. */
    public ObjectProperty<List<RepeatRun>> repeatRunsProperty() {
        return repeatRuns;
    }

    public ObjectProperty<CandidateStatus> statusProperty() {
        return status;
    }

    public CandidateStatus status() {
        return status.get();
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty stageProperty() {
        return stage;
    }

    public DoubleProperty elapsedSecondsProperty() {
        return elapsedSeconds;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public ObjectProperty<List<LedgerLine>> ledgerProperty() {
        return ledger;
    }

    public DoubleProperty spentEpsilonProperty() {
        return spentEpsilon;
    }

    public ObjectProperty<Table> syntheticProperty() {
        return synthetic;
    }

    public ObjectProperty<Path> syntheticFileProperty() {
        return syntheticFile;
    }

    /** The fitted model of this session's run, or null (a reopened project keeps only its saved files). */
    public ObjectProperty<FittedModel> modelProperty() {
        return model;
    }

    public void setCancelAction(Runnable action) {
        cancelAction = action;
    }

    public void cancel() {
        cancelAction.run();
    }
}
