package org.synthtrust.generators.dpgan;

/**
 * The DP-GAN networks trained without clipping, noise or a privacy ledger charge, for comparing what the
 * privacy costs. Its model and output are labelled not differentially private.
 */
public final class NonPrivateGanSynthesizer extends DpGanSynthesizer {
    public static final String ID = "dpgan-nonprivate";

    public NonPrivateGanSynthesizer() {
        super(false);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "NOT PRIVATE: the DP-GAN networks trained without clipping or noise, for comparison only.";
    }
}
