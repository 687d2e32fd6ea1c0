/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks docker/Dockerfile against what the build really produces and what the build context holds:
 * the runtime stage copies exactly the app jar and its lib/ directory from the build stage, runs them
 * with the app's main class as a non-root user, and the build stage builds the app module from
 * sources the .dockerignore rules let through.
 */
final class ImageBuildCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImageBuildCheck() {
    }

    static List<String> problems(Dockerfile dockerfile, AppBuildOutput app, BuildContextRules context, Path contextRoot) {
        List<String> problems = new ArrayList<>();
        Dockerfile.Stage runtime = dockerfile.finalStage();
        if (dockerfile.stages().size() < 2) {
            problems.add("not a multi-stage build: the runtime image would carry Maven and the sources");
            return problems;
        }
        Dockerfile.Stage build = dockerfile.stages().get(0);
        checkBuildStage(build, context, contextRoot, problems);

        String jarDestination = null;
        String libDestination = null;
        List<String> expected = List.of(inStage(build, app.jar()), inStage(build, app.libDirectory()));
        List<String> copied = new ArrayList<>();
        for (Dockerfile.Instruction copy : runtime.all("COPY")) {
            if (copy.flag("from").isEmpty()) {
                continue;
            }
            if (!copy.flag("from").get().equals(build.name())) {
                problems.add("runtime stage copies from '" + copy.flag("from").get() + "', not from the build stage");
            }
            for (String source : copy.sources()) {
                copied.add(source);
                if (source.equals(expected.get(0))) {
                    jarDestination = copy.destination();
                } else if (source.equals(expected.get(1))) {
                    libDestination = copy.destination();
                }
            }
        }
        if (!copied.equals(expected)) {
            problems.add("runtime stage copies " + copied + " from the build stage; the app build produces " + expected);
        }
        checkEntrypoint(runtime, app, jarDestination, libDestination, problems);
        String user = runtime.last("USER").map(Dockerfile.Instruction::arguments).orElse("root");
        if (user.equals("root") || user.startsWith("0") || user.startsWith("root:")) {
            problems.add("the runtime stage runs as root");
        }
        return problems;
    }

    private static void checkBuildStage(Dockerfile.Stage build, BuildContextRules context, Path contextRoot,
            List<String> problems) {
        boolean buildsApp = build.all("RUN").stream().map(Dockerfile.Instruction::arguments)
                .anyMatch(run -> run.contains("mvn ") && run.contains(" package") && run.contains("-pl modules/app")
                        && run.contains("-am"));
        if (!buildsApp) {
            problems.add("the build stage does not run mvn package -pl modules/app -am");
        }
        for (Dockerfile.Instruction copy : build.all("COPY")) {
            if (copy.flag("from").isPresent()) {
                continue;
            }
            for (String source : copy.sources()) {
                if (!Files.exists(contextRoot.resolve(source))) {
                    problems.add("build stage copies " + source + ", which is not in the build context");
                } else if (context.excludes(source)) {
                    problems.add("build stage copies " + source + ", which the .dockerignore rules exclude");
                }
            }
        }
    }

    private static void checkEntrypoint(Dockerfile.Stage runtime, AppBuildOutput app, String jar, String lib,
            List<String> problems) {
        List<String> entrypoint = execForm(runtime, "ENTRYPOINT", problems);
        int cp = entrypoint.indexOf("-cp");
        String classpath = cp >= 0 && cp + 1 < entrypoint.size() ? entrypoint.get(cp + 1) : "";
        String expected = jar + ":" + (lib == null ? null : lib + (lib.endsWith("/") ? "" : "/") + "*");
        if (!classpath.equals(expected)) {
            problems.add("ENTRYPOINT classpath '" + classpath + "' is not the copied jar and lib/: '" + expected + "'");
        }
        if (entrypoint.isEmpty() || !entrypoint.get(entrypoint.size() - 1).equals(app.mainClass())) {
            problems.add("ENTRYPOINT does not end with the app's main class " + app.mainClass() + ": " + entrypoint);
        }
        if (!execForm(runtime, "CMD", problems).equals(List.of("process"))) {
            problems.add("CMD is not [\"process\"]: the image's default must be the streams processor");
        }
    }

    /** The JSON array of an exec-form instruction; shell form would not pass signals to the JVM. */
    private static List<String> execForm(Dockerfile.Stage stage, String keyword, List<String> problems) {
        String arguments = stage.last(keyword).map(Dockerfile.Instruction::arguments).orElse("");
        try {
            return List.of(JSON.readValue(arguments, String[].class));
        } catch (JsonProcessingException e) {
            problems.add(keyword + " is not in exec (JSON array) form: " + arguments);
            return List.of();
        }
    }

    private static String inStage(Dockerfile.Stage build, String repositoryPath) {
        String workdir = build.workdir();
        return (workdir.endsWith("/") ? workdir : workdir + "/") + repositoryPath;
    }
}
