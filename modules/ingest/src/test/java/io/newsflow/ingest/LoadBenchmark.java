package io.newsflow.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.newsflow.model.RawArticle;
import io.newsflow.model.TrustedModelClasses;
import io.newsflow.serde.SpecificAvroSerde;
import io.newsflow.testkit.NewsflowStack;

/**
 * Throughput harness, not a test: loads a generated JSON Lines file of N articles into a real broker
 * through the Avro serde and prints the load rate, then reads the topic back to account for every record.
 * Usage: {@code LoadBenchmark [articles=100000] [bodyBytes=3000]}, run from {@code modules/ingest} after
 * {@code mvn -pl modules/ingest install} with
 * {@code mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=cp.txt} and
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.newsflow.ingest.LoadBenchmark}.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int bodyBytes = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        TrustedModelClasses.register();
        Path dir = Files.createTempDirectory("newsflow-load-benchmark");
        Path input = dir.resolve("articles.jsonl");
        SyntheticArticles.Written written = SyntheticArticles.write(input, articles, 1_000, bodyBytes);
        System.out.printf("generated %,d lines (%,d good, %,d bad), %.1f MB%n",
                articles, written.good(), written.bad(), written.bytes() / 1e6);
        try (NewsflowStack stack = NewsflowStack.start();
             SpecificAvroSerde<RawArticle> serde = new SpecificAvroSerde<>()) {
            stack.createTopics(1, "news.raw");
            Map<String, Object> serdeConfig = new HashMap<>(stack.serdeConfig());
            serdeConfig.put("specific.avro.reader", true);
            serde.configure(serdeConfig, false);
            LoadSummary summary;
            try (KafkaArticleSink sink = new KafkaArticleSink(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()), "news.raw", serde.serializer());
                 RejectsFile rejects = new RejectsFile(dir.resolve("rejects.jsonl"))) {
                summary = new ArticleLoader(sink, rejects, ProduceOptions.defaults().withProgress(false)).load(List.of(input));
            }
            System.out.println("load: " + summary);
            int read = stack.reader(new StringDeserializer(), serde.deserializer())
                    .withDeadline(Duration.ofMinutes(5)).readToEnd("news.raw").size();
            System.out.printf("read back %,d records; expected %,d: %s%n", read, written.good(),
                    read == written.good() ? "all accounted for" : "MISMATCH");
            if (read != written.good() || summary.rejectedTotal() != written.bad()) {
                System.exit(1);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
