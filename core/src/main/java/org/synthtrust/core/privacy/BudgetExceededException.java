package org.synthtrust.core.privacy;

import org.synthtrust.core.InvalidInputException;

/** A charge rejected by the {@link PrivacyLedger} because it would exceed the budget; nothing was released. */
public class BudgetExceededException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public BudgetExceededException(String message) {
        super(message);
    }
}
