/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.serde.internals;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;

/**
 * HTTP basic-auth credentials for the registry, from {@code basic.auth.user.info} or from the
 * user-info part of a registry URL. {@link #toString()} never shows the password.
 */
public final class RegistryCredentials {

    private final String user;
    private final String headerValue;

    private RegistryCredentials(String user, String password) {
        this.user = user;
        this.headerValue = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Parses {@code user:password}; the password may itself contain colons. */
    public static RegistryCredentials fromUserInfo(String configKey, String userInfo) {
        int colon = userInfo == null ? -1 : userInfo.indexOf(':');
        if (colon < 0) {
            throw new ConfigException(configKey + " must be 'user:password' when basic.auth.credentials.source=USER_INFO");
        }
        return new RegistryCredentials(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    /** Credentials in {@code http://user:pass@host:port}, percent-decoded, if the URL has any. */
    public static Optional<RegistryCredentials> fromUrl(URI url) {
        String raw = url.getRawUserInfo();
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        int colon = raw.indexOf(':');
        String user = colon < 0 ? raw : raw.substring(0, colon);
        String password = colon < 0 ? "" : raw.substring(colon + 1);
        return Optional.of(new RegistryCredentials(decode(user), decode(password)));
    }

    /** The value of the {@code Authorization} header. */
    public String authorizationHeader() {
        return headerValue;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RegistryCredentials[user=" + user + "]";
    }
}
