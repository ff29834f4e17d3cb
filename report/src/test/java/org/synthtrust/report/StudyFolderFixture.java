package org.synthtrust.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.synthtrust.audit.AuditProvenance;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.AuditSettings;
import org.synthtrust.audit.Direction;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.audit.MetricStatus;
import org.synthtrust.audit.Pillar;
import org.synthtrust.core.privacy.LedgerEntry;
import org.synthtrust.core.privacy.LedgerSnapshot;
import org.synthtrust.core.schema.ColumnSpec;
import org.synthtrust.core.schema.Role;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.trustindex.CandidateResults;
import org.synthtrust.trustindex.Ranking;
import org.synthtrust.trustindex.TrustIndex;
import org.synthtrust.trustindex.TrustSettings;
import org.synthtrust.trustindex.study.StudyJson;
import org.synthtrust.trustindex.study.StudyRanker;
import org.synthtrust.trustindex.study.StudyRanking;
import org.synthtrust.trustindex.study.StudyRecord;

/**
 * Writes a small study folder (study.json, audit.json, ranking.json, provenance files) whose metric chart
 * data carries the same canaries as {@link ReportFixtures}: a unique occupation and a unique group.
 */
final class StudyFolderFixture {
    static final String INPUT_HASH = "9f2c4e1b7a03d5c8e6f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7";

    private StudyFolderFixture() { }

    static void write(Path dir, List<String> candidates) throws IOException {
        Files.createDirectories(dir.resolve("synthetic"));
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        columns.put("record_id", new ColumnSpec(ColumnType.TEXT, List.of(Role.IDENTIFIER), false, null, null, null,
                null, null, null));
        columns.put("age", new ColumnSpec(ColumnType.INTEGER, List.of(Role.QUASI_IDENTIFIER), false, null,
                List.of(17.0, 90.0), null, null, null, null));
        columns.put("hours_per_week", new ColumnSpec(ColumnType.INTEGER, List.of(), false, null,
                List.of(1.0, 99.0), null, null, null, true));
        columns.put("occupation", new ColumnSpec(ColumnType.CATEGORICAL, List.of(), true,
                List.of("Sales", "Tech-support", ReportFixtures.CANARY_VALUE), null, null, null, null, null));
        columns.put("income", new ColumnSpec(ColumnType.CATEGORICAL, List.of(Role.TARGET), false,
                List.of("<=50K", ">50K"), null, null, ">50K", null, null));
        Schema schema = new Schema(null, columns);

        List<MetricResult> results = new ArrayList<>();
        List<CandidateResults> forRanking = new ArrayList<>();
        int index = 0;
        for (String name : candidates) {
            List<MetricResult> own = new ArrayList<>();
            double shift = 0.03 * index++;
            Map<String, Double> breakdown = new LinkedHashMap<>();
            breakdown.put("age", 0.91 - shift);
            breakdown.put("hours_per_week", 0.87 - shift);
            breakdown.put("occupation", 0.95 - shift);
            Map<String, Object> distribution = new LinkedHashMap<>();
            distribution.put("column", "occupation");
            distribution.put("labels", List.of("Sales", "Tech-support", ReportFixtures.CANARY_VALUE));
            distribution.put("real_counts", List.of(400, 350, 1));
            distribution.put("synthetic_counts", List.of(390, 355, 6));
            own.add(new MetricResult("fidelity.detection.auc", name, Pillar.FIDELITY, Direction.LOWER_IS_BETTER,
                    0.58 + shift, null, null, MetricStatus.OK, null, breakdown, distribution));
            own.add(new MetricResult("utility.tstr.auc", name, Pillar.UTILITY, Direction.HIGHER_IS_BETTER,
                    0.84 - shift, 0.83 - shift, 0.85 - shift, MetricStatus.OK, null, null, null));
            own.add(new MetricResult("utility.trtr.auc", name, Pillar.UTILITY, Direction.NEUTRAL,
                    0.87, null, null, MetricStatus.OK, null, null, null));
            Map<String, Object> groups = new LinkedHashMap<>();
            groups.put("groups", List.of("White & Male", "Black & Female", ReportFixtures.CANARY_COMBINATION));
            groups.put("group_counts", List.of(600, 120, 2));
            groups.put("real_rates", List.of(0.31, 0.06, 1.0));
            groups.put("synthetic_rates", List.of(0.30, 0.08, 0.5));
            own.add(new MetricResult("fairness.outcome_rate.max_gap_change", name, Pillar.FAIRNESS,
                    Direction.LOWER_IS_BETTER, 0.03, null, null, MetricStatus.OK, null, null, groups));
            Map<String, Object> representation = new LinkedHashMap<>();
            representation.put("native-country", List.of(
                    Map.of("group", "United-States", "real_count", 700, "real_share", 0.99, "synthetic_share", 0.98,
                            "real_positive_rate", 0.25, "synthetic_positive_rate", 0.24),
                    Map.of("group", ReportFixtures.CANARY_VALUE, "real_count", 1, "real_share", 0.001,
                            "synthetic_share", 0.002, "real_positive_rate", 1.0, "synthetic_positive_rate", 0.5)));
            own.add(new MetricResult("fairness.representation.max_gap", name, Pillar.FAIRNESS,
                    Direction.LOWER_IS_BETTER, 0.01, null, null, MetricStatus.OK,
                    "excluded below the minimum group size 5: native-country=" + ReportFixtures.CANARY_VALUE
                            + " (1 real rows)", Map.of("native-country=" + ReportFixtures.CANARY_VALUE, 0.001),
                    representation));
            Map<String, Object> roc = new LinkedHashMap<>();
            roc.put("roc_fpr", List.of(0.0, 0.01, 0.05, 0.2, 0.5, 1.0));
            roc.put("roc_tpr", List.of(0.0, 0.012, 0.055, 0.21, 0.51, 1.0));
            own.add(new MetricResult("privacy.mia.distance.auc", name, Pillar.PRIVACY, Direction.LOWER_IS_BETTER,
                    0.51, 0.49, 0.53, MetricStatus.OK, null, null, roc));
            own.add(new MetricResult("privacy.claimed.epsilon", name, Pillar.PRIVACY, Direction.NEUTRAL,
                    1.0, null, null, MetricStatus.OK, null, null, null));
            results.addAll(own);
            forRanking.add(CandidateResults.of(name, 1.0, own));

            List<LedgerEntry> entries = List.of(
                    new LedgerEntry("gaussian", "1-way marginal age", Math.sqrt(2), 12.5, LedgerEntry.ZCDP_RHO, 0.0064, 0.3968),
                    new LedgerEntry("gaussian", "1-way marginal occupation", Math.sqrt(2), 12.5, LedgerEntry.ZCDP_RHO, 0.0064, 0.5662));
            LedgerSnapshot ledger = new LedgerSnapshot(new LedgerSnapshot.Budget(1.0, 1e-6), entries, 0.5662, 1e-6,
                    index == 3, "zcdp", index == 3 ? "NOT PRIVATE" : "private", List.of());
            String provenance = "{\"method\": \"mst\", \"parameters\": {\"max_cells\": \"10000\"}, \"ledger\": "
                    + ledger.toJson() + "}";
            Files.writeString(dir.resolve("synthetic").resolve(name + ".provenance.json"), provenance);
        }
        AuditProvenance provenance = new AuditProvenance("0.1.0-SNAPSHOT", "2026-12-04T20:00:00Z",
                Map.of("train", INPUT_HASH), schema, Map.of(), AuditSettings.defaults());
        new AuditResult(provenance, candidates, Map.of(), results).write(dir.resolve("audit.json"));
        StudyRecord record = new StudyRecord("Adult income release", "2026-12-04T20:00:00Z", "0.1.0-SNAPSHOT",
                "/home/analyst/studies/adult-study.yaml", null,
                new StudyRecord.Input("/home/analyst/private/adult.csv", INPUT_HASH, "schema.json", null, null, 0.33,
                        7L, 32561, 16281),
                null, null, new StudyRecord.BudgetRecord(3.0, 3e-6, 3, "The study spent epsilon = 3 on the "
                        + "private data in total: 3 fits of epsilon 1 under basic composition."), null);
        StudyJson.write(record, dir.resolve(StudyRanker.STUDY_JSON));
        Ranking ranking = TrustIndex.rank(forRanking, TrustSettings.defaults());
        StudyJson.write(new StudyRanking(ranking, List.of(), record.budget()), dir.resolve(StudyRanker.RANKING_JSON));
    }
}
