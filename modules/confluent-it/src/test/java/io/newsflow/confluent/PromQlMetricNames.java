/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the metric names and grouping labels out of a PromQL expression, well enough for the
 * expressions dashboards are made of: selectors, functions, aggregations with {@code by}/{@code without},
 * binary operators, ranges and Grafana's {@code $variables}. Not a PromQL parser; it errs towards
 * reporting a word as a metric name, so a typo cannot slip through as something else.
 */
final class PromQlMetricNames {

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    private static final Pattern VARIABLES = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern TOKENS = Pattern.compile("\\d[\\w.]*|[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    private final Set<String> metrics = new LinkedHashSet<>();
    private final Set<String> groupingLabels = new LinkedHashSet<>();

    private PromQlMetricNames(String expression) {
        String text = STRINGS.matcher(expression).replaceAll(" ");
        text = LABEL_MATCHERS.matcher(text).replaceAll(" ");
        text = RANGES.matcher(text).replaceAll(" ");
        text = VARIABLES.matcher(text).replaceAll(" ");
        Matcher grouping = GROUPING.matcher(text);
        while (grouping.find()) {
            for (String label : grouping.group(2).split(",")) {
                if (!label.isBlank()) {
                    groupingLabels.add(label.strip());
                }
            }
        }
        text = grouping.replaceAll(" ");
        Matcher token = TOKENS.matcher(text);
        while (token.find()) {
            String word = token.group();
            if (Character.isDigit(word.charAt(0)) || KEYWORDS.contains(word.toLowerCase()) || isCall(text, token.end())) {
                continue;
            }
            metrics.add(word);
        }
    }

    static PromQlMetricNames of(String expression) {
        return new PromQlMetricNames(expression);
    }

    Set<String> metrics() {
        return metrics;
    }

    Set<String> groupingLabels() {
        return groupingLabels;
    }

    /** A word followed by '(' names a function or an aggregation, not a series. */
    private static boolean isCall(String text, int end) {
        int i = end;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '(';
    }
}
