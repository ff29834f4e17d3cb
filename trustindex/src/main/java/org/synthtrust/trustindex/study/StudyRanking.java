package org.synthtrust.trustindex.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.synthtrust.trustindex.Ranking;

/**
 * Contents of {@code ranking.json}: the trust index ranking, the selection made in each grid under these
 * weights, and the privacy budget spent on the private data by the whole study.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudyRanking(
        @JsonUnwrapped Ranking ranking,
        List<StudyRecord.GridSelection> selections,
        StudyRecord.BudgetRecord budget) {
}
