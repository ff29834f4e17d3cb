package org.synthtrust.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synthtrust.audit.MetricResult;

/** Turns a {@link ReportModel} into the ordered blocks that both renderers format. */
public final class ReportLayout {
    public static final String DATA = "Data summary";
    public static final String CANDIDATES = "Candidates and privacy ledgers";
    public static final String TRUST = "Trust index";
    public static final String METHODS = "Methods and limitations";

    private final List<Block> blocks = new ArrayList<>();
    private int section;

    private ReportLayout() { }

    public static List<Block> blocks(ReportModel model) {
        ReportLayout layout = new ReportLayout();
        layout.cover(model);
        layout.blocks.add(new Block.Contents());
        layout.data(model);
        layout.candidates(model);
        layout.trust(model);
        for (ReportModel.PillarSection pillar : model.pillars()) {
            layout.pillar(pillar);
        }
        layout.methods(model);
        return List.copyOf(layout.blocks);
    }

    /** Returns the title of a pillar section, for example "Fidelity". */
    public static String pillarTitle(String pillar) {
        return pillar.substring(0, 1).toUpperCase(Locale.ROOT) + pillar.substring(1);
    }

    private void heading(String text) {
        section++;
        blocks.add(new Block.Heading(1, section + " " + text, "s" + section));
    }

    private void cover(ReportModel model) {
        ReportModel.Cover cover = model.cover();
        blocks.add(new Block.Title("SynthTrust audit report", cover.studyName()));
        blocks.add(new Block.Table(null, List.of("Item", "Value"), List.of(
                List.of("Study", cover.studyName()),
                List.of("Study id", cover.studyId()),
                List.of("Date", cover.date()),
                List.of("Input file", cover.inputFile()),
                List.of("SynthTrust version", cover.version()),
                List.of("Small-cell threshold", "k = " + model.disclosure().k())), 1));
        blocks.add(new Block.Paragraph(cover.dpNotice(), "warning"));
        blocks.add(new Block.Paragraph("Recommended candidate: "
                + (cover.recommended() == null ? "none (every candidate was disqualified)" : cover.recommended()),
                "notice"));
        blocks.add(new Block.Paragraph(cover.verdict(), "normal"));
    }

    private void data(ReportModel model) {
        heading(DATA);
        ReportModel.DataSummary data = model.data();
        int k = model.disclosure().k();
        String rowCount = data.rowsRounded() == null ? "not recorded" : Fmt.count(data.rowsRounded());
        blocks.add(new Block.Paragraph("Rows (rounded to the nearest hundred): " + rowCount
                + ". Columns: " + data.columnCount() + ". Missing-value counts below " + k + " are shown as \"< "
                + k + "\".", "normal"));
        List<List<String>> rows = new ArrayList<>();
        boolean anyInferred = false;
        for (ReportModel.ColumnSummary column : data.columns()) {
            boolean inferred = "inferred".equals(column.domainSource());
            anyInferred |= inferred;
            rows.add(List.of(column.name(), column.type(), String.join(", ", column.roles()), column.missing(),
                    inferred ? "inferred (not covered by DP)" : column.domainSource(),
                    column.domain() == null ? "" : column.domain()));
        }
        blocks.add(new Block.Table("Columns", List.of("Column", "Type", "Roles", "Missing", "Domain source", "Domain"),
                rows, 1));
        if (anyInferred) {
            blocks.add(new Block.Paragraph("Domains marked inferred were read from the private data, not declared "
                    + "in the schema. Their categories or bounds can reveal facts about the input, and the DP "
                    + "guarantee does not cover them. Declare them in the schema to close this gap.", "warning"));
        }
    }

    private void candidates(ReportModel model) {
        heading(CANDIDATES);
        List<List<String>> summary = new ArrayList<>();
        for (ReportModel.Candidate candidate : model.candidates()) {
            summary.add(List.of(candidate.name(), candidate.method(), Fmt.num(candidate.epsilon()),
                    Fmt.num(candidate.delta()),
                    candidate.ledger() == null ? "no ledger" : Fmt.num(candidate.ledger().totalEpsilon()),
                    candidate.testMode() ? "NOT PRIVATE (seeded test mode)" : "yes"));
        }
        blocks.add(new Block.Table("Candidates", List.of("Candidate", "Method", "Epsilon budget", "Delta",
                "Epsilon spent", "Private"), summary, 1));
        for (ReportModel.Candidate candidate : model.candidates()) {
            blocks.add(new Block.Heading(2, "Candidate " + candidate.name(), "c-" + candidate.name()));
            if (candidate.testMode()) {
                blocks.add(new Block.Paragraph("NOT PRIVATE: this candidate was produced in seeded test mode. Its "
                        + "noise is reproducible, so it carries no differential privacy guarantee and must not "
                        + "be released.", "warning"));
            }
            List<String> parameters = new ArrayList<>();
            candidate.parameters().forEach((key, value) -> parameters.add(key + " = " + value));
            blocks.add(new Block.Paragraph("Method " + candidate.method() + "; budget epsilon = "
                    + Fmt.num(candidate.epsilon()) + ", delta = " + Fmt.num(candidate.delta())
                    + "; parameters: " + (parameters.isEmpty() ? "defaults" : String.join(", ", parameters)) + ".",
                    "normal"));
            ReportModel.Ledger ledger = candidate.ledger();
            if (ledger == null) {
                blocks.add(new Block.Paragraph("No provenance file was found for this candidate, so there is no "
                        + "privacy ledger and this report makes no privacy claim about it.", "warning"));
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            int index = 1;
            for (ReportModel.LedgerRow row : ledger.entries()) {
                rows.add(List.of(Integer.toString(index++), row.mechanism(), row.query(), Fmt.num(row.sensitivity()),
                        Fmt.num(row.noiseScale()), row.costType(), Fmt.num(row.cost()), Fmt.num(row.runningEpsilon())));
            }
            blocks.add(new Block.Table("Privacy ledger of " + candidate.name(), List.of("#", "Mechanism", "Query",
                    "Sensitivity", "Noise scale", "Cost type", "Cost", "Running epsilon"), rows, 1));
            blocks.add(new Block.Paragraph("Total: epsilon = " + Fmt.num(ledger.totalEpsilon()) + " at delta = "
                    + Fmt.num(ledger.delta()) + " (" + ledger.accounting() + "), composed over "
                    + ledger.entries().size() + " ledger entries.", "normal"));
        }
    }

    private void trust(ReportModel model) {
        heading(TRUST);
        ReportModel.TrustSection trust = model.trust();
        List<List<String>> weights = new ArrayList<>();
        trust.weights().forEach((pillar, weight) -> weights.add(List.of(pillar, Fmt.num(weight))));
        blocks.add(new Block.Table("Weights", List.of("Pillar", "Weight"), weights, 1));
        blocks.add(new Block.Paragraph("Normalisation: " + trust.normalisation(), "normal"));

        List<String> pillars = new ArrayList<>(trust.weights().keySet());
        List<String> header = new ArrayList<>(List.of("Rank", "Candidate", "Trust index"));
        pillars.forEach(header::add);
        header.add("Status");
        List<List<String>> rows = new ArrayList<>();
        List<String> disqualified = new ArrayList<>();
        for (ReportModel.RankingRow row : trust.ranking()) {
            List<String> cells = new ArrayList<>();
            cells.add(row.rank() == null ? "\u2013" : row.rank().toString());
            cells.add(row.candidate());
            cells.add(Fmt.score(row.trustIndex()));
            for (String pillar : pillars) {
                cells.add(Fmt.score(row.pillarScores().get(pillar)));
            }
            cells.add(row.disqualified() ? "disqualified" : "ranked");
            rows.add(cells);
            if (row.disqualified()) {
                disqualified.add(row.candidate() + ": " + row.reason());
            }
        }
        blocks.add(new Block.Table("Ranking", header, rows, 2));
        if (!disqualified.isEmpty()) {
            blocks.add(new Block.Paragraph("Disqualified candidates and the reasons:", "normal"));
            blocks.add(new Block.Bullets(disqualified));
        }
        blocks.add(new Block.Paragraph("Pareto front (no other candidate is at least as good on every pillar and "
                + "better on one): " + String.join(", ", trust.paretoFront()) + ".", "normal"));
        List<List<String>> first = new ArrayList<>();
        trust.probabilityFirst().forEach((candidate, p) -> first.add(List.of(candidate, Fmt.percent(p))));
        blocks.add(new Block.Table("Probability of ranking first under sampled weights ("
                + trust.sensitivityMethod() + ")", List.of("Candidate", "Probability of ranking first"), first, 1));
        blocks.add(new Block.Charts(trust.charts()));
    }

    private void pillar(ReportModel.PillarSection pillar) {
        heading(pillarTitle(pillar.pillar()));
        if (pillar.summary() != null) {
            blocks.add(new Block.Paragraph(pillar.summary(), "normal"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (MetricResult metric : pillar.metrics()) {
            String interval = metric.lower() == null ? "" : "[" + Fmt.num(metric.lower()) + ", " + Fmt.num(metric.upper()) + "]";
            rows.add(List.of(metric.candidate(), metric.id(), Fmt.num(metric.value()), interval,
                    Fmt.score(pillar.scores().get(scoreKey(metric.candidate(), metric.id()))), metric.status().id(),
                    metric.reason() == null ? "" : metric.reason()));
        }
        blocks.add(new Block.Table("Metrics", List.of("Candidate", "Metric", "Value", "Interval", "Score", "Status",
                "Reason"), rows, 1));
        for (ReportModel.WideTable table : pillar.tables()) {
            blocks.add(new Block.Table(table.title(), table.header(), table.rows(), 1));
        }
        blocks.add(new Block.Charts(pillar.charts()));
    }

    /** Key of a metric score in {@link ReportModel.PillarSection#scores()}. */
    public static String scoreKey(String candidate, String metricId) {
        return candidate + "|" + metricId;
    }

    private void methods(ReportModel model) {
        heading(METHODS);
        ReportModel.Methods methods = model.methods();
        List<List<String>> notes = new ArrayList<>();
        for (ReportModel.MetricNote note : methods.metricNotes()) {
            notes.add(List.of(note.id(), note.text()));
        }
        blocks.add(new Block.Table("What each metric measures", List.of("Metric", "Meaning"), notes, 1));
        blocks.add(new Block.Heading(2, "What differential privacy promises", "guarantees"));
        blocks.add(new Block.Bullets(methods.guarantees()));
        blocks.add(new Block.Heading(2, "Limitations", "limitations"));
        blocks.add(new Block.Bullets(methods.limitations()));
        blocks.add(new Block.Heading(2, "Reproducibility", "reproducibility"));
        List<List<String>> repro = new ArrayList<>();
        Map<String, String> ordered = new LinkedHashMap<>(methods.reproducibility());
        ordered.forEach((key, value) -> repro.add(List.of(key, value)));
        blocks.add(new Block.Table(null, List.of("Item", "Value"), repro, 1));
    }
}
