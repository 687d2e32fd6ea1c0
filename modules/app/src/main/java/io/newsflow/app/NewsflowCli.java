package io.newsflow.app;

import java.io.PrintWriter;

import org.apache.kafka.common.config.ConfigException;

import io.newsflow.ops.LogFormat;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code newsflow} command. Each subcommand is its own class; this one only wires them and turns expected
 * failures (bad configuration, unreachable broker) into one readable line instead of a stack trace.
 */
@Command(name = "newsflow", mixinStandardHelpOptions = true, versionProvider = NewsflowCli.Version.class,
        description = "Kafka Streams news-ingestion processor: clean, deduplicate and entity-tag raw articles.",
        subcommands = {DevCommand.class, DemoCommand.class, ProcessCommand.class, DownstreamCommand.class,
                ProduceCommand.class, ConsumeCommand.class, EnrichCommand.class, EvalNerCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Run 'newsflow COMMAND --help' for a command's options."})
public final class NewsflowCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Inherited by every command, so it may be given before or after the command name. */
    @CommandLine.Option(names = "--log-format", paramLabel = "text|json", scope = CommandLine.ScopeType.INHERIT,
            description = "Log as human-readable text (default) or as one JSON object per line.")
    void setLogFormat(String format) {
        LogFormat.apply(format);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new NewsflowCli());
        // the help texts are written in lines of up to 110 characters: at picocli's default 80 they broke mid-sentence
        commandLine.setUsageHelpWidth(120);
        String environmentFormat = System.getenv("NEWSFLOW_LOG_FORMAT");
        if (environmentFormat != null && !environmentFormat.isBlank()) {
            LogFormat.apply(environmentFormat);
        }
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (exception instanceof ConfigException || exception instanceof UserFacingException
                    || exception instanceof IllegalStateException) {
                err.println(cmd.getColorScheme().errorText("newsflow: " + exception.getMessage()));
                return 2;
            }
            throw exception;
        });
        return commandLine;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = NewsflowCli.class.getPackage().getImplementationVersion();
            return new String[] {"newsflow " + (version == null ? "dev" : version)};
        }
    }
}
