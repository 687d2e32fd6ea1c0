/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.confluent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a service's {@code ports}, in Compose's short syntax ({@code [ip:][host[-end]:]container[-end][/proto]})
 * or long syntax ({@code target}, {@code published}). A host range of {@code 0..-1} means "not published".
 */
record PublishedPort(int hostFrom, int hostTo, int containerFrom, int containerTo, String protocol) {

    private static final Pattern SHORT_SYNTAX = Pattern.compile(
            "^(?:(?:\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-fA-F:]+\\]):)?(?:(?<host>\\d+(?:-\\d+)?):)?(?<container>\\d+(?:-\\d+)?)(?:/(?<proto>tcp|udp|sctp))?$");

    PublishedPort {
        checkRange(containerFrom, containerTo, "container");
        // Fields are assigned only after this block, so it must read the parameters, not the accessors.
        if (hostTo >= hostFrom) {
            checkRange(hostFrom, hostTo, "host");
            int containerPorts = containerTo - containerFrom + 1;
            if (containerPorts > 1 && hostTo - hostFrom + 1 != containerPorts) {
                throw new IllegalArgumentException("host range " + hostFrom + "-" + hostTo
                        + " and container range " + containerFrom + "-" + containerTo + " differ in length");
            }
        }
    }

    /** Parses one {@code ports} entry, or explains why it is not one. */
    static PublishedPort parse(JsonNode entry) {
        if (entry.isObject()) {
            int target = entry.path("target").asInt(-1);
            int published = entry.path("published").asInt(-1);
            String protocol = entry.path("protocol").asText("tcp");
            return published < 0
                    ? new PublishedPort(0, -1, target, target, protocol)
                    : new PublishedPort(published, published, target, target, protocol);
        }
        String text = entry.asText();
        Matcher m = SHORT_SYNTAX.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not [ip:][host[-end]:]container[-end][/protocol]");
        }
        int[] container = range(m.group("container"));
        int[] host = m.group("host") == null ? new int[] {0, -1} : range(m.group("host"));
        String protocol = m.group("proto") == null ? "tcp" : m.group("proto");
        return new PublishedPort(host[0], host[1], container[0], container[1], protocol);
    }

    boolean isPublished() {
        return hostTo >= hostFrom;
    }

    int hostPortCount() {
        return isPublished() ? hostTo - hostFrom + 1 : 0;
    }

    boolean exposesContainerPort(int port) {
        return containerFrom <= port && port <= containerTo;
    }

    boolean overlapsOnHost(PublishedPort other) {
        return isPublished() && other.isPublished() && protocol.equals(other.protocol)
                && hostFrom <= other.hostTo && other.hostFrom <= hostTo;
    }

    private static int[] range(String text) {
        int dash = text.indexOf('-');
        return dash < 0
                ? new int[] {Integer.parseInt(text), Integer.parseInt(text)}
                : new int[] {Integer.parseInt(text.substring(0, dash)), Integer.parseInt(text.substring(dash + 1))};
    }

    private static void checkRange(int from, int to, String side) {
        if (from < 1 || to > 65_535 || from > to) {
            throw new IllegalArgumentException(side + " port range " + from + "-" + to + " is not within 1-65535");
        }
    }
}
