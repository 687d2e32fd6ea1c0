/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde.internals;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;

/**
 * One registry base URL with any user-info removed, so that credentials never reach logs or
 * exception messages, and the credentials to send to it.
 */
public record RegistryEndpoint(URI base, Optional<RegistryCredentials> credentials) {

    /**
     * @param url                 as configured, e.g. {@code http://user:pass@registry:8081/}
     * @param userInfoCredentials credentials for every URL (USER_INFO source), or null to take them from the URL
     */
    public static RegistryEndpoint parse(String url, RegistryCredentials userInfoCredentials) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException("schema.registry.url", url, "not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || uri.getHost() == null
                || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            throw new ConfigException("schema.registry.url", url, "expected http(s)://host[:port][/path] or mock://scope");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        URI base = URI.create(uri.getScheme() + "://" + hostOf(uri) + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + path);
        Optional<RegistryCredentials> credentials = userInfoCredentials != null
                ? Optional.of(userInfoCredentials)
                : RegistryCredentials.fromUrl(uri);
        return new RegistryEndpoint(base, credentials);
    }

    public URI resolve(String path) {
        return URI.create(base + path);
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
