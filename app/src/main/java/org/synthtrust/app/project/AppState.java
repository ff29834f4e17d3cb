package org.synthtrust.app.project;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.trustindex.Ranking;

/**
 * The open project, shared by all screens: the data and its schema, the holdout split, the candidates, the
 * audit results and the trust-index settings. Screens bind to these properties; any change of the saved part
 * marks the project dirty so the window can autosave and ask before closing. FX thread only.
 */
public final class AppState {
    /** Pillars with a weight slider; robustness comes from repeats and is derived by the trust index. */
    public static final List<String> PILLARS = List.of("privacy", "fidelity", "utility", "fairness", "robustness");

    private final ObjectProperty<Path> projectFolder = new SimpleObjectProperty<>();
    private final StringProperty projectName = new SimpleStringProperty("untitled");
    private final ObjectProperty<LoadedData> data = new SimpleObjectProperty<>();
    private final ObjectProperty<Schema> schema = new SimpleObjectProperty<>();
    private final DoubleProperty holdoutFraction = new SimpleDoubleProperty(0.3);
    private final LongProperty holdoutSeed = new SimpleLongProperty(7);
    private final ObservableList<Candidate> candidates = FXCollections.observableArrayList(
            candidate -> new Observable[] {candidate.statusProperty()});
    private final ObjectProperty<AuditResult> audit = new SimpleObjectProperty<>();
    private final ObservableList<MetricResult> auditResults = FXCollections.observableArrayList();
    private final ObservableList<String> auditGroups = FXCollections.observableArrayList(
            "fidelity", "utility", "fairness", "privacy");
    private final Map<String, DoubleProperty> weights = new LinkedHashMap<>();
    private final ObservableList<String> constraints = FXCollections.observableArrayList();
    private final ObjectProperty<Ranking> ranking = new SimpleObjectProperty<>();
    private final StringProperty normalisation = new SimpleStringProperty("absolute");
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);

    public AppState() {
        for (String pillar : PILLARS) {
            weights.put(pillar, new SimpleDoubleProperty(pillar.equals("robustness") ? 0 : 1));
        }
        Observable[] saved = {
            data, schema, holdoutFraction, holdoutSeed, candidates, audit, auditGroups, constraints,
            normalisation, projectName
        };
        for (Observable observable : saved) {
            observable.addListener(changed -> dirty.set(true));
        }
        audit.addListener((observable, previous, result) ->
                auditResults.setAll(result == null ? List.of() : result.results()));
        for (DoubleProperty weight : weights.values()) {
            weight.addListener(changed -> dirty.set(true));
        }
    }

    public ObjectProperty<Path> projectFolderProperty() {
        return projectFolder;
    }

    public StringProperty projectNameProperty() {
        return projectName;
    }

    public ObjectProperty<LoadedData> dataProperty() {
        return data;
    }

    public ObjectProperty<Schema> schemaProperty() {
        return schema;
    }

    public DoubleProperty holdoutFractionProperty() {
        return holdoutFraction;
    }

    public LongProperty holdoutSeedProperty() {
        return holdoutSeed;
    }

    public ObservableList<Candidate> candidates() {
        return candidates;
    }

    /** The stored audit of all candidates, or null before the first audit. */
    public ObjectProperty<AuditResult> auditProperty() {
        return audit;
    }

    /** The metric results of {@link #auditProperty()}, as a list for tables; read-only by convention. */
    public ObservableList<MetricResult> auditResults() {
        return auditResults;
    }

    public ObservableList<String> auditGroups() {
        return auditGroups;
    }

    public DoubleProperty weight(String pillar) {
        DoubleProperty weight = weights.get(pillar);
        if (weight == null) {
            throw new IllegalArgumentException("unknown pillar '" + pillar + "'; pillars are " + PILLARS);
        }
        return weight;
    }

    public Map<String, Double> weightValues() {
        Map<String, Double> values = new LinkedHashMap<>();
        weights.forEach((pillar, weight) -> values.put(pillar, weight.get()));
        return values;
    }

    public ObservableList<String> constraints() {
        return constraints;
    }

    /** The latest ranking computed from the stored audit; derived, so not saved and never marks the project dirty. */
    public ObjectProperty<Ranking> rankingProperty() {
        return ranking;
    }

    public StringProperty normalisationProperty() {
        return normalisation;
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** Clears everything back to an empty, clean project. */
    public void reset() {
        projectFolder.set(null);
        projectName.set("untitled");
        data.set(null);
        schema.set(null);
        holdoutFraction.set(0.3);
        holdoutSeed.set(7);
        candidates.clear();
        audit.set(null);
        ranking.set(null);
        auditGroups.setAll("fidelity", "utility", "fairness", "privacy");
        weights.forEach((pillar, weight) -> weight.set(pillar.equals("robustness") ? 0 : 1));
        constraints.clear();
        normalisation.set("absolute");
        dirty.set(false);
    }
}
