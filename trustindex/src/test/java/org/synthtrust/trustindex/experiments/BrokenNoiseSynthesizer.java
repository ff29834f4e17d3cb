package org.synthtrust.trustindex.experiments;

import java.util.List;
import java.util.Map;
import org.synthtrust.core.privacy.PrivacyBudget;
import org.synthtrust.core.privacy.PrivacyLedger;
import org.synthtrust.core.privacy.Zcdp;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.ProgressListener;
import org.synthtrust.core.schema.Schema;
import org.synthtrust.core.table.Table;
import org.synthtrust.generators.FittedModel;
import org.synthtrust.generators.ParameterDescriptor;
import org.synthtrust.generators.Synthesizer;
import org.synthtrust.generators.independent.IndependentSynthesizer;

/**
 * TEST ONLY, deliberately broken: claims the ledger's budget but runs independent marginals with its noise
 * standard deviation divided by 10. Dividing sigma by 10 multiplies zCDP rho by 100, so the inner fit gets the
 * budget of 100 rho and the real epsilon is far above the claim.
 */
public final class BrokenNoiseSynthesizer implements Synthesizer {
    public static final String ID = "broken-test-only";
    /** Factor the noise standard deviation is divided by. */
    static final double NOISE_DIVISOR = 10;

    private final IndependentSynthesizer inner = new IndependentSynthesizer();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "TEST ONLY: independent marginals with a tenth of the noise they claim.";
    }

    @Override
    public List<ParameterDescriptor> parameters() {
        return inner.parameters();
    }

    @Override
    public FittedModel fit(Table train, Schema schema, PrivacyLedger ledger, Map<String, String> params,
                           ProgressListener progress, CancellationToken cancel) {
        double delta = ledger.budget().delta();
        double rho = Zcdp.rhoForBudget(ledger.budget().epsilon(), delta) * NOISE_DIVISOR * NOISE_DIVISOR;
        PrivacyLedger wrong = new PrivacyLedger(PrivacyBudget.of(Zcdp.epsilonFor(rho, delta), delta),
                ledger.random());
        return inner.fit(train, schema, wrong, params, progress, cancel);
    }
}
