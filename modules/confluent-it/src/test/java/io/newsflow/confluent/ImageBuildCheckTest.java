/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker/Dockerfile ships exactly what the app module's build produces (read from its pom), the same
 * artefacts the ./newsflow launcher runs. Negative cases edit the Dockerfile text and expect the
 * edit to be reported.
 */
class ImageBuildCheckTest {

    private static RepositoryLayout layout;
    private static String dockerfileText;
    private static AppBuildOutput app;
    private static BuildContextRules context;

    @BeforeAll
    static void load() {
        layout = RepositoryLayout.locate();
        dockerfileText = RepositoryLayout.readText(layout.dockerfile());
        app = AppBuildOutput.read(layout.appPom());
        context = new BuildContextRules(RepositoryLayout.readText(layout.docker().resolve("Dockerfile.dockerignore")));
    }

    @Test
    void dockerfileShipsWhatTheAppBuildProduces() {
        assertThat(problems(dockerfileText)).isEmpty();
    }

    @Test
    void appBuildOutputIsWhatTheLauncherAndImageUse() {
        assertThat(app).isEqualTo(new AppBuildOutput("modules/app/target/newsflow.jar", "modules/app/target/lib/",
                "io.newsflow.app.NewsflowCli"));
        String launcher = RepositoryLayout.readText(layout.root().resolve("newsflow"));
        assertThat(launcher).contains("app=\"$here/modules/app/target\"", "jar=\"$app/newsflow.jar\"", "$jar:$app/lib/*",
                app.mainClass());
    }

    @Test
    void imagesAreTheOnesTheDeploymentNotesName() {
        Dockerfile dockerfile = Dockerfile.parse(dockerfileText);
        assertThat(dockerfile.stages()).extracting(Dockerfile.Stage::baseImage)
                .containsExactly("maven:3.9-eclipse-temurin-17", "eclipse-temurin:17-jre");
        assertThat(dockerfile.stage("build").all("RUN")).anySatisfy(run ->
                assertThat(run.flag("mount")).hasValue("type=cache,target=/root/.m2"));
        assertThat(dockerfile.finalStage().all("EXPOSE")).extracting(Dockerfile.Instruction::arguments).containsExactly("8080");
    }

    @Test
    void copyingAnotherJarIsReported() {
        assertThat(problems(dockerfileText.replace("target/newsflow.jar /app", "target/newsflow-app.jar /app")))
                .anySatisfy(p -> assertThat(p).startsWith("runtime stage copies [/workspace/modules/app/target/newsflow-app.jar"));
    }

    @Test
    void forgettingTheLibDirectoryIsReported() {
        String withoutLib = dockerfileText.replace("COPY --from=build /workspace/modules/app/target/lib/ /app/lib/\n", "");

        assertThat(problems(withoutLib)).contains(
                "runtime stage copies [/workspace/modules/app/target/newsflow.jar] from the build stage; the app build"
                        + " produces [/workspace/modules/app/target/newsflow.jar, /workspace/modules/app/target/lib/]");
    }

    @Test
    void classpathThatMissesTheCopiedLibIsReported() {
        assertThat(problems(dockerfileText.replace("/app/newsflow.jar:/app/lib/*", "/app/newsflow.jar:/opt/lib/*")))
                .singleElement().asString().startsWith("ENTRYPOINT classpath '/app/newsflow.jar:/opt/lib/*'");
    }

    @Test
    void shellFormEntrypointIsReported() {
        String shellForm = dockerfileText.replaceAll("(?m)^ENTRYPOINT .*$",
                "ENTRYPOINT java -cp /app/newsflow.jar:/app/lib/* io.newsflow.app.NewsflowCli");

        assertThat(problems(shellForm)).anySatisfy(p -> assertThat(p).startsWith("ENTRYPOINT is not in exec"));
    }

    @Test
    void runningAsRootIsReported() {
        assertThat(problems(dockerfileText.replace("USER newsflow\n", ""))).containsExactly("the runtime stage runs as root");
    }

    @Test
    void buildingAnotherModuleIsReported() {
        assertThat(problems(dockerfileText.replace("-pl modules/app -am", "-pl modules/streams -am")))
                .containsExactly("the build stage does not run mvn package -pl modules/app -am");
    }

    @Test
    void copyingSourcesTheIgnoreRulesExcludeIsReported() {
        BuildContextRules ignoringSchemas = new BuildContextRules("**/target/\nschemas/\n");

        assertThat(ImageBuildCheck.problems(Dockerfile.parse(dockerfileText), app, ignoringSchemas, layout.root()))
                .containsExactly("build stage copies schemas/, which the .dockerignore rules exclude");
    }

    @Test
    void ignoreRulesKeepHostBuildOutputOutOfTheImage() {
        assertThat(context.excludes("modules/app/target/newsflow.jar")).isTrue();
        assertThat(context.excludes("modules/model/target")).isTrue();
        assertThat(context.excludes(".git/config")).isTrue();
        assertThat(context.excludes("modules/app/pom.xml")).isFalse();
        assertThat(context.excludes("schemas/RawArticle.avsc")).isFalse();
        assertThat(new BuildContextRules("docs/\n!docs/keep.md\n").excludes("docs/keep.md")).isFalse();
    }

    private static List<String> problems(String text) {
        return ImageBuildCheck.problems(Dockerfile.parse(text), app, context, layout.root());
    }
}
