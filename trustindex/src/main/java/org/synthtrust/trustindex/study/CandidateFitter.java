package org.synthtrust.trustindex.study;

import java.util.LinkedHashMap;
import java.util.Map;
import org.synthtrust.core.privacy.DpRandom;
import org.synthtrust.core.privacy.PrivacyBudget;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.io.CsvDialect;
import org.synthtrust.core.io.CsvWriter;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.ModelProvenance;
import org.synthtrust.generators.Synthesizers;
import org.synthtrust.trustindex.study.StudyPlan.CandidatePlan;

/**
 * Fits one repeat of one candidate through its synthesizer and a fresh privacy ledger, samples it, and writes
 * the released files. A candidate with a seed runs in the explicit seeded test mode, which is not private.
 */
class CandidateFitter {

    /** A fitted and sampled repeat. */
    record Fit(FittedModel model, Table synthetic, double spentEpsilon, boolean isPrivate) {
    }

    /** Provenance released beside a synthetic table; it carries no statistic of the private table. */
    record SyntheticProvenance(String candidate, int repeat, int rows, ModelProvenance model) {
    }

    Fit fit(CandidatePlan candidate, int repeat, Table train, Schema schema, ProgressListener progress,
            CancellationToken cancel) {
        DpRandom random = candidate.seed() == null ? DpRandom.secure()
                : DpRandom.seededForTesting(candidate.seed() + repeat);
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(candidate.epsilon(), candidate.delta()), random);
        Map<String, String> params = new LinkedHashMap<>(candidate.params());
        FittedModel model = Synthesizers.byId(candidate.method()).fit(train, schema, ledger, params, progress,
                cancel);
        int rows = candidate.rows() != null ? candidate.rows() : model.defaultRows();
        Table synthetic = model.sample(rows, random.generator());
        return new Fit(model, synthetic, ledger.totalEpsilon(), random.isPrivate());
    }

    /** Writes the model, then the table, then the provenance, which marks the repeat as finished. */
    void write(Fit fit, StudyFolder folder, CandidatePlan candidate, int repeat) {
        String stem = candidate.stem(repeat);
        fit.model().save(folder.model(stem));
        CsvWriter.write(fit.synthetic(), folder.syntheticCsv(stem), CsvDialect.DEFAULT, false);
        StudyJson.write(new SyntheticProvenance(candidate.name(), repeat + 1, fit.synthetic().rowCount(),
                fit.model().provenance()), folder.provenance(stem));
    }
}
