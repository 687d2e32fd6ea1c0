/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.testkit;

import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link NewsflowStack} per test class: started before the first test, closed after the last.
 * Tests in the class share the broker and the registry, so they should use their own topic names.
 *
 * <pre>{@code
 * class EnrichmentIT {
 *     @RegisterExtension
 *     static final NewsflowStackExtension STACK = new NewsflowStackExtension();
 *
 *     @Test
 *     void tagsEntities() {
 *         STACK.stack().createTopics(1, "articles-raw");
 *     }
 * }
 * }</pre>
 *
 * <p>Register it in a {@code static} field (or with {@code @ExtendWith}); test and lifecycle methods may
 * also declare a {@link NewsflowStack} parameter. Nested test classes share their enclosing class's stack.
 */
public final class NewsflowStackExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private NewsflowStack stack;
    private String ownerId;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (stack == null) {
            stack = NewsflowStack.start();
            ownerId = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Nested classes pass through here too; only the class that started the stack closes it.
        if (stack != null && context.getUniqueId().equals(ownerId)) {
            try {
                stack.close();
            } finally {
                stack = null;
                ownerId = null;
            }
        }
    }

    /** The running stack. */
    public NewsflowStack stack() {
        if (stack == null) {
            throw new IllegalStateException(
                    "No stack running: register NewsflowStackExtension in a static field with @RegisterExtension");
        }
        return stack;
    }

    public String bootstrapServers() {
        return stack().bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return stack().schemaRegistryUrl();
    }

    public Map<String, Object> serdeConfig() {
        return stack().serdeConfig();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == NewsflowStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return stack();
    }
}
