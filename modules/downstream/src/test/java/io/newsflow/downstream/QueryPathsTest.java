package io.newsflow.downstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/** What one instance encodes when forwarding, the other decodes to the same key and parameters. */
class QueryPathsTest {

    @Test
    void entityKeysAndSourceNamesSurviveForwarding() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("type", "PER");
        query.put("note", "a&b=c d+e");
        URI uri = PeerClient.uri(new HostInfo("localhost", 7071),
                new String[] {"internal", "entities", "PER:Zoë O'Neil/Smith + Co"}, query);

        assertThat(QueryServer.segments(uri.getRawPath()))
                .containsExactly("internal", "entities", "PER:Zoë O'Neil/Smith + Co");
        assertThat(QueryServer.parameters(uri.getRawQuery())).containsEntry("type", "PER")
                .containsEntry("note", "a&b=c d+e");
    }

    @Test
    void entityKeysParseOnlyWithAKnownType() {
        assertThat(EntityKey.parse("org:Harbour Board: Valmora")).isEqualTo(
                new EntityKey(io.newsflow.model.EntityType.ORG, "Harbour Board: Valmora"));
        assertThatThrownBy(() -> EntityKey.parse("Harbour Board")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntityKey.parse("CITY:Valmora")).isInstanceOf(IllegalArgumentException.class);
    }
}
