package io.newsflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import picocli.CommandLine;

/** The command line as a user meets it: help everywhere, and one readable line for expected errors. */
class NewsflowCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = NewsflowCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "demo", "process", "downstream", "produce", "consume", "enrich", "eval-ner", "bench"})
    void everyCommandExplainsItsOptions(String command) {
        int exit = run(command, "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Usage: newsflow " + command).contains("-h, --help");
        CommandLine.Model.CommandSpec spec = NewsflowCli.commandLine().getSubcommands().get(command).getCommandSpec();
        for (CommandLine.Model.OptionSpec option : spec.options()) {
            assertThat(option.description()).as("description of %s %s", command, option.longestName()).isNotEmpty();
            assertThat(out.toString()).contains(option.longestName());
        }
        // each line of the command's description is printed as written, not broken at 80 columns
        for (String line : spec.usageMessage().description()) {
            assertThat(out.toString()).as("description line of %s", command).contains(line);
        }
    }

    @Test
    void theTopLevelHelpListsEveryCommand() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("dev", "demo", "process", "downstream", "produce", "consume", "enrich",
                "eval-ner", "--log-format");
    }

    @Test
    void aWrongOptionIsOneClearLineNotAStackTrace() {
        int exit = run("dev", "--kafka-prot", "9092");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown options: '--kafka-prot', '9092'")
                .contains("Possible solutions: --kafka-port").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anUnreachableBrokerIsOneClearLine() {
        int exit = run("process", "--bootstrap-servers", "127.0.0.1:1", "-D", "startup.timeout.ms=3000",
                "-D", "tag.enabled=false");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).startsWith("newsflow: Kafka at 127.0.0.1:1 did not answer within 3000 ms")
                .doesNotContain("\tat ");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void anInvalidSettingNamesTheKeyAndTheValue() {
        int exit = run("process", "-D", "topics.partitions=zero");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("newsflow: Invalid value zero for configuration topics.partitions");
    }

    @Test
    void benchOnAClusterNeedsItsRegistryToo() {
        int exit = run("bench", "--bootstrap-servers=127.0.0.1:9092");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("newsflow: --bootstrap-servers and --schema-registry-url go "
                + "together: give both, or neither for an embedded broker and registry");
    }
}
