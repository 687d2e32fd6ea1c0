package io.newsflow.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.newsflow.model.RawArticle;
import io.newsflow.text.clean.ArticleCleaner;
import io.newsflow.text.clean.CleanedText;

/** The clean stage on 5 KB articles, plain text and HTML pages, one thread. Goal: 2,000 articles/s. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dlogback.configurationFile=io/newsflow/bench/logback-bench.xml")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class CleaningBenchmark {

    @Param({"text/plain", "text/html"})
    public String contentType;

    private final ArticleCleaner cleaner = new ArticleCleaner();
    private RawArticle[] articles;
    private int next;

    @Setup
    public void generate() {
        articles = BenchArticles.raw(contentType.equals("text/html"));
    }

    @Benchmark
    public CleanedText clean() {
        RawArticle article = articles[next++ & (BenchArticles.SET_SIZE - 1)];
        return cleaner.clean(article.getBody(), article.getContentType(), null);
    }
}
