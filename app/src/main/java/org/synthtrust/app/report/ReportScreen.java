package org.synthtrust.app.report;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.synthtrust.app.common.Background;
import org.synthtrust.app.common.Dialogs;
import org.synthtrust.app.common.Engine;
import org.synthtrust.app.common.Engine.ReportInput;
import org.synthtrust.app.common.Screen;
import org.synthtrust.app.common.Workbench;
import org.synthtrust.app.project.AppState;
import org.synthtrust.app.project.Candidate;
import org.synthtrust.app.project.LoadedData;
import org.synthtrust.app.project.ProjectStore;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.trustindex.Ranking;
import org.synthtrust.trustindex.Ranking.CandidateScore;

/**
 * The Report step: a preview of the verdict from the current ranking, and export of the report as PDF, HTML
 * and JSON into the project folder (or a chosen one) by the report module's renderers, in a background task.
 */
public final class ReportScreen implements Screen {
    private final Workbench workbench;
    private final AppState state;
    private final BorderPane root = new BorderPane();
    private final TextArea verdict = new TextArea();
    private final CheckBox pdf = new CheckBox("PDF");
    private final CheckBox html = new CheckBox("HTML");
    private final CheckBox json = new CheckBox("JSON");
    private final ListView<Path> exported = new ListView<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label target = new Label();
    private Path lastFolder;

    public ReportScreen(Workbench workbench) {
        this.workbench = workbench;
        this.state = workbench.state();
        build();
        state.rankingProperty().addListener((observable, was, ranking) -> refreshVerdict());
        state.candidates().addListener((ListChangeListener<Candidate>) change -> refreshVerdict());
    }

    @Override
    public String title() {
        return "Report";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown() {
        refreshVerdict();
    }

    private void build() {
        Label verdictTitle = new Label("Verdict preview");
        verdictTitle.getStyleClass().add("section-title");
        verdict.setId("verdict");
        verdict.setEditable(false);
        verdict.setWrapText(true);
        verdict.setPrefRowCount(12);
        verdict.getStyleClass().add("verdict");
        pdf.setId("format-pdf");
        html.setId("format-html");
        json.setId("format-json");
        pdf.setSelected(true);
        html.setSelected(true);
        json.setSelected(true);

        Button export = new Button("Export report");
        export.setId("export-report");
        export.disableProperty().bind(pdf.selectedProperty().or(html.selectedProperty())
                .or(json.selectedProperty()).not());
        export.setOnAction(event -> export(null));
        Button exportTo = new Button("Export to folder…");
        exportTo.setId("export-to");
        exportTo.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the report files");
            File folder = chooser.showDialog(workbench.window());
            if (folder != null) {
                export(folder.toPath());
            }
        });
        Button openFolder = new Button("Open folder");
        openFolder.setId("open-report-folder");
        openFolder.disableProperty().bind(Bindings.isEmpty(exported.getItems()));
        openFolder.setOnAction(event -> {
            if (lastFolder != null) {
                workbench.openInDesktop(lastFolder);
            }
        });

        progress.setId("export-progress");
        progress.setPrefWidth(160);
        target.getStyleClass().add("hint");
        target.textProperty().bind(Bindings.createStringBinding(() -> {
            Path folder = state.projectFolderProperty().get();
            return folder == null ? "Export writes into the project folder; save the project first or choose a "
                    + "folder" : "Export writes into " + folder;
        }, state.projectFolderProperty()));
        exported.setId("exported-files");
        exported.setPrefHeight(120);
        exported.setPlaceholder(new Label("Nothing exported yet"));

        Label exportTitle = new Label("Export");
        exportTitle.getStyleClass().add("section-title");
        VBox content = new VBox(10, verdictTitle, verdict, exportTitle, new HBox(12, pdf, html, json),
                new HBox(8, export, exportTo, openFolder, progress), target, exported);
        content.setPadding(new Insets(12));
        root.setCenter(content);
        root.setId("report-screen");
        root.getStyleClass().add("screen");
    }

    private void refreshVerdict() {
        Ranking ranking = state.rankingProperty().get();
        if (ranking == null) {
            verdict.setText("No ranking yet. Fit candidates, run the audit and open the Trust index screen; the "
                    + "verdict appears here.");
            return;
        }
        StringBuilder text = new StringBuilder();
        CandidateScore best = ranking.candidates().stream().filter(score -> !score.disqualified()
                && score.rank() != null && score.rank() == 1).findFirst().orElse(null);
        if (best == null) {
            text.append("No candidate qualifies: every candidate breaks a hard constraint.\n");
        } else {
            text.append("Recommended: ").append(best.name()).append(" (trust index ")
                    .append(number(best.index())).append(", ε = ").append(number(best.epsilon()))
                    .append(best.probabilityFirst() == null ? "" : ", ranks first under "
                            + Math.round(best.probabilityFirst() * 100) + " % of nearby weightings")
                    .append(").\n");
        }
        text.append("\nWeights: ").append(ranking.weights()).append("; normalisation ")
                .append(ranking.normalisation().id()).append(".\n\n");
        for (CandidateScore score : ranking.candidates()) {
            text.append(score.rank() == null ? "–" : score.rank().toString()).append(". ").append(score.name())
                    .append(": index ").append(number(score.index()));
            if (score.disqualified()) {
                text.append(", disqualified: ").append(String.join("; ", score.disqualificationReasons()));
            }
            text.append('\n');
        }
        verdict.setText(text.toString());
    }

    /** Exports the selected formats into {@code folder}, or the project folder when null. */
    public Task<List<Path>> export(Path folder) {
        Path destination = folder != null ? folder : state.projectFolderProperty().get();
        try {
            if (destination == null) {
                throw new InvalidInputException("the project has no folder yet; save the project (Ctrl+S) or use "
                        + "Export to folder…");
            }
            if (state.rankingProperty().get() == null) {
                throw new InvalidInputException("nothing to report yet; audit the candidates and open the Trust "
                        + "index screen first");
            }
        } catch (InvalidInputException e) {
            Dialogs.showError(workbench.window(), "Cannot export the report", e);
            return null;
        }
        List<String> formats = new ArrayList<>();
        if (pdf.isSelected()) {
            formats.add("pdf");
        }
        if (html.isSelected()) {
            formats.add("html");
        }
        if (json.isSelected()) {
            formats.add("json");
        }
        ReportInput input = reportInput();
        Engine engine = workbench.engine();
        Task<List<Path>> task = new Task<>() {
            @Override
            protected List<Path> call() {
                Background.recordWork("export");
                return engine.exportReport(readProvenanceFiles(input), formats, destination, (stage, fraction) -> {
                    updateProgress(fraction, 1);
                    updateMessage(stage);
                }, new CancellationToken());
            }
        };
        progress.progressProperty().bind(task.progressProperty());
        task.setOnSucceeded(event -> {
            progress.progressProperty().unbind();
            progress.setProgress(1);
            exported.getItems().setAll(task.getValue());
            lastFolder = destination;
            workbench.status("Exported the report to " + destination);
        });
        task.setOnFailed(event -> {
            progress.progressProperty().unbind();
            progress.setProgress(0);
            Dialogs.showError(workbench.window(), "Exporting the report failed", task.getException());
        });
        return workbench.background().submit(task);
    }

    /**
     * Collects the report inputs on the FX thread. A candidate fitted in this session contributes its model's
     * provenance; a reopened one its saved provenance file, which is read later on the worker.
     */
    private ReportInput reportInput() {
        Map<String, Object> provenance = new LinkedHashMap<>();
        Path folder = state.projectFolderProperty().get();
        for (Candidate candidate : state.candidates()) {
            if (candidate.modelProperty().get() != null) {
                provenance.put(candidate.name(), candidate.modelProperty().get().provenance());
            } else if (folder != null) {
                provenance.put(candidate.name(), folder.resolve(ProjectStore.SYNTHETIC_FOLDER)
                        .resolve(candidate.name() + ".provenance.json"));
            }
        }
        LoadedData data = state.dataProperty().get();
        String dataName = data == null || data.file() == null ? null : data.file().getFileName().toString();
        Engine.Split split = workbench.splits().current();
        return new ReportInput(state.projectNameProperty().get(), dataName, state.auditProperty().get(),
                state.rankingProperty().get(), provenance, state.holdoutFractionProperty().get(),
                state.holdoutSeedProperty().get(), split == null ? null : split.train().rowCount(),
                split == null ? null : split.holdout().rowCount());
    }

    /** Replaces saved provenance files by their JSON content; runs on the worker. */
    private static ReportInput readProvenanceFiles(ReportInput input) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        input.provenance().forEach((name, value) -> {
            if (value instanceof Path file) {
                if (java.nio.file.Files.isRegularFile(file)) {
                    try {
                        resolved.put(name, ProjectStore.json().readTree(file.toFile()));
                    } catch (java.io.IOException e) {
                        throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
                    }
                }
            } else {
                resolved.put(name, value);
            }
        });
        return new ReportInput(input.studyName(), input.dataFileName(), input.audit(), input.ranking(), resolved,
                input.holdoutFraction(), input.holdoutSeed(), input.trainRows(), input.holdoutRows());
    }

    private static String number(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.3g", value);
    }
}
