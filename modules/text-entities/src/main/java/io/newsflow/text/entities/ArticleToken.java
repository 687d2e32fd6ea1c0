package io.newsflow.text.entities;

/** A word of the article with its character span in the text it was cut from. */
record ArticleToken(String word, int start, int end) {
}
