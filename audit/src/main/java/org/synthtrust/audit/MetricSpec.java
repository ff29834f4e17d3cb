package org.synthtrust.audit;

/**
 * Declared id, pillar, direction and valid range of one metric output; the {@code metrics} command lists
 * these and the runner checks each value against {@code [min, max]}.
 */
public record MetricSpec(String id, Pillar pillar, Direction direction, double min, double max, String description) {
}
