package io.newsflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamThreadCpuTest {

    @Test
    void countsStreamThreadsButNotTheirProducersNetworkThreads() {
        String app = "newsflow-bench-85074c69-af17f67e-cdc8-42ff-9d7f-ded027867658";
        assertThat(StreamThreadCpu.STREAM_THREAD_NAME.matcher(app + "-StreamThread-1").find()).isTrue();
        assertThat(StreamThreadCpu.STREAM_THREAD_NAME.matcher(app + "-StreamThread-12").find()).isTrue();
        assertThat(StreamThreadCpu.STREAM_THREAD_NAME
                .matcher("kafka-producer-network-thread | " + app + "-StreamThread-1-producer").find()).isFalse();
        assertThat(StreamThreadCpu.STREAM_THREAD_NAME.matcher(app + "-StateUpdater-1").find()).isFalse();
    }
}
