package io.newsflow.streams.stages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.newsflow.model.Entity;

class TaggingPoolTest {

    @Test
    void inlineTagsOnTheCallingThreadAndKeepsTheTaggersException() throws Exception {
        AtomicReference<String> taggedOn = new AtomicReference<>();
        TaggingPool pool = TaggingPool.inline((title, body) -> {
            taggedOn.set(Thread.currentThread().getName());
            if (title.isEmpty()) {
                throw new IllegalArgumentException("no title");
            }
            return List.of();
        });

        CompletableFuture<List<Entity>> tagged = pool.submit("Title", "Body");
        assertThat(tagged).isCompletedWithValue(List.of());
        assertThat(taggedOn).hasValue(Thread.currentThread().getName());
        assertThat(pool.submit("", "Body")).isCompletedExceptionally();
        assertThat(pool.threads()).isZero();
    }

    @Test
    void threadsTagOnNamedThreadsOfTheirOwn() throws Exception {
        try (TaggingPool pool = TaggingPool.threads((title, body) -> {
            assertThat(Thread.currentThread().getName()).startsWith("newsflow-tagger-");
            return List.of();
        }, 2)) {
            assertThat(pool.submit("Title", "Body").get(10, TimeUnit.SECONDS)).isEmpty();
            assertThat(pool.threads()).isEqualTo(2);
        }
    }

    @Test
    void closingFailsWhatIsStillQueuedWithACancellationSoNobodyWaitsForever() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        TaggingPool pool = TaggingPool.threads((title, body) -> {
            started.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return List.of();
        }, 1);
        CompletableFuture<List<Entity>> running = pool.submit("Running", "Body");
        CompletableFuture<List<Entity>> queued = pool.submit("Queued", "Body");
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        pool.close();

        assertThatThrownBy(() -> queued.get(10, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
        assertThatThrownBy(() -> running.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        assertThat(pool.submit("After", "Body")).isCompletedExceptionally();
    }

    @Test
    void theBacklogCountsWhatIsQueuedOrBeingTaggedUntilItIsDone() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        try (TaggingPool pool = TaggingPool.threads((title, body) -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }, 1)) {
            CompletableFuture<List<Entity>> first = pool.submit("One", "Body");
            CompletableFuture<List<Entity>> second = pool.submit("Two", "Body");
            assertThat(pool.backlog()).isEqualTo(2);

            gate.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            assertThat(pool.backlog()).isZero();
        }
        assertThat(TaggingPool.inline((title, body) -> List.of()).backlog()).isZero();
    }

    @Test
    void aNegativeThreadCountIsRefused() {
        assertThatThrownBy(() -> TaggingPool.threads((title, body) -> List.of(), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }
}
