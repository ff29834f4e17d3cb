package org.synthtrust.trustindex.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.synthtrust.audit.AuditResult;
import org.synthtrust.audit.MetricResult;
import org.synthtrust.trustindex.CandidateResults;
import org.synthtrust.trustindex.Normalisation;
import org.synthtrust.trustindex.Aggregation;
import org.synthtrust.trustindex.Ranking;
import org.synthtrust.trustindex.ScoreRules;
import org.synthtrust.trustindex.TrustIndex;
import org.synthtrust.trustindex.TrustPillar;
import org.synthtrust.trustindex.TrustSettings;
import org.synthtrust.trustindex.study.StudyRecord.CandidateRecord;
import org.synthtrust.trustindex.study.StudyRecord.GridSelection;

/**
 * Ranks a study folder from its {@code audit.json} and {@code study.json} without recomputing the audit, and
 * makes the trust-index-driven selection in every grid. A folder written by {@code synthtrust audit} has no
 * {@code study.json}; each audited table is then one candidate whose epsilon is read from its
 * {@code privacy.claimed.epsilon} result, if any.
 */
public final class StudyRanker {

    public static final String STUDY_JSON = "study.json";
    public static final String AUDIT_JSON = "audit.json";
    public static final String RANKING_JSON = "ranking.json";

    private StudyRanker() {
    }

    /** Reads the study record of a folder, or returns null when the folder has none. */
    public static StudyRecord readRecord(Path folder) {
        Path file = folder.resolve(STUDY_JSON);
        return Files.isRegularFile(file) ? StudyJson.read(file, StudyRecord.class) : null;
    }

    /** Returns the trust settings the study was run with, or the defaults when there is no record. */
    public static TrustSettings settingsOf(StudyRecord record) {
        if (record == null || record.trust() == null) {
            return TrustSettings.defaults();
        }
        StudyRecord.TrustRecord trust = record.trust();
        Map<TrustPillar, Double> weights = new java.util.EnumMap<>(TrustPillar.class);
        trust.weights().forEach((id, weight) -> weights.put(TrustPillar.parse(id, "study.json weights"), weight));
        TrustSettings settings = new TrustSettings(Normalisation.parse(trust.normalisation()),
                Aggregation.parse(trust.aggregation()), trust.profile(), weights, trust.metricWeights(),
                trust.constraints(), trust.defaultConstraints(), null, trust.sensitivity());
        return record.input() == null ? settings : settings.withHoldoutRows(record.input().holdoutRows());
    }

    /** Ranks the folder under {@code settings} (see {@link #settingsOf}) and writes {@code ranking.json}. */
    public static StudyRanking rankFolder(Path folder, TrustSettings settings) {
        AuditResult audit = AuditResult.read(folder.resolve(AUDIT_JSON));
        StudyRanking ranking = rank(readRecord(folder), audit, settings);
        StudyJson.write(ranking, folder.resolve(RANKING_JSON));
        return ranking;
    }

    /** Ranks audit results; {@code record} may be null for a folder written by {@code synthtrust audit}. */
    public static StudyRanking rank(StudyRecord record, AuditResult audit, TrustSettings settings) {
        TrustSettings effective = settings;
        if (effective.holdoutRows() == null && record != null && record.input() != null) {
            effective = effective.withHoldoutRows(record.input().holdoutRows());
        }
        List<CandidateResults> candidates = record == null ? fromAuditOnly(audit) : fromRecord(record, audit);
        Ranking ranking = TrustIndex.rank(candidates, effective);
        List<GridSelection> selections = record == null ? List.of() : selections(record, ranking);
        return new StudyRanking(ranking, selections, record == null ? null : record.budget());
    }

    private static List<CandidateResults> fromRecord(StudyRecord record, AuditResult audit) {
        List<CandidateResults> candidates = new ArrayList<>();
        for (CandidateRecord candidate : record.candidates()) {
            if (candidate.error() != null) {
                candidates.add(CandidateResults.failed(candidate.name(), candidate.epsilon(), candidate.error()));
                continue;
            }
            List<List<MetricResult>> repeats = new ArrayList<>();
            for (String stem : candidate.stems()) {
                List<MetricResult> results = audit.resultsFor(stem);
                if (!results.isEmpty()) {
                    repeats.add(results);
                }
            }
            if (repeats.isEmpty()) {
                candidates.add(CandidateResults.failed(candidate.name(), candidate.epsilon(),
                        "audit.json has no results for " + candidate.stems()));
            } else {
                candidates.add(new CandidateResults(candidate.name(), candidate.epsilon(), repeats, null));
            }
        }
        return candidates;
    }

    private static List<CandidateResults> fromAuditOnly(AuditResult audit) {
        List<CandidateResults> candidates = new ArrayList<>();
        for (String name : audit.candidates()) {
            Double epsilon = audit.find(name, ScoreRules.CLAIMED_EPSILON).filter(MetricResult::isOk)
                    .map(MetricResult::value).orElse(null);
            candidates.add(CandidateResults.of(name, epsilon, audit.resultsFor(name)));
        }
        return candidates;
    }

    /** Selects, in every grid, the qualified member with the highest trust index. */
    static List<GridSelection> selections(StudyRecord record, Ranking ranking) {
        Map<String, List<CandidateRecord>> grids = new LinkedHashMap<>();
        for (CandidateRecord candidate : record.candidates()) {
            if (candidate.grid() != null) {
                grids.computeIfAbsent(candidate.grid(), grid -> new ArrayList<>()).add(candidate);
            }
        }
        double total = record.budget() == null ? Double.NaN : record.budget().totalEpsilon();
        List<GridSelection> selections = new ArrayList<>();
        for (Map.Entry<String, List<CandidateRecord>> grid : grids.entrySet()) {
            List<String> members = grid.getValue().stream().map(CandidateRecord::name).toList();
            Ranking.CandidateScore best = null;
            for (Ranking.CandidateScore candidate : ranking.candidates()) {
                if (members.contains(candidate.name()) && !candidate.disqualified()) {
                    best = candidate;
                    break;
                }
            }
            String statement;
            if (best == null) {
                statement = "No member of grid " + grid.getKey() + " is qualified, so none was selected.";
            } else {
                statement = String.format(Locale.ROOT, "%s was selected by trust index among %d members of grid "
                        + "%s. The selection looked at the real data through the audit, which no differential "
                        + "privacy guarantee covers. Everything this study fitted on the same data spent "
                        + "epsilon = %.4g in total (basic composition); the selected member alone spent "
                        + "epsilon = %.4g per fit.", best.name(), members.size(), grid.getKey(), total,
                        best.epsilon());
            }
            selections.add(new GridSelection(grid.getKey(), members, best == null ? null : best.name(),
                    best == null ? null : best.epsilon(), total, statement));
        }
        return selections;
    }
}
