package io.newsflow.streams.errors;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/** Bytes on an input topic that are not a readable record (not Avro, unknown schema id…) become dead letters. */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    public static final String STAGE = "deserialize";

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = new DeadLetters(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (DeadLetters.isRetriable(exception)) {
            return Response.fail();
        }
        return Response.resume(List.of(deadLetters.deadLetter(record.topic(), record.partition(), record.offset(),
                record.timestamp(), record.key(), record.value(), record.headers(), STAGE, exception)));
    }
}
