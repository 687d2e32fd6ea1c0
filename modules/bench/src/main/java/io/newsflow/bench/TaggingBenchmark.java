package io.newsflow.bench;

import java.util.List;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.newsflow.text.entities.EntityTagger;
import io.newsflow.text.entities.TaggedEntity;

/**
 * The tag stage: CoreNLP CRF plus newsflow's document steps on clean 800-token articles. Goal: 48 articles/s
 * per thread. The tagger is thread-safe and shares one model, so {@code -t N} measures N threads on it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-XX:-DontCompileHugeMethods",
    "-Dlogback.configurationFile=io/newsflow/bench/logback-bench.xml"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Threads(1)
public class TaggingBenchmark {

    private EntityTagger tagger;
    private TaggerOnlyRun.CleanArticle[] articles;
    private int next;

    @Setup
    public void load() {
        tagger = EntityTagger.create();
        tagger.warmUp();
        articles = BenchArticles.cleaned();
    }

    @Benchmark
    public List<TaggedEntity> tag() {
        TaggerOnlyRun.CleanArticle article = articles[next++ & (BenchArticles.SET_SIZE - 1)];
        return tagger.tag(article.title(), article.body());
    }
}
