package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressReporterTest {

    private final MutableClock clock = new MutableClock();

    @Test
    void rendersRateBarAndEtaWhenTotalKnown() {
        ProgressReporter progress = new ProgressReporter(clock, 10_000_000, null);
        clock.advance(Duration.ofSeconds(10));
        progress.update(2_500, 2_500_000);

        String line = progress.render(clock.instant());

        assertThat(line).contains("2,500 records", "2.5 MB", "250 rec/s", "0.3 MB/s", "25%", "ETA 0:30");
        assertThat(line).contains("[######------------------]");
    }

    @Test
    void withoutTotalThereIsNoBar() {
        ProgressReporter progress = new ProgressReporter(clock, -1, null);
        clock.advance(Duration.ofSeconds(2));
        progress.update(100, 1_000);
        assertThat(progress.render(clock.instant())).doesNotContain("[", "ETA").contains("50 rec/s");
    }

    @Test
    void terminalRedrawsAtMostFourTimesASecond() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProgressReporter progress = new ProgressReporter(clock, 1_000, new PrintStream(err, true, StandardCharsets.UTF_8));

        // 1,000 updates over 2 simulated seconds: 2 ms apart.
        for (int i = 1; i <= 1_000; i++) {
            clock.advance(Duration.ofMillis(2));
            progress.update(i, i);
        }
        progress.finish();

        String out = err.toString(StandardCharsets.UTF_8);
        long redraws = out.chars().filter(c -> c == '\r').count();
        // 8 timed redraws plus the final one.
        assertThat(redraws).isEqualTo(9);
        assertThat(out).endsWith(System.lineSeparator()).contains("1,000 records", "100%");
    }
}
