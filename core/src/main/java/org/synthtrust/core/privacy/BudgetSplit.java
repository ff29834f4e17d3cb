package org.synthtrust.core.privacy;

import static org.synthtrust.core.privacy.PrivacyBudget.format;
import static org.synthtrust.core.privacy.PrivacyBudget.formatDecimal;

/**
 * A total budget split into a pure epsilon-DP pre-processing share and the training share. The shares add up
 * to the total by basic composition: epsilon adds and delta belongs to the training share.
 *
 * @param total the user's budget
 * @param preprocessing the pre-processing share, with delta = 0
 * @param training the training share, with the total's delta
 * @param warning a message with the composed numbers when little remains for training, or null
 */
public record BudgetSplit(PrivacyBudget total, PrivacyBudget preprocessing, PrivacyBudget training,
                          String warning) {

    /** Training shares below this fraction of the total epsilon get a warning. */
    static final double SMALL_TRAINING_SHARE = 0.1;

    public boolean hasWarning() {
        return warning != null;
    }

    static String describeSmallRemainder(PrivacyBudget total, double preprocessingEpsilon, double remaining) {
        StringBuilder message = new StringBuilder();
        message.append("after ").append(formatDecimal(preprocessingEpsilon)).append(" for preprocessing, only ")
                .append(format(remaining)).append(" remains for training (")
                .append(format(100 * remaining / total.epsilon())).append("% of epsilon = ")
                .append(format(total.epsilon())).append("), so the model will be very noisy.");
        if (total.delta() > 0) {
            // Converting the pure step to zCDP (rho = epsilon^2 / 2) would already cost more than the whole
            // budget, which is why the ledger composes pure steps with basic composition instead.
            double rho = preprocessingEpsilon * preprocessingEpsilon / 2;
            message.append(" Composed in zCDP the preprocessing step alone costs rho = ").append(format(rho))
                    .append(", that is epsilon = ").append(format(Zcdp.epsilonFor(rho, total.delta())))
                    .append(" at delta = ").append(format(total.delta()))
                    .append("; by basic composition it costs ").append(formatDecimal(preprocessingEpsilon))
                    .append(" and the total is ").append(formatDecimal(preprocessingEpsilon)).append(" + ")
                    .append(format(remaining)).append(" = ").append(formatDecimal(total.epsilon())).append('.');
        }
        message.append(" Lower the preprocessing epsilon or raise epsilon.");
        return message.toString();
    }
}
