package org.synthtrust.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.synthtrust.trustindex.Ranking;
import org.synthtrust.trustindex.Ranking.CandidateScore;
import org.synthtrust.trustindex.Ranking.PillarScore;
import org.synthtrust.trustindex.TrustPillar;
import org.synthtrust.trustindex.study.StudyRanking;
import org.synthtrust.trustindex.study.StudyRecord;

/** Prints a ranking as a plain-text table with the pillar breakdown and the reasons for disqualification. */
final class RankingPrinter {
    private RankingPrinter() {
    }

    static void print(StudyRanking studyRanking, PrintWriter out) {
        Ranking ranking = studyRanking.ranking();
        out.printf(Locale.ROOT, "trust index: %s normalisation, %s mean, weights %s%n", ranking.normalisation().id(),
                ranking.aggregation().id(), ranking.weights());
        out.printf(Locale.ROOT, "%-4s %-28s %7s %7s %8s %8s %8s %8s %10s  %s%n", "rank", "candidate", "index",
                "epsilon", "privacy", "fidelity", "utility", "fairness", "P(first)", "pareto");
        for (CandidateScore candidate : ranking.candidates()) {
            out.printf(Locale.ROOT, "%-4s %-28s %7s %7s %8s %8s %8s %8s %10s  %s%n",
                    candidate.rank() == null ? "-" : candidate.rank().toString(), candidate.name(),
                    number(candidate.index()), number(candidate.epsilon()),
                    pillar(candidate, TrustPillar.PRIVACY), pillar(candidate, TrustPillar.FIDELITY),
                    pillar(candidate, TrustPillar.UTILITY), pillar(candidate, TrustPillar.FAIRNESS),
                    number(candidate.probabilityFirst()), candidate.paretoOptimal() ? "yes" : "");
            for (String reason : candidate.disqualificationReasons()) {
                out.println("       disqualified: " + reason);
            }
        }
        for (String note : ranking.notes()) {
            out.println("note: " + note);
        }
        for (StudyRecord.GridSelection selection : studyRanking.selections()) {
            out.println(selection.statement());
        }
        if (studyRanking.budget() != null) {
            out.println(studyRanking.budget().statement());
        }
        if (ranking.allDisqualified()) {
            out.println("every candidate is disqualified by a hard constraint");
        }
        out.flush();
    }

    private static String pillar(CandidateScore candidate, TrustPillar pillar) {
        PillarScore score = candidate.pillars().get(pillar.id());
        return score == null ? "-" : number(score.score());
    }

    private static String number(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }
}
