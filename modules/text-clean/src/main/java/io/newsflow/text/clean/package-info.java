/**
 * Boilerplate stripping, main-content extraction and normalisation of article bodies. Plain Java: no Kafka here.
 *
 * <p>The streams topology calls {@link io.newsflow.text.clean.ArticleCleaner#clean(String, String,
 * io.newsflow.text.clean.SourceTemplate)} with the source's {@link io.newsflow.text.clean.SourceTemplate} (kept in a
 * state store as {@link io.newsflow.text.clean.SourceTemplate#toBytes()}), then feeds
 * {@link io.newsflow.text.clean.CleanedText#blockHashes()} back to
 * {@link io.newsflow.text.clean.SourceTemplate#observe(java.util.List)}. Rules and stop words are per-language
 * resources under {@code io/newsflow/text/clean/lang/}. {@link io.newsflow.text.clean.BoilerplateEvaluation} scores
 * the cleaner on a directory of articles with their expected text.
 */
package io.newsflow.text.clean;
