package io.newsflow.streams.errors;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;

/**
 * A result that cannot be written (too large for the broker, or not serializable) becomes a dead letter with
 * the source record's bytes; transient failures (a registry or broker outage) fail the thread so it retries.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    public static final String STAGE = "produce";

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = new DeadLetters(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (DeadLetters.isRetriable(exception)) {
            return Response.fail();
        }
        return Response.resume(List.of(deadLetter(context, exception)));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
            SerializationExceptionOrigin origin) {
        if (DeadLetters.isRetriable(exception)) {
            return Response.fail();
        }
        return Response.resume(List.of(deadLetter(context, exception)));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, Exception exception) {
        return deadLetters.deadLetter(context.topic(), context.partition(), context.offset(), context.timestamp(),
                context.sourceRawKey(), context.sourceRawValue(), context.headers(), STAGE, exception);
    }
}
