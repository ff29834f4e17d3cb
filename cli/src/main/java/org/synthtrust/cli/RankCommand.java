package org.synthtrust.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.synthtrust.core.InvalidInputException;
import org.synthtrust.trustindex.Aggregation;
import org.synthtrust.trustindex.Normalisation;
import org.synthtrust.trustindex.SensitivitySettings;
import org.synthtrust.trustindex.TrustSettings;
import org.synthtrust.trustindex.WeightProfile;
import org.synthtrust.trustindex.study.StudyRanker;
import org.synthtrust.trustindex.study.StudyRanking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code synthtrust rank DIR}: re-ranks a finished study from its audit.json without recomputing the audit. */
@Command(name = "rank", mixinStandardHelpOptions = true,
        description = {"Re-rank a finished study folder under new weights or constraints; the audit is not "
                + "recomputed. Writes DIR/ranking.json.",
            "Settings not given keep the values the study was run with.",
            "Exit code 3 when every candidate is disqualified by a hard constraint."})
final class RankCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Study folder written by 'run' or 'audit'.")
    Path folder;

    @Option(names = "--weights", paramLabel = "WEIGHTS",
            description = "Pillar weights such as privacy=3,fidelity=1,utility=1,fairness=1,robustness=0 "
                    + "(pillars not named weigh 0), or a profile: privacy-first, balanced, utility-first, "
                    + "fairness-first.")
    String weights;

    @Option(names = "--constraint", paramLabel = "EXPR",
            description = "Hard constraint such as epsilon<=1 or privacy.mia.distance.auc<=0.6; repeat the option "
                    + "for several. Replaces the study's own constraints; the defaults still apply.")
    List<String> constraints;

    @Option(names = "--no-default-constraints",
            description = "Drop the default exact-match and epsilon-audit constraints.")
    boolean noDefaultConstraints;

    @Option(names = "--normalisation", paramLabel = "absolute|relative", description = "Metric score normalisation.")
    String normalisation;

    @Option(names = "--aggregation", paramLabel = "geometric|arithmetic", description = "Mean over the pillars.")
    String aggregation;

    @Option(names = "--concentration", paramLabel = "C",
            description = "Dirichlet concentration of the weight sensitivity (larger stays closer to the weights).")
    Double concentration;

    @Override
    public Integer call() {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("study folder " + folder + " not found");
        }
        TrustSettings settings = StudyRanker.settingsOf(StudyRanker.readRecord(folder));
        if (weights != null) {
            String profile = weights.contains("=") ? WeightProfile.CUSTOM.id() : WeightProfile.parse(weights).id();
            settings = settings.withWeights(profile, WeightProfile.parseWeights(weights, "--weights"));
        }
        if (constraints != null || noDefaultConstraints) {
            settings = settings.withConstraints(constraints != null ? constraints : settings.constraints(),
                    !noDefaultConstraints && settings.defaultConstraints());
        }
        if (normalisation != null) {
            settings = settings.withNormalisation(Normalisation.parse(normalisation));
        }
        if (aggregation != null) {
            settings = settings.withAggregation(Aggregation.parse(aggregation));
        }
        if (concentration != null) {
            SensitivitySettings sensitivity = settings.sensitivity();
            settings = settings.withSensitivity(new SensitivitySettings(sensitivity.samples(), concentration,
                    sensitivity.seed()));
        }
        StudyRanking ranking = StudyRanker.rankFolder(folder, settings);
        RankingPrinter.print(ranking, spec.commandLine().getOut());
        return ranking.ranking().allDisqualified() ? Main.EXIT_ALL_DISQUALIFIED : Main.EXIT_OK;
    }
}
