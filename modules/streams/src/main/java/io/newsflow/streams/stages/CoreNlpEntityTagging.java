package io.newsflow.streams.stages;

import java.util.ArrayList;
import java.util.List;

import io.newsflow.model.Entity;
import io.newsflow.model.EntityType;
import io.newsflow.model.Mention;
import io.newsflow.text.entities.EntityMention;
import io.newsflow.text.entities.EntityTagger;
import io.newsflow.text.entities.TaggedEntity;

/** The tag stage's adapter over newsflow's CoreNLP tagger: maps its entities onto the Avro model. */
public final class CoreNlpEntityTagging implements EntityTagging {

    private final EntityTagger tagger;

    private CoreNlpEntityTagging(EntityTagger tagger) {
        this.tagger = tagger;
    }

    /** Loads the model and runs it once, so the app reports ready only when tagging is fast. */
    public static CoreNlpEntityTagging loadAndWarmUp() {
        EntityTagger tagger = EntityTagger.create();
        tagger.warmUp();
        return new CoreNlpEntityTagging(tagger);
    }

    @Override
    public List<Entity> tag(String title, String cleanBody) {
        List<TaggedEntity> tagged = tagger.tag(title, cleanBody);
        List<Entity> entities = new ArrayList<>(tagged.size());
        for (TaggedEntity entity : tagged) {
            List<Mention> mentions = new ArrayList<>(entity.mentions().size());
            for (EntityMention mention : entity.mentions()) {
                mentions.add(new Mention(mention.text(), mention.start(), mention.end()));
            }
            entities.add(Entity.newBuilder()
                    .setText(entity.text())
                    .setType(EntityType.valueOf(entity.type().name()))
                    .setStart(entity.start())
                    .setEnd(entity.end())
                    .setCanonical(entity.canonical())
                    .setCount(entity.count())
                    .setSalience(entity.salience())
                    .setMentions(mentions)
                    .build());
        }
        return entities;
    }
}
