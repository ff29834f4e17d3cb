package org.synthtrust.audit.privacy;

import java.util.List;
import org.synthtrust.audit.Metric;
import org.synthtrust.audit.MetricProvider;

/** Registers the privacy-attack metrics with {@link org.synthtrust.audit.MetricRegistry} through the service loader. */
public final class PrivacyMetricProvider implements MetricProvider {
    @Override
    public List<Metric> metrics() {
        return List.of(new DistanceMetrics(), new MembershipMetrics(), new DisclosureMetrics(), new AnonymeterMetrics());
    }
}
