package io.newsflow.streams.errors;

import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A record a stage rejects or fails on becomes a dead letter with the bytes it was read from; the stream
 * thread goes on with the next record.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private DeadLetters deadLetters;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetters = new DeadLetters(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (DeadLetters.isRetriable(exception)) {
            return Response.fail();
        }
        return Response.resume(List.of(deadLetters.deadLetter(context.topic(), context.partition(), context.offset(),
                context.timestamp(), context.sourceRawKey(), context.sourceRawValue(), context.headers(),
                DeadLetters.stageOf(exception, context.processorNodeId()), exception)));
    }
}
