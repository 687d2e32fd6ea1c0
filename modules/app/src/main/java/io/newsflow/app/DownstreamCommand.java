package io.newsflow.app;

import java.util.Map;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newsflow.downstream.DownstreamApp;
import io.newsflow.downstream.DownstreamConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsflow downstream}: entity mentions, trending entities and source statistics, queryable over HTTP. */
@Command(name = "downstream", mixinStandardHelpOptions = true,
        description = {"Run the downstream application: news.entity-mentions, windowed trending entities on",
                "news.entity-trends, per-source statistics, and the HTTP queries /trends, /entities/{name} and",
                "/sources answered across all instances. Reads what 'process' writes; scales on its own."})
final class DownstreamCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DownstreamCommand.class);

    @Mixin
    ConfigOptions options;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Port of the query API (default: downstream.http.port, 0 picks a free port).")
    Integer httpPort;

    @Override
    public Integer call() throws InterruptedException {
        Map<String, Object> flags = new java.util.HashMap<>(options.flags());
        if (httpPort != null) {
            flags.put(DownstreamConfig.HTTP_PORT, httpPort);
        }
        DownstreamConfig config = DownstreamConfig.load(options.configFile, System.getenv(), flags);
        DownstreamApp app = new DownstreamApp(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "newsflow-downstream-shutdown"));
        app.start();
        LOG.info("Downstream queries on http://{}:{}", app.hostInfo().host(), app.hostInfo().port());
        app.awaitStop();
        return app.fatalError() == null ? 0 : 1;
    }
}
