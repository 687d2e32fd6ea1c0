/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * A .dockerignore file: which paths of the build context the Docker client leaves out. Supports what
 * the project uses (globs with {@code **}, directory patterns, {@code !} exceptions); a rule about a
 * directory covers everything below it, and the last rule that covers a path decides.
 */
final class BuildContextRules {

    private record Rule(PathMatcher matcher, boolean exception) {
    }

    private final List<Rule> rules = new ArrayList<>();

    BuildContextRules(String text) {
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exception = line.startsWith("!");
            String pattern = (exception ? line.substring(1) : line).strip();
            pattern = stripSlashes(pattern);
            rules.add(new Rule(FileSystems.getDefault().getPathMatcher("glob:" + pattern), exception));
            if (pattern.startsWith("**/")) {
                // Docker's "**/x" also matches "x" at the root, Java's glob does not.
                rules.add(new Rule(FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(3)), exception));
            }
        }
    }

    /** Whether {@code path} (relative to the context root, '/'-separated) is left out of the context. */
    boolean excludes(String path) {
        Path candidate = Path.of(stripSlashes(path));
        boolean excluded = false;
        for (Rule rule : rules) {
            if (matchesItselfOrParent(rule.matcher(), candidate)) {
                excluded = !rule.exception();
            }
        }
        return excluded;
    }

    private static boolean matchesItselfOrParent(PathMatcher matcher, Path path) {
        for (Path prefix = path; prefix != null; prefix = prefix.getParent()) {
            if (matcher.matches(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String stripSlashes(String pattern) {
        String stripped = pattern;
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
