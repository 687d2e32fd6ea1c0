/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code newsflow process} in a child JVM on the test's own classpath, so that it can be killed the way a
 * machine dies (SIGKILL: no shutdown hook, no commit, an open transaction left behind). Its stdout and stderr
 * are appended to one log file, which also keeps a full pipe from ever blocking the child.
 */
final class ChildPipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildPipeline.class);
    private static final long EXIT_WAIT_SECONDS = 30;

    private final Process process;

    private ChildPipeline(Process process) {
        this.process = process;
    }

    static ChildPipeline start(PipelineRun run, Path stateDir, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m"); // room for the tagger (the crash test runs with it)
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("io.newsflow.app.NewsflowCli");
        command.add("process");
        command.add("-b");
        command.add(run.config().bootstrapServers());
        command.add("-r");
        command.add(run.config().schemaRegistryUrl());
        run.settings().forEach((key, value) -> {
            command.add("-D");
            command.add(key + "=" + value);
        });
        command.add("--ops-port");
        command.add("-1");
        command.add("--state-dir");
        command.add(stateDir.toString());
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            LOG.info("Started newsflow process pid {} (log {})", process.pid(), logFile);
            return new ChildPipeline(process);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the newsflow child process", e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() {
        LOG.info("Killing newsflow process pid {}", process.pid());
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM for a clean shutdown; SIGKILL if it does not stop in time. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit()) {
            process.destroyForcibly();
            awaitExit();
        }
    }

    private boolean awaitExit() {
        try {
            return process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for pid " + process.pid() + " to exit", e);
        }
    }
}
