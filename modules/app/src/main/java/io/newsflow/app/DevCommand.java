package io.newsflow.app;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsflow dev}: a local Kafka broker and schema registry in the foreground, until Ctrl-C. */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Start a real single-node Kafka broker (KRaft) and newsflow's schema registry on this machine,",
                "print their addresses and run until Ctrl-C. Data is kept in --data-dir across restarts."})
final class DevCommand implements java.util.concurrent.Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(DevCommand.class);

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".newsflow/dev",
            description = "Where the broker keeps its data (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Kafka listener port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free port).")
    int kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Schema registry port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free port).")
    int registryPort;

    @Override
    public Integer call() throws InterruptedException {
        LocalStack stack = LocalStack.start(dataDir, kafkaPort, registryPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the local stack");
            stack.close();
            stopped.countDown();
        }, "newsflow-dev-shutdown"));
        System.out.printf("Kafka bootstrap servers: %s%nSchema registry URL:     %s%n"
                        + "Data directory:          %s%nPress Ctrl-C to stop.%n",
                stack.bootstrapServers(), stack.schemaRegistryUrl(), dataDir.toAbsolutePath());
        System.out.flush();
        stopped.await();
        return 0;
    }
}
