package org.synthtrust.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.synthtrust.core.progress.CancellationToken;
import org.synthtrust.core.progress.CancelledException;
import org.synthtrust.core.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a metric suite over candidates on a thread pool ({@link AuditSettings#threads()} of the first
 * candidate), reporting progress per finished metric and stopping at the next metric when cancelled. A
 * metric that throws yields {@code error} results for its outputs; every value is checked against its
 * declared range.
 */
public final class AuditRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AuditRunner.class);

    /** Version written to the provenance; the cli sets it from the jar's manifest. */
    private final String toolVersion;

    public AuditRunner() {
        this(AuditRunner.class.getPackage().getImplementationVersion() == null ? "development"
                : AuditRunner.class.getPackage().getImplementationVersion());
    }

    public AuditRunner(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    public AuditResult run(List<Metric> suite, List<AuditContext> candidates, ProgressListener progress,
                           CancellationToken cancel) {
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        CancellationToken token = cancel == null ? CancellationToken.NONE : cancel;
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate to audit");
        }
        AuditSettings settings = candidates.get(0).settings();
        int total = suite.size() * candidates.size();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), runnable -> {
            Thread thread = new Thread(runnable, "audit-metric");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<MetricResult>>> futures = new ArrayList<>();
            for (AuditContext ctx : candidates) {
                for (Metric metric : suite) {
                    futures.add(pool.submit(() -> {
                        token.throwIfCancelled();
                        List<MetricResult> results = computeChecked(metric, ctx);
                        listener.progress("audit " + ctx.candidate(), (double) done.incrementAndGet() / total);
                        return results;
                    }));
                }
            }
            List<MetricResult> all = new ArrayList<>();
            for (Future<List<MetricResult>> future : futures) {
                all.addAll(await(future, pool));
            }
            token.throwIfCancelled();
            Map<String, List<String>> notes = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            for (AuditContext ctx : candidates) {
                names.add(ctx.candidate());
                notes.put(ctx.candidate(), Alignment.of(ctx).notes());
            }
            Map<String, String> versions = new TreeMap<>();
            for (Metric metric : suite) {
                for (MetricSpec spec : metric.outputs()) {
                    versions.put(spec.id(), metric.version());
                }
            }
            AuditProvenance provenance = new AuditProvenance(toolVersion, java.time.Instant.now().toString(),
                    Map.of(), candidates.get(0).schema(), versions, settings);
            return new AuditResult(provenance, names, notes, all);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<MetricResult> await(Future<List<MetricResult>> future, ExecutorService pool) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancelledException cancelled) {
                pool.shutdownNow();
                throw cancelled;
            }
            throw new IllegalStateException("audit task failed: " + e.getCause(), e.getCause());
        }
    }

    /** Computes one metric on one candidate, turning an exception into error results and checking ranges. */
    public static List<MetricResult> computeChecked(Metric metric, AuditContext ctx) {
        Map<String, MetricSpec> specs = new HashMap<>();
        for (MetricSpec spec : metric.outputs()) {
            specs.put(spec.id(), spec);
        }

        List<MetricResult> raw;
        try {
            raw = metric.compute(ctx);
        } catch (CancelledException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("metric {} failed on candidate {}", metric.id(), ctx.candidate(), e);
            List<MetricResult> errors = new ArrayList<>();
            for (MetricSpec spec : metric.outputs()) {
                errors.add(MetricResults.error(spec, ctx.candidate(), "internal error: " + e));
            }
            return errors;
        }

        List<MetricResult> checked = new ArrayList<>(raw.size());
        for (MetricResult result : raw) {
            MetricSpec spec = specs.get(result.id());
            if (spec == null) {
                LOG.warn("metric {} emitted undeclared output {}; its range is not checked", metric.id(), result.id());
                checked.add(result);
            } else {
                checked.add(MetricResults.checked(spec, result));
            }
        }
        return checked;
    }
}
