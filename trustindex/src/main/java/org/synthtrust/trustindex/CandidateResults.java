package org.synthtrust.trustindex;

import java.util.List;
import org.synthtrust.audit.MetricResult;

/**
 * Audit results of one candidate, the input of the trust index.
 *
 * @param name     candidate name
 * @param epsilon  the epsilon the candidate claims (the budget it was fitted with, or the one its maker
 *                 declares for an external table), or null when it claims no differential privacy
 * @param repeats  one list of metric results per independent private run; one entry without repeats
 * @param error    why fitting, sampling or auditing the candidate failed, or null; a failed candidate is
 *                 listed as disqualified with this reason
 */
public record CandidateResults(String name, Double epsilon, List<List<MetricResult>> repeats, String error) {

    public CandidateResults {
        repeats = repeats == null ? List.of() : List.copyOf(repeats.stream().map(List::copyOf).toList());
    }

    public static CandidateResults of(String name, Double epsilon, List<MetricResult> results) {
        return new CandidateResults(name, epsilon, List.of(results), null);
    }

    public static CandidateResults failed(String name, Double epsilon, String error) {
        return new CandidateResults(name, epsilon, List.of(), error);
    }
}
