/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import java.io.IOException;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * What {@code mvn package -pl modules/app} produces, read from the app module's pom rather than
 * assumed: the jar (from {@code finalName}), the runtime classpath directory (from the
 * copy-dependencies execution) and the main class (from the jar manifest configuration).
 * Paths are relative to the repository root.
 */
record AppBuildOutput(String jar, String libDirectory, String mainClass) {

    private static final String MODULE_TARGET = "modules/app/target";

    static AppBuildOutput read(Path appPom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document pom = factory.newDocumentBuilder().parse(appPom.toFile());
            XPath xpath = XPathFactory.newInstance().newXPath();
            String finalName = xpath.evaluate("/project/build/finalName", pom).strip();
            String lib = xpath.evaluate("/project/build/plugins/plugin[artifactId='maven-dependency-plugin']"
                    + "/executions/execution[goals/goal='copy-dependencies']/configuration/outputDirectory", pom).strip();
            String mainClass = xpath.evaluate(
                    "/project/build/plugins/plugin[artifactId='maven-jar-plugin']/configuration/archive/manifest/mainClass", pom)
                    .strip();
            if (finalName.isEmpty() || lib.isEmpty() || mainClass.isEmpty()) {
                throw new IllegalStateException(appPom + " no longer declares finalName, a copy-dependencies"
                        + " outputDirectory and a manifest mainClass; the Docker image depends on all three");
            }
            return new AppBuildOutput(MODULE_TARGET + "/" + finalName + ".jar",
                    lib.replace("${project.build.directory}", MODULE_TARGET) + "/", mainClass);
        } catch (ParserConfigurationException | SAXException | IOException | XPathExpressionException e) {
            throw new IllegalStateException("Cannot read " + appPom, e);
        }
    }
}
