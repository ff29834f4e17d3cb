/**
 * Differential privacy core: validated budgets ({@link org.synthtrust.core.privacy.PrivacyBudget}), accountants
 * ({@link org.synthtrust.core.privacy.Zcdp}, {@link org.synthtrust.core.privacy.RdpAccountant}), the privacy
 * ledger through which every release from the private table passes
 * ({@link org.synthtrust.core.privacy.PrivacyLedger}), exact noise samplers over SecureRandom
 * ({@link org.synthtrust.core.privacy.DpRandom}) and DP bounds estimation
 * ({@link org.synthtrust.core.privacy.DpBounds}).
 *
 * <p>Neighbouring relation throughout: two tables are neighbours when one equals the other with one row added
 * or removed. Settings that depend on the row count use a noisy total charged to the ledger, or a user-set
 * value, never the true count.
 */
package org.synthtrust.core.privacy;
