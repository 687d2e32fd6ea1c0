/**
 * Named-entity tagging of news articles with Stanford CoreNLP's CoNLL-2003 CRF: {@link
 * io.newsflow.text.entities.EntityTagger} finds people, organisations, places and other names with exact
 * body offsets, canonical names and salience; {@link io.newsflow.text.entities.NerEvaluation} scores it on
 * CoNLL-annotated text. Plain Java, no Kafka. GPL-3.0-or-later, as CoreNLP is.
 */
package io.newsflow.text.entities;
