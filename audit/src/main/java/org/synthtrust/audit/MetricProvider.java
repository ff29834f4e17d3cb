package org.synthtrust.audit;

import java.util.List;

/**
 * Source of extra metrics found with {@link java.util.ServiceLoader}: a module registers an implementation
 * in {@code META-INF/services/org.synthtrust.audit.MetricProvider} and {@link MetricRegistry#all()} appends
 * its metrics after the built-in ones.
 */
public interface MetricProvider {
    List<Metric> metrics();
}
