package io.newsflow.downstream;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import io.newsflow.model.EnrichedArticle;

/**
 * Event time of an enriched article: when it was published, else when it was fetched, else the record's
 * timestamp. Trends are about when news happened, not when newsflow got round to processing it, so a backlog
 * replayed after an outage lands in the right windows (or is dropped as late, visibly, in the metrics).
 */
public final class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof EnrichedArticle article) {
            Instant eventTime = article.getPublishedAt() != null ? article.getPublishedAt() : article.getFetchedAt();
            if (eventTime != null) {
                return eventTime.toEpochMilli();
            }
        }
        // A negative record timestamp would make Streams drop the record; fall back to the partition's time.
        return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
    }
}
