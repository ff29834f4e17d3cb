package org.synthtrust.app.project;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.concurrent.Task;
import org.synthtrust.app.common.Background;
import org.synthtrust.app.common.Dialogs;
import org.synthtrust.app.common.Engine;
import org.synthtrust.app.common.Workbench;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.ModelProvenance;
import org.synthtrust.trustindex.TrustSettings;
import org.synthtrust.trustindex.study.StudyRecord;

/**
 * Saves and opens project folders in background tasks. A save takes a snapshot of the state on the FX thread
 * and writes {@code study.json}, {@code schema.json}, the synthetic tables and the stored audit results on a
 * worker; an open reads them back, so finished candidates and audit results reappear without recomputing.
 */
public final class ProjectIO {
    private final Workbench workbench;

    public ProjectIO(Workbench workbench) {
        this.workbench = workbench;
    }

    /** Starts a background save into {@code folder}; the returned task reports failures in a dialog. */
    public Task<Void> save(Path folder, String verb) {
        AppState state = workbench.state();
        Snapshot snapshot = snapshot(state, folder, workbench.splits().current());
        state.projectFolderProperty().set(folder);
        state.dirtyProperty().set(false);
        Engine engine = workbench.engine();
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                Background.recordWork("save");
                write(engine, folder, snapshot);
                return null;
            }
        };
        task.setOnSucceeded(event -> {
            snapshot.writtenSynthetic().forEach((candidate, file) -> candidate.syntheticFileProperty().set(file));
            workbench.status(verb + " project to " + folder);
        });
        task.setOnFailed(event -> {
            state.dirtyProperty().set(true);
            Dialogs.showError(workbench.window(), "Saving the project failed", task.getException());
        });
        return workbench.background().submit(task);
    }

    /** Starts a background open of {@code folder}; on success the state is replaced by the stored project. */
    public Task<Opened> open(Path folder) {
        Engine engine = workbench.engine();
        Task<Opened> task = new Task<>() {
            @Override
            protected Opened call() {
                Background.recordWork("open");
                return read(engine, folder);
            }
        };
        task.setOnSucceeded(event -> apply(task.getValue()));
        task.setOnFailed(event -> Dialogs.showError(workbench.window(), "Opening the project failed",
                task.getException()));
        workbench.status("Opening " + folder + " …");
        return workbench.background().submit(task);
    }

    /** Everything read from a project folder. */
    public record Opened(Path folder, ProjectFile study, LoadedData data, Schema schema,
            Map<String, Table> synthetic, AuditResult audit) {
    }

    private record Snapshot(ProjectFile study, StudyRecord record, Schema schema, Map<Candidate, Table> unsavedSynthetic,
            Map<String, FittedModel> models,
            AuditResult audit, Map<Candidate, Path> writtenSynthetic) {
    }

    private static Snapshot snapshot(AppState state, Path folder, Engine.Split split) {
        LoadedData data = state.dataProperty().get();
        Schema schema = state.schemaProperty().get();
        List<ProjectFile.CandidateEntry> entries = new ArrayList<>();
        Map<Candidate, Table> unsaved = new LinkedHashMap<>();
        Map<Candidate, Path> written = new LinkedHashMap<>();
        Map<String, FittedModel> models = new LinkedHashMap<>();
        for (Candidate candidate : state.candidates()) {
            Path file = candidate.syntheticFileProperty().get();
            // TODO: only the first repeat's synthetic table and model are saved, so a reopened project re-audits
            // one repeat; the stored audit results of every repeat are kept in audit.json.
            Path target = folder.resolve(ProjectStore.SYNTHETIC_FOLDER).resolve(candidate.name() + ".csv");
            Table synthetic = candidate.syntheticProperty().get();
            if (synthetic != null && (file == null || !file.toAbsolutePath().normalize()
                    .equals(target.toAbsolutePath().normalize()))) {
                unsaved.put(candidate, synthetic);
                if (candidate.modelProperty().get() != null) {
                    models.put(candidate.name(), candidate.modelProperty().get());
                }
                written.put(candidate, target);
                file = target;
            }
            CandidateStatus status = candidate.status() == CandidateStatus.RUNNING ? CandidateStatus.QUEUED
                    : candidate.status();
            double spent = candidate.spentEpsilonProperty().get();
            entries.add(new ProjectFile.CandidateEntry(candidate.name(), candidate.method(), candidate.epsilon(),
                    candidate.delta(), candidate.params(), candidate.rows(), candidate.repeats(), status,
                    candidate.elapsedSecondsProperty().get(), Double.isNaN(spent) ? null : spent,
                    candidate.ledgerProperty().get(),
                    file == null ? null : ProjectStore.relativize(folder, file),
                    synthetic == null ? null : synthetic.columnNames(),
                    candidate.messageProperty().get().isEmpty() ? null : candidate.messageProperty().get()));
        }
        ProjectFile study = new ProjectFile(
                state.projectNameProperty().get(),
                data == null ? null : ProjectStore.relativize(folder, data.file()),
                schema == null ? null : ProjectStore.SCHEMA_FILE,
                new ProjectFile.Holdout(state.holdoutFractionProperty().get(), state.holdoutSeedProperty().get()),
                entries,
                new ProjectFile.AuditSpec(List.copyOf(state.auditGroups()), null),
                state.weightValues(),
                List.copyOf(state.constraints()),
                state.normalisationProperty().get());
        StudyRecord record = studyRecord(state, folder, split);
        return new Snapshot(study, record, schema, unsaved, models, state.auditProperty().get(), written);
    }

    /**
     * Builds the engine's study record of the project, so that {@code synthtrust rank} and {@code synthtrust
     * report} accept a saved project folder. A finished candidate lists the stems of all its repeats ({@code NAME}
     * without repeats, {@code NAME-r1} ... with them), the names its audit results carry. A failed candidate
     * carries its error.
     */
    /**
     * Epsilon spent by each repeat: this session's repeats when they are held, else {@code spent} (the first
     * repeat's, as saved) for every repeat, since each repeat is charged the same budget.
     */
    private static List<Double> spentPerRepeat(Candidate candidate, double spent) {
        List<Candidate.RepeatRun> runs = candidate.repeatRunsProperty().get();
        if (runs.size() == candidate.repeats()) {
            return runs.stream().map(Candidate.RepeatRun::spentEpsilon).toList();
        }
        if (Double.isNaN(spent)) {
            return List.of();
        }
        return java.util.Collections.nCopies(candidate.repeats(), spent);
    }

    private static StudyRecord studyRecord(AppState state, Path folder, Engine.Split split) {
        LoadedData data = state.dataProperty().get();
        Schema schema = state.schemaProperty().get();
        StudyRecord.Input input = null;
        if (data != null && split != null) {
            input = new StudyRecord.Input(ProjectStore.relativize(folder, data.file()), null,
                    schema == null ? null : ProjectStore.SCHEMA_FILE, null, null,
                    state.holdoutFractionProperty().get(), state.holdoutSeedProperty().get(),
                    split.train().rowCount(), split.holdout().rowCount());
        }

        List<StudyRecord.CandidateRecord> candidates = new ArrayList<>();
        double totalEpsilon = 0;
        double totalDelta = 0;
        int fits = 0;
        for (Candidate candidate : state.candidates()) {
            boolean finished = candidate.status() == CandidateStatus.FINISHED;
            if (!finished && candidate.status() != CandidateStatus.FAILED) {
                continue;
            }
            double spent = candidate.spentEpsilonProperty().get();
            String message = candidate.messageProperty().get();
            String error = null;
            if (!finished) {
                error = message == null || message.isEmpty() ? "the fit failed" : message;
            }
            candidates.add(new StudyRecord.CandidateRecord(candidate.name(), candidate.method(), null,
                    candidate.epsilon(), candidate.delta(), candidate.params(), candidate.rows(),
                    candidate.repeats(), null, null, finished ? "fitted" : "failed",
                    error,
                    candidate.stems(), spentPerRepeat(candidate, spent), finished));
            if (finished) {
                // Every fit, repeats included, reads the same training rows, so under basic composition the
                // budgets add up.
                for (double each : spentPerRepeat(candidate, Double.isNaN(spent) ? candidate.epsilon() : spent)) {
                    totalEpsilon += each;
                    totalDelta += candidate.delta();
                    fits++;
                }
            }
        }

        StudyRecord.BudgetRecord budget = new StudyRecord.BudgetRecord(totalEpsilon, totalDelta, fits,
                String.format(java.util.Locale.ROOT, "%d fit(s) on the same training rows spent epsilon = %.4g and "
                        + "delta = %.3g in total (basic composition).", fits, totalEpsilon, totalDelta));
        Map<String, Double> weights = new LinkedHashMap<>(state.weightValues());
        StudyRecord.TrustRecord trust = new StudyRecord.TrustRecord(state.normalisationProperty().get(),
                TrustSettings.defaults().aggregation().id(), org.synthtrust.trustindex.WeightProfile.CUSTOM.id(), weights, null,
                List.copyOf(state.constraints()), true, null);
        return new StudyRecord(state.projectNameProperty().get(), java.time.Instant.now().toString(),
                ModelProvenance.currentVersion(), null, null, input, candidates, trust, budget, null);
    }

    private static void write(Engine engine, Path folder, Snapshot snapshot) {
        if (snapshot.schema() != null) {
            engine.writeSchema(snapshot.schema(), folder.resolve(ProjectStore.SCHEMA_FILE));
        }
        if (!snapshot.unsavedSynthetic().isEmpty()) {
            ProjectStore.createFolder(folder.resolve(ProjectStore.SYNTHETIC_FOLDER));
        }
        for (Map.Entry<Candidate, Table> entry : snapshot.unsavedSynthetic().entrySet()) {
            engine.writeCsv(entry.getValue(), snapshot.writtenSynthetic().get(entry.getKey()));
        }
        for (Map.Entry<String, FittedModel> entry : snapshot.models().entrySet()) {
            Path models = ProjectStore.createFolder(folder.resolve(ProjectStore.MODELS_FOLDER));
            entry.getValue().save(models.resolve(entry.getKey() + ".json"));
            ProjectStore.writeJson(folder.resolve(ProjectStore.SYNTHETIC_FOLDER)
                    .resolve(entry.getKey() + ".provenance.json"), entry.getValue().provenance());
        }
        if (snapshot.audit() != null) {
            snapshot.audit().write(folder.resolve(ProjectStore.AUDIT_FILE));
        }
        ProjectStore.writeStudy(folder, snapshot.record(), snapshot.study());
    }

    private static Opened read(Engine engine, Path folder) {
        ProjectFile study = ProjectStore.readStudy(folder);
        Schema schema = study.schema() == null ? null : engine.readSchema(folder.resolve(study.schema()));
        LoadedData data = study.data() == null ? null : engine.readCsv(folder.resolve(study.data()), schema);
        Map<String, Table> synthetic = new LinkedHashMap<>();
        if (study.candidates() != null) {
            for (ProjectFile.CandidateEntry entry : study.candidates()) {
                if (entry.synthetic() != null && Files.isRegularFile(folder.resolve(entry.synthetic()))) {
                    // Generators drop ignored columns, so the synthetic file is read with the schema of its columns.
                    Schema columns = schema == null ? null : restrict(schema, entry.syntheticColumns());
                    synthetic.put(entry.name(), engine.readCsv(folder.resolve(entry.synthetic()), columns).table());
                }
            }
        }
        Path auditFile = folder.resolve(ProjectStore.AUDIT_FILE);
        AuditResult audit = Files.isRegularFile(auditFile) ? AuditResult.read(auditFile) : null;
        return new Opened(folder, study, data, schema, synthetic, audit);
    }

    /**
     * Returns the schema of a synthetic file: the given columns (all when null), with the empty field added to
     * the missing markers because CsvWriter writes a missing value as an empty field.
     */
    private static Schema restrict(Schema schema, List<String> names) {
        Map<String, org.synthtrust.core.schema.ColumnSpec> specs = new LinkedHashMap<>();
        for (String name : names == null ? List.copyOf(schema.columns().keySet()) : names) {
            if (schema.spec(name) != null) {
                specs.put(name, schema.spec(name));
            }
        }
        List<String> markers = new java.util.ArrayList<>(schema.missingMarkers());
        if (!markers.contains("")) {
            markers.add("");
        }
        return new Schema(markers, specs);
    }

    private void apply(Opened opened) {
        AppState state = workbench.state();
        ProjectFile study = opened.study();
        state.reset();
        state.projectFolderProperty().set(opened.folder());
        state.projectNameProperty().set(study.name() == null ? opened.folder().getFileName().toString()
                : study.name());
        state.dataProperty().set(opened.data());
        state.schemaProperty().set(opened.schema() != null ? opened.schema()
                : opened.data() == null ? null : opened.data().schema());
        if (study.holdout() != null) {
            state.holdoutFractionProperty().set(study.holdout().fraction());
            state.holdoutSeedProperty().set(study.holdout().seed());
        }

        if (study.candidates() != null) {
            for (ProjectFile.CandidateEntry entry : study.candidates()) {
                Candidate candidate = new Candidate(entry.name(), entry.method(),
                        entry.params() == null ? Map.of() : entry.params(), entry.epsilon(), entry.delta(),
                        entry.rows(), entry.repeats() == null ? 1 : entry.repeats());
                Table synthetic = opened.synthetic().get(entry.name());
                CandidateStatus status = entry.status() == null ? CandidateStatus.QUEUED : entry.status();
                if (status == CandidateStatus.FINISHED && synthetic == null) {
                    status = CandidateStatus.QUEUED;
                }
                candidate.statusProperty().set(status);
                candidate.progressProperty().set(status == CandidateStatus.FINISHED ? 1 : 0);
                candidate.elapsedSecondsProperty().set(entry.elapsedSeconds() == null ? 0 : entry.elapsedSeconds());
                candidate.spentEpsilonProperty().set(entry.spentEpsilon() == null ? Double.NaN
                        : entry.spentEpsilon());
                candidate.ledgerProperty().set(entry.ledger() == null ? List.of() : entry.ledger());
                candidate.messageProperty().set(entry.message() == null ? "" : entry.message());
                candidate.syntheticProperty().set(synthetic);
                if (synthetic != null) {
                    candidate.syntheticFileProperty().set(opened.folder().resolve(entry.synthetic()));
                }
                state.candidates().add(candidate);
            }
        }

        state.auditProperty().set(opened.audit());
        if (study.audit() != null && study.audit().metrics() != null) {
            state.auditGroups().setAll(study.audit().metrics());
        }
        if (study.weights() != null) {
            study.weights().forEach((pillar, weight) -> {
                if (AppState.PILLARS.contains(pillar)) {
                    state.weight(pillar).set(weight);
                }
            });
        }
        if (study.constraints() != null) {
            state.constraints().setAll(study.constraints());
        }
        if (study.normalisation() != null) {
            state.normalisationProperty().set(study.normalisation());
        }
        state.dirtyProperty().set(false);
        workbench.status("Opened " + opened.folder());
    }
}
