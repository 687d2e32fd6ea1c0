/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A Dockerfile read into build stages and instructions: enough structure to check what an image
 * copies and runs without building it. Continuation lines are joined, comments and parser directives
 * dropped; arguments are kept as written.
 */
record Dockerfile(List<Stage> stages) {

    /** One {@code FROM} and the instructions after it. */
    record Stage(String name, String baseImage, List<Instruction> instructions) {

        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        Optional<Instruction> last(String keyword) {
            List<Instruction> matching = all(keyword);
            return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
        }

        /** The last WORKDIR, which relative COPY destinations and sources in later stages resolve against. */
        String workdir() {
            return last("WORKDIR").map(Instruction::arguments).orElse("/");
        }
    }

    /** An upper-cased keyword and its arguments. */
    record Instruction(String keyword, String arguments) {

        /** Arguments split on whitespace, flags ({@code --from=...}) included. */
        List<String> words() {
            return List.of(arguments.strip().split("\\s+"));
        }

        Optional<String> flag(String name) {
            return words().stream().filter(w -> w.startsWith("--" + name + "=")).map(w -> w.substring(name.length() + 3))
                    .findFirst();
        }

        /** For COPY and ADD: the sources, without flags and without the destination. */
        List<String> sources() {
            List<String> plain = words().stream().filter(w -> !w.startsWith("--")).toList();
            return plain.subList(0, plain.size() - 1);
        }

        String destination() {
            List<String> plain = words().stream().filter(w -> !w.startsWith("--")).toList();
            return plain.get(plain.size() - 1);
        }
    }

    static Dockerfile parse(String text) {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        StringBuilder line = new StringBuilder();
        for (String raw : text.split("\n", -1)) {
            String stripped = raw.strip();
            if (stripped.startsWith("#") || (stripped.isEmpty() && line.length() == 0)) {
                continue;
            }
            if (stripped.endsWith("\\")) {
                line.append(stripped, 0, stripped.length() - 1).append(' ');
                continue;
            }
            line.append(stripped);
            String joined = line.toString().strip();
            line.setLength(0);
            if (joined.isEmpty()) {
                continue;
            }
            int space = joined.indexOf(' ');
            String keyword = (space < 0 ? joined : joined.substring(0, space)).toUpperCase(Locale.ROOT);
            String arguments = space < 0 ? "" : joined.substring(space + 1).strip();
            if ("FROM".equals(keyword)) {
                String[] words = arguments.split("\\s+");
                String name = words.length >= 3 && "AS".equalsIgnoreCase(words[1]) ? words[2] : String.valueOf(stages.size());
                current = new ArrayList<>();
                stages.add(new Stage(name, words[0], current));
            } else if (current == null) {
                throw new IllegalArgumentException(keyword + " before the first FROM");
            } else {
                current.add(new Instruction(keyword, arguments));
            }
        }
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("no FROM instruction");
        }
        return new Dockerfile(List.copyOf(stages));
    }

    Stage stage(String name) {
        return stages.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage named " + name));
    }

    Stage finalStage() {
        return stages.get(stages.size() - 1);
    }
}
