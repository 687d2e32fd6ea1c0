/*
 * Copyright (C) 2026 The newsflow authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.text.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // scheme and host case, default ports, fragment
        "HTTPS://News.Example.COM/World/Story-1      | https://news.example.com/World/Story-1",
        "http://example.com:80/a                     | http://example.com/a",
        "https://example.com:443/a                   | https://example.com/a",
        "https://example.com:8443/a                  | https://example.com:8443/a",
        "http://example.com:443/a                    | http://example.com:443/a",
        "https://example.com/a#comments              | https://example.com/a",
        "https://example.com./a                      | https://example.com/a",
        "https://user:secret@example.com/a           | https://example.com/a",
        // trailing slash and empty path
        "https://example.com                         | https://example.com/",
        "https://example.com/                        | https://example.com/",
        "https://example.com/world/                  | https://example.com/world",
        "https://example.com/world//                 | https://example.com/world",
        "https://example.com/?                       | https://example.com/",
        // dot segments and session ids
        "https://example.com/news/./world/../uk/story | https://example.com/news/uk/story",
        "https://example.com/../../a                 | https://example.com/a",
        "https://example.com/a/%2E%2E/b              | https://example.com/b",
        "https://example.com/a/..                    | https://example.com/",
        "https://example.com/story;JSESSIONID=A1B2C3?id=4 | https://example.com/story?id=4",
        // tracking parameters, case-insensitive names, all utm_*
        "https://example.com/a?utm_source=x&utm_medium=y&id=7         | https://example.com/a?id=7",
        "https://example.com/a?UTM_Campaign=x&fbclid=1&gclid=2         | https://example.com/a",
        "https://example.com/a?mc_cid=1&mc_eid=2&igshid=3&_ga=4&msclkid=5&dclid=6 | https://example.com/a",
        "https://example.com/a?ref=rss&ref_src=twsrc&cmpid=9&ito=1     | https://example.com/a",
        // look-alikes are kept: only exact names (and the utm_ prefix) are tracking
        "https://example.com/a?reference=12&refid=3&utm=4 | https://example.com/a?reference=12&refid=3&utm=4",
        // sorting, stable for repeated names, empty parameters dropped
        "https://example.com/a?z=1&a=2&&m=3          | https://example.com/a?a=2&m=3&z=1",
        "https://example.com/a?tag=b&page=2&tag=a    | https://example.com/a?page=2&tag=b&tag=a",
        "https://example.com/a?print                 | https://example.com/a?print",
        // percent-escapes: unreserved decoded, others upper-cased
        "https://example.com/%7Euser/caf%c3%a9       | https://example.com/~user/caf%C3%A9",
        "https://example.com/a%2Fb?q=%41%2b          | https://example.com/a%2Fb?q=A%2B",
        "https://example.com/a?%75tm_source=x&k=1    | https://example.com/a?k=1",
        // IPv6 literal
        "http://[2001:DB8::1]:80/a                   | http://[2001:db8::1]/a",
        "  https://example.com/a  \t                 | https://example.com/a",
    })
    void canonicalizes(String url, String expected) {
        assertThat(UrlCanonicalizer.canonicalize(url)).contains(expected);
    }

    @Test
    void copiesOfOnePageShareOneForm() {
        String[] copies = {
            "https://www.example.com/politics/vote-tonight/?utm_source=newsletter&utm_medium=email",
            "HTTPS://WWW.EXAMPLE.COM:443/politics/vote-tonight?fbclid=IwAR0abc#top",
            "https://www.example.com/politics/vote-tonight?ref=homepage",
        };
        for (String copy : copies) {
            assertThat(UrlCanonicalizer.canonicalize(copy)).contains("https://www.example.com/politics/vote-tonight");
        }
    }

    @Test
    void keepsWwwBecauseBareDomainsCanBeOtherSites() {
        assertThat(UrlCanonicalizer.canonicalize("https://www.example.com/a"))
                .isNotEqualTo(UrlCanonicalizer.canonicalize("https://example.com/a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a url", "/relative/path", "example.com/a", "ftp://example.com/a",
        "mailto:desk@example.com", "javascript:alert(1)", "https://", "https:///a", "https://exa mple.com/a",
        "https://example.com:99999/a", "https://example.com:0/a", "https://example.com:8o/a",
        "https://[::1/a", "https://ex%41mple.com/a", "https://example.com/a%zz", "https://example.com/a%4",
        "https://example..com/a", "https://example.com/a b"})
    void rejectsWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThat(UrlCanonicalizer.canonicalize(url)).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(UrlCanonicalizer.canonicalize(null)).isEmpty();
    }

    @Test
    void neverThrowsOnArbitraryInput() {
        Random random = new Random(7);
        String alphabet = "hts:/p?&=#%[]@.:-_~aZ09 \t\u00e9\u0000";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder url = new StringBuilder(random.nextBoolean() ? "https://" : "");
            int length = random.nextInt(30);
            for (int i = 0; i < length; i++) {
                url.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = url.toString();
            assertThatCode(() -> UrlCanonicalizer.canonicalize(input)).as(input).doesNotThrowAnyException();
        }
    }

    @Test
    void isIdempotent() {
        String[] urls = {"HTTP://Example.com:80/a/?b=2&a=1&utm_x=3#f", "https://example.com/%7e?q=%c3%a9"};
        for (String url : urls) {
            String once = UrlCanonicalizer.canonicalize(url).orElseThrow();
            assertThat(UrlCanonicalizer.canonicalize(once)).contains(once);
        }
    }
}
