package io.newsflow.text.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CoNLL-2003 style files: one token per line with its entity tag in the last column (IOB1 or IOB2),
 * blank lines between sentences and {@code -DOCSTART-} lines between documents. A file without any
 * {@code -DOCSTART-} is one document.
 */
public final class ConllReader {

    private static final String DOCSTART = "-DOCSTART-";

    private ConllReader() {
    }

    public static List<ConllDocument> read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    public static List<ConllDocument> read(Reader source) throws IOException {
        BufferedReader reader = source instanceof BufferedReader ? (BufferedReader) source : new BufferedReader(source);
        List<ConllDocument> documents = new ArrayList<>();
        List<ConllSentence> sentences = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith(DOCSTART)) {
                endSentence(sentences, words, tags);
                if (trimmed.startsWith(DOCSTART)) {
                    endDocument(documents, sentences);
                }
                continue;
            }
            String[] columns = trimmed.split("\\s+");
            if (columns.length < 2) {
                throw new IOException("Line " + lineNumber + " has no tag column: " + line);
            }
            words.add(columns[0]);
            tags.add(columns[columns.length - 1]);
        }
        endSentence(sentences, words, tags);
        endDocument(documents, sentences);
        return documents;
    }

    private static void endSentence(List<ConllSentence> sentences, List<String> words, List<String> tags) {
        if (!words.isEmpty()) {
            sentences.add(new ConllSentence(words, tags));
            words.clear();
            tags.clear();
        }
    }

    private static void endDocument(List<ConllDocument> documents, List<ConllSentence> sentences) {
        if (!sentences.isEmpty()) {
            documents.add(new ConllDocument(sentences));
            sentences.clear();
        }
    }
}
