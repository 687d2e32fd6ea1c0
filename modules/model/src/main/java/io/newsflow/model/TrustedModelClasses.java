package io.newsflow.model;

import java.util.List;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Tells Avro (1.12.1+ refuses to instantiate classes it was not told to trust) that newsflow's
 * generated record classes may be created when records are read with {@code specific.avro.reader}.
 * Call {@link #register()} once before deserializing; further calls do nothing.
 */
public final class TrustedModelClasses {

    /** Every class generated from {@code schemas/}, including nested records and enums. */
    public static final List<Class<?>> CLASSES = List.of(
            RawArticle.class, EnrichedArticle.class, RemovedBlock.class, Entity.class, EntityType.class,
            Mention.class, DuplicateArticle.class, DuplicateKind.class, DeadLetter.class,
            EntityMention.class, EntityTrend.class, SourceStats.class);

    private static boolean registered;

    private TrustedModelClasses() {
    }

    public static synchronized void register() {
        if (registered) {
            return;
        }
        ClassSecurityValidator.Builder ours = ClassSecurityValidator.builder();
        CLASSES.forEach(ours::add);
        ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, ours.build()));
        registered = true;
    }
}
