package io.newsflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a figure was measured on. Benchmarks here share cores with other work, so every result carries
 * the load average next to it.
 */
public record Machine(int processors, String cpuModel, String loadAverage, String javaVersion, String os) {

    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    public static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), currentLoadAverage(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }

    /** 1, 5 and 15 minute load averages, e.g. {@code "3.12 4.50 5.01"}. */
    public static String currentLoadAverage() {
        if (Files.isReadable(LOAD_AVERAGE)) {
            try {
                String[] fields = Files.readString(LOAD_AVERAGE).strip().split("\\s+");
                if (fields.length >= 3) {
                    return fields[0] + " " + fields[1] + " " + fields[2];
                }
            } catch (IOException e) {
                return "unreadable (" + e.getMessage() + ")";
            }
        }
        return String.format(Locale.ROOT, "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String readCpuModel() {
        if (!Files.isReadable(CPU_INFO)) {
            return System.getProperty("os.arch");
        }
        try {
            List<String> lines = Files.readAllLines(CPU_INFO);
            return lines.stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }
}
