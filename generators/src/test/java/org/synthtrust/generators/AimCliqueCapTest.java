package org.synthtrust.generators;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.synthtrust.core.privacy.DpRandom;
import org.synthtrust.core.privacy.PrivacyBudget;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.pgm.MarginalModel;

/** AIM's cap on the largest junction-tree clique binds, is respected and is recorded in the model's provenance. */
class AimCliqueCapTest {
    @Test
    void cliqueCapBindsAndIsRecorded() {
        Table table = TestTables.sample("heart_disease", "heart_cleveland.csv");
        Schema schema = TestTables.sampleSchema("heart_disease");
        PrivacyLedger ledger = new PrivacyLedger(PrivacyBudget.of(10.0, 1e-6), DpRandom.seededForTesting(11));
        MarginalModel model = (MarginalModel) Synthesizers.byId("aim").fit(table, schema, ledger,
                Map.of("max_clique_cells", "60"), ProgressListener.NONE, CancellationToken.NONE);
        long largest = model.graphicalModel().tree().maxCliqueCells();
        assertTrue(largest <= 60, "largest clique " + largest);
        assertTrue(model.provenance().notices().stream().anyMatch(notice -> notice.contains("max_clique_cells")),
                model.provenance().notices().toString());
        assertTrue(ledger.totalEpsilon() <= 10.0 + 1e-9);
    }
}
