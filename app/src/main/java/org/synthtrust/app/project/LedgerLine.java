package org.synthtrust.app.project;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One privacy-ledger entry of a finished candidate as the workbench shows and stores it: the mechanism, the
 * query it released, the cost in its accounting unit and the composed epsilon so far. It carries no statistic
 * of the private table.
 */
public record LedgerLine(
        String mechanism,
        String query,
        @JsonProperty("cost_type") String costType,
        double cost,
        @JsonProperty("running_epsilon") double runningEpsilon) {
}
