/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reduces an article URL to the one form every copy of the same page shares, so that a page fetched
 * again through a newsletter, a social share or a feed link is recognised as the page already seen.
 *
 * <p>Rules, applied in order:
 * <ol>
 *   <li>Only absolute {@code http} and {@code https} URLs are accepted; anything else (other schemes,
 *       relative references, blanks, malformed authorities or ports) yields an empty result.</li>
 *   <li>Scheme and host are lower-cased; a trailing dot on the host is removed; user-info is dropped
 *       (news pages never need it and it must not leak into keys).</li>
 *   <li>The default port (80 for http, 443 for https) is removed.</li>
 *   <li>The fragment is dropped: it never selects a different article.</li>
 *   <li>Percent-escapes of unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) are decoded; the hex
 *       digits of the remaining escapes are upper-cased.</li>
 *   <li>{@code .} and {@code ..} path segments are resolved and {@code ;jsessionid=} path parameters removed.</li>
 *   <li>A trailing slash is dropped except for the root path; an empty path becomes {@code /}.</li>
 *   <li>Tracking parameters ({@link #TRACKING_PARAMETERS}, plus every {@code utm_*}) are removed; the
 *       remaining parameters are sorted by name. Repeated names keep their relative order, because
 *       {@code tag=b&tag=a} can mean something different from {@code tag=a&tag=b}.</li>
 * </ol>
 *
 * <p>Decisions: {@code www.} is kept. Many publishers serve different content (or nothing) on the bare
 * domain, so stripping it could merge distinct sites; a page reached through both hosts is still caught
 * by the content hash. The scheme is kept too: http and https copies are usually the same page, but the
 * content hash already catches that and a URL key should not guess. Parameter names are matched exactly
 * and case-insensitively, never by prefix (except {@code utm_}): {@code ref} and {@code ref_src} are
 * referral markers on news sites, while look-alikes such as {@code reference} or {@code refId} can select
 * content and are kept.
 *
 * <p>Stateless and thread-safe. {@link #canonicalize(String)} never throws.
 */
public final class UrlCanonicalizer {

    /**
     * Query parameters that only say how the reader arrived, never which article they get. Matched exactly,
     * ignoring case. Every parameter starting with {@code utm_} is removed as well.
     */
    public static final Set<String> TRACKING_PARAMETERS = Set.of(
            // ad-click identifiers: Meta, Google (incl. iOS variants and GA linker), DoubleClick, Microsoft,
            // Yandex, X/Twitter, TikTok, LinkedIn
            "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
            "li_fat_id", "_ga", "_gl",
            // newsletters: Mailchimp, Marketo, HubSpot, Instagram shares
            "mc_cid", "mc_eid", "mkt_tok", "_hsenc", "_hsmi", "igshid",
            // referral markers used by news sites and aggregators
            "ref", "ref_src", "ref_url", "cmpid", "ito", "ocid", "ncid", "s_cid", "smid",
            // web-analytics campaign markers: AT Internet, Alibaba
            "at_medium", "at_campaign", "spm");

    private static final String UTM_PREFIX = "utm_";
    /** Servlet session ids in the path ({@code /story;jsessionid=A1B2}) identify the visit, not the page. */
    private static final Pattern SESSION_ID = Pattern.compile(";jsessionid=[^/;]*", Pattern.CASE_INSENSITIVE);
    private static final String HEX = "0123456789ABCDEF";

    private UrlCanonicalizer() {
    }

    /**
     * The canonical form of {@code url}, or empty when it is not an absolute http(s) URL that can be parsed.
     */
    public static Optional<String> canonicalize(String url) {
        if (url == null) {
            return Optional.empty();
        }
        // The parser checks every index and number before using it, so it reports bad input as null, not by throwing.
        return Optional.ofNullable(parse(url.strip()));
    }

    private static String parse(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            return null;
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        int defaultPort;
        if (scheme.equals("http")) {
            defaultPort = 80;
        } else if (scheme.equals("https")) {
            defaultPort = 443;
        } else {
            return null;
        }
        if (containsWhitespaceOrControl(url)) {
            return null;
        }

        int authorityStart = schemeEnd + 3;
        int authorityEnd = indexOfAny(url, authorityStart, "/?#");
        String authority = url.substring(authorityStart, authorityEnd);
        String rest = url.substring(authorityEnd);

        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int queryStart = rest.indexOf('?');
        String path = queryStart >= 0 ? rest.substring(0, queryStart) : rest;
        String query = queryStart >= 0 ? rest.substring(queryStart + 1) : "";

        String hostAndPort = hostAndPort(authority, defaultPort);
        if (hostAndPort == null) {
            return null;
        }
        String canonicalPath = path(path);
        if (canonicalPath == null) {
            return null;
        }
        String canonicalQuery = query(query);
        if (canonicalQuery == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(url.length());
        out.append(scheme).append("://").append(hostAndPort).append(canonicalPath);
        if (!canonicalQuery.isEmpty()) {
            out.append('?').append(canonicalQuery);
        }
        return out.toString();
    }

    private static String hostAndPort(String authority, int defaultPort) {
        int at = authority.lastIndexOf('@');
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        String host;
        String port = "";
        if (hostPort.startsWith("[")) {
            // IPv6 literal: the port separator is the colon after the closing bracket.
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = hostPort.substring(0, close + 1);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (after.charAt(0) != ':') {
                    return null;
                }
                port = after.substring(1);
            }
            if (!host.substring(1, host.length() - 1).chars().allMatch(c -> isHexDigit(c) || c == ':' || c == '.')) {
                return null;
            }
        } else {
            int colon = hostPort.indexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            port = colon >= 0 ? hostPort.substring(colon + 1) : "";
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            if (!isRegisteredName(host)) {
                return null;
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        if (port.isEmpty()) {
            return host;
        }
        if (port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int portNumber = Integer.parseInt(port);
        if (portNumber == 0 || portNumber > 65535) {
            return null;
        }
        return portNumber == defaultPort ? host : host + ":" + portNumber;
    }

    /** Letters, digits, hyphens and dots, with no empty label. Internationalised hosts arrive as punycode. */
    private static boolean isRegisteredName(String host) {
        if (host.isEmpty() || host.startsWith(".") || host.contains("..")) {
            return false;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static String path(String path) {
        String decoded = normaliseEscapes(path);
        if (decoded == null) {
            return null;
        }
        decoded = SESSION_ID.matcher(decoded).replaceAll("");
        // Resolve "." and ".." segments (RFC 3986 section 5.2.4); empty segments are kept, as servers may differ.
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : decoded.split("/", -1)) {
            if (segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.size() > 1) {
                    segments.removeLast();
                }
                continue;
            }
            segments.addLast(segment);
        }
        String resolved = String.join("/", segments);
        // Drop every trailing slash except the root's: "/a/b/" and "/a/b" are the same article page.
        int end = resolved.length();
        while (end > 0 && resolved.charAt(end - 1) == '/') {
            end--;
        }
        return end == 0 ? "/" : resolved.substring(0, end);
    }

    private static String query(String query) {
        if (query.isEmpty()) {
            return "";
        }
        List<String[]> kept = new ArrayList<>();
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            String normalised = normaliseEscapes(parameter);
            if (normalised == null) {
                return null;
            }
            int eq = normalised.indexOf('=');
            String name = eq >= 0 ? normalised.substring(0, eq) : normalised;
            if (isTracking(name)) {
                continue;
            }
            kept.add(new String[] {name, normalised});
        }
        // List.sort is stable: repeated names keep the publisher's order.
        kept.sort(Comparator.comparing(p -> p[0]));
        StringBuilder out = new StringBuilder(query.length());
        for (String[] parameter : kept) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(parameter[1]);
        }
        return out.toString();
    }

    static boolean isTracking(String parameterName) {
        String name = parameterName.toLowerCase(Locale.ROOT);
        return name.startsWith(UTM_PREFIX) || TRACKING_PARAMETERS.contains(name);
    }

    /**
     * Decodes escapes of unreserved characters and upper-cases the hex of the others; null when an escape is
     * malformed.
     */
    private static String normaliseEscapes(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 2 >= s.length() || !isHexDigit(s.charAt(i + 1)) || !isHexDigit(s.charAt(i + 2))) {
                return null;
            }
            int value = Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16);
            if (isUnreserved(value)) {
                out.append((char) value);
            } else {
                out.append('%').append(HEX.charAt(value >> 4)).append(HEX.charAt(value & 0xF));
            }
            i += 2;
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean containsWhitespaceOrControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7F || Character.isWhitespace(c)) {
                return true;
            }
        }
        return false;
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
