package io.newsflow.bench;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.newsflow.text.dedup.ContentHash;
import io.newsflow.text.dedup.NearDuplicateFingerprint;
import io.newsflow.text.dedup.UrlCanonicalizer;

/**
 * The dedup stage's per-article work on clean 800-word bodies: the MinHash fingerprint (goal: 5,000/s on one
 * thread), the content hash and URL canonicalisation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=io/newsflow/bench/logback-bench.xml")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class FingerprintBenchmark {

    private String[] bodies;
    private String[] urls;
    private int next;

    @Setup
    public void generate() {
        TaggerOnlyRun.CleanArticle[] cleaned = BenchArticles.cleaned();
        bodies = new String[cleaned.length];
        for (int i = 0; i < cleaned.length; i++) {
            bodies[i] = cleaned[i].body();
        }
        urls = Arrays.stream(BenchArticles.raw(false))
                .map(article -> article.getUrl() + "?utm_source=newsletter&utm_medium=email#comments")
                .toArray(String[]::new);
    }

    @Benchmark
    public NearDuplicateFingerprint fingerprint() {
        return NearDuplicateFingerprint.of(bodies[next++ & (BenchArticles.SET_SIZE - 1)]);
    }

    @Benchmark
    public String contentHash() {
        return ContentHash.of(bodies[next++ & (BenchArticles.SET_SIZE - 1)]);
    }

    @Benchmark
    public Optional<String> canonicalUrl() {
        return UrlCanonicalizer.canonicalize(urls[next++ & (BenchArticles.SET_SIZE - 1)]);
    }
}
