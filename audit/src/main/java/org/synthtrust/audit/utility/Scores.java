package org.synthtrust.audit.utility;

import org.synthtrust.audit.fidelity.Stats;

/** Prediction scores on 0/1 labels and on numeric targets; NaN marks an undefined score. */
public final class Scores {
    private Scores() {
    }

    public static double accuracy(int[] y, double[] probability) {
        long correct = 0;
        for (int k = 0; k < y.length; k++) {
            if ((probability[k] >= 0.5 ? 1 : 0) == y[k]) {
                correct++;
            }
        }
        return y.length == 0 ? Double.NaN : (double) correct / y.length;
    }

    /**
     * Macro F1 over the two classes. A class with no true and no predicted member has an undefined F1, so it is
     * left out of the mean.
     */
    public static double macroF1(int[] y, double[] probability) {
        double sum = 0;
        int classes = 0;
        for (int label = 0; label <= 1; label++) {
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (int k = 0; k < y.length; k++) {
                int predicted = probability[k] >= 0.5 ? 1 : 0;
                if (predicted == label && y[k] == label) {
                    tp++;
                } else if (predicted == label) {
                    fp++;
                } else if (y[k] == label) {
                    fn++;
                }
            }
            if (tp + fp + fn > 0) {
                sum += 2.0 * tp / (2.0 * tp + fp + fn);
                classes++;
            }
        }
        return classes == 0 ? Double.NaN : sum / classes;
    }

    /**
     * ROC AUC as the Mann–Whitney probability that a positive row scores above a negative one, ties counting
     * half (Hanley and McNeil, 1982, "The meaning and use of the area under a ROC curve"); NaN when either
     * class is absent, because the area is then undefined.
     */
    public static double auc(int[] y, double[] score) {
        long positives = 0;
        for (int label : y) {
            positives += label;
        }

        long negatives = y.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double[] ranks = Stats.averageRanks(score);
        double rankSum = 0;
        for (int k = 0; k < y.length; k++) {
            if (y[k] == 1) {
                rankSum += ranks[k];
            }
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /** Coefficient of determination; NaN for a constant true target. */
    public static double r2(double[] y, double[] predicted) {
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double residual = 0;
        double total = 0;
        for (int k = 0; k < y.length; k++) {
            residual += (y[k] - predicted[k]) * (y[k] - predicted[k]);
            total += (y[k] - mean) * (y[k] - mean);
        }
        return total <= 0 ? Double.NaN : 1 - residual / total;
    }

    public static double rmse(double[] y, double[] predicted) {
        double sum = 0;
        for (int k = 0; k < y.length; k++) {
            sum += (y[k] - predicted[k]) * (y[k] - predicted[k]);
        }
        return y.length == 0 ? Double.NaN : Math.sqrt(sum / y.length);
    }
}
