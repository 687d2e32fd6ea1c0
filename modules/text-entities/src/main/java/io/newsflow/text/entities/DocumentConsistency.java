package io.newsflow.text.entities;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Corrects the CRF's labels with what the whole article knows. The CRF decides from a few words of
 * context, so a surname far from the full name, a name in a capitals-only headline or a second mention in
 * different company can come out with another type or none; within one news story a name almost always
 * keeps one meaning. Each correction is a {@link ConsistencyStep} and was kept only if it raised F1 on
 * CoNLL-2003 eng.testa.
 */
final class DocumentConsistency {

    private final Set<ConsistencyStep> steps;

    DocumentConsistency(Set<ConsistencyStep> steps) {
        this.steps = steps.isEmpty() ? EnumSet.noneOf(ConsistencyStep.class) : EnumSet.copyOf(steps);
    }

    void apply(List<LabeledSentence> document) {
        if (steps.contains(ConsistencyStep.COMPANY_DESIGNATORS)) {
            typeCompanies(document);
        }
        if (steps.contains(ConsistencyStep.COORDINATION_SPLIT)) {
            splitCoordinations(document);
        }
        if (steps.contains(ConsistencyStep.BASED_ADJECTIVES)) {
            splitBasedAdjectives(document);
        }
        if (steps.contains(ConsistencyStep.NAME_PARTS)) {
            alignNameParts(document);
        }
        if (steps.contains(ConsistencyStep.HEADLINE_CASE)) {
            alignCapitalLines(document);
        }
        if (steps.contains(ConsistencyStep.PROPAGATE)) {
            propagate(document);
        }
        if (steps.contains(ConsistencyStep.MAJORITY_TYPE)) {
            voteTypes(document);
        }
        if (steps.contains(ConsistencyStep.LOWER_CASE_LEAD)) {
            NameBoundaries.dropLowerCaseLeads(document);
        }
        if (steps.contains(ConsistencyStep.REGNAL_NUMBERS)) {
            NameBoundaries.attachRegnalNumbers(document);
        }
        if (steps.contains(ConsistencyStep.QUOTED_NICKNAMES)) {
            NameBoundaries.joinQuotedNicknames(document);
        }
        if (steps.contains(ConsistencyStep.COMPANY_POSSESSIVE)) {
            NameBoundaries.keepCompanyPossessives(document);
        }
        if (steps.contains(ConsistencyStep.VESSEL_NAMES)) {
            VesselNames.tagVessels(document);
        }
    }

    private static final Set<String> COMPANY_DESIGNATORS = Set.of(
            "corp", "corp.", "corporation", "inc", "inc.", "incorporated", "co", "co.", "ltd", "ltd.", "limited",
            "plc", "llc", "ag", "gmbh", "nv", "bv", "spa", "s.a.", "n.v.", "bros", "bros.", "holdings",
            "pharmaceuticals", "airlines", "airways", "bancorp", "bancshares");

    private static void typeCompanies(List<LabeledSentence> document) {
        for (int s = 0; s < document.size(); s++) {
            LabeledSentence sentence = document.get(s);
            for (EntitySpan span : sentence.spans(s)) {
                String last = sentence.word(span.to() - 1).toLowerCase(Locale.ROOT);
                if (span.type() != EntityType.ORG && span.length() > 1 && COMPANY_DESIGNATORS.contains(last)) {
                    sentence.relabel(span.from(), span.to(), EntityType.ORG);
                }
            }
        }
    }

    private static void splitCoordinations(List<LabeledSentence> document) {
        Set<String> names = new HashSet<>();
        for (int s = 0; s < document.size(); s++) {
            LabeledSentence sentence = document.get(s);
            for (EntitySpan span : sentence.spans(s)) {
                names.add(sentence.phrase(span.from(), span.to()));
            }
        }
        for (int s = 0; s < document.size(); s++) {
            LabeledSentence sentence = document.get(s);
            for (EntitySpan span : sentence.spans(s)) {
                for (int k = span.from() + 1; k < span.to() - 1; k++) {
                    String word = sentence.word(k);
                    if ((word.equals("and") || word.equals("or"))
                            && (names.contains(sentence.phrase(span.from(), k))
                                || names.contains(sentence.phrase(k + 1, span.to())))) {
                        sentence.relabel(k, k + 1, null);
                        break;
                    }
                }
            }
        }
    }

    private static void splitBasedAdjectives(List<LabeledSentence> document) {
        for (LabeledSentence sentence : document) {
            for (int i = 0; i < sentence.size(); i++) {
                String word = sentence.word(i);
                if (word.length() > "-based".length() && startsUpperCase(word)
                        && word.toLowerCase(Locale.ROOT).endsWith("-based")) {
                    int from = i;
                    EntityType type = sentence.label(i);
                    while (type != null && from > 0 && sentence.label(from - 1) == type) {
                        from--;
                    }
                    sentence.relabel(from, i + 1, EntityType.MISC);
                }
            }
        }
    }

    private static void alignNameParts(List<LabeledSentence> document) {
        Map<String, EntityType> parts = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (int s = 0; s < document.size(); s++) {
            LabeledSentence sentence = document.get(s);
            if (isCapitalLine(sentence)) {
                continue;
            }
            for (EntitySpan span : sentence.spans(s)) {
                if (span.length() < 2) {
                    continue;
                }
                if (span.type() == EntityType.PER) {
                    addPart(parts, ambiguous, sentence.word(span.to() - 1), EntityType.PER);
                    if (span.length() > 2) { // "Suu Kyi" of "Aung San Suu Kyi"
                        addPart(parts, ambiguous, sentence.phrase(span.to() - 2, span.to()), EntityType.PER);
                    }
                } else if (span.type() == EntityType.ORG) {
                    addPart(parts, ambiguous, sentence.word(span.from()), EntityType.ORG);
                }
            }
        }
        parts.keySet().removeAll(ambiguous);
        if (parts.isEmpty()) {
            return;
        }
        for (LabeledSentence sentence : document) {
            int i = 0;
            while (i < sentence.size()) {
                int matched = 0;
                for (int length = 2; length >= 1 && matched == 0; length--) {
                    int to = i + length;
                    if (to <= sentence.size() && relabelPart(sentence, i, to, parts.get(sentence.phrase(i, to)))) {
                        matched = length;
                    }
                }
                i += Math.max(matched, 1);
            }
        }
    }

    /** Gives tokens {@code from..to} the type of the name they are part of, if they stand alone. */
    private static boolean relabelPart(LabeledSentence sentence, int from, int to, EntityType type) {
        if (type == null) {
            return false;
        }
        EntityType current = sentence.label(from);
        for (int i = from + 1; i < to; i++) {
            if (sentence.label(i) != current) {
                return false;
            }
        }
        if (current == type) {
            return false;
        }
        if (type == EntityType.ORG && current != EntityType.PER) {
            return false; // a city named first in a team or company name ("Philadelphia Eagles") stays a place
        }
        boolean alone = current == null || neighbourDiffers(sentence, from, to, current);
        if (alone && neighbourDiffers(sentence, from, to, type)) {
            sentence.relabel(from, to, type);
            return true;
        }
        return false;
    }

    /** Records a name part; a part claimed by two types is ambiguous and left alone. */
    private static void addPart(Map<String, EntityType> parts, Set<String> ambiguous, String word, EntityType type) {
        if (word.length() < 2 || !startsUpperCase(word) || word.equals(word.toUpperCase(Locale.ROOT))) {
            return;
        }
        EntityType previous = parts.putIfAbsent(word, type);
        if (previous != null && previous != type) {
            ambiguous.add(word);
        }
    }

    private static void alignCapitalLines(List<LabeledSentence> document) {
        Map<String, EntityType> known = new HashMap<>();
        for (int s = 0; s < document.size(); s++) {
            LabeledSentence sentence = document.get(s);
            if (!isCapitalLine(sentence)) {
                for (EntitySpan span : sentence.spans(s)) {
                    known.putIfAbsent(sentence.phrase(span.from(), span.to()).toLowerCase(Locale.ROOT), span.type());
                }
            }
        }
        if (known.isEmpty()) {
            return;
        }
        KnownPhrases phrases = new KnownPhrases(known, true);
        for (int s = 0; s < document.size(); s++) {
            LabeledSentence sentence = document.get(s);
            if (isCapitalLine(sentence)) {
                for (EntitySpan span : sentence.spans(s)) {
                    EntityType type = known.get(sentence.phrase(span.from(), span.to()).toLowerCase(Locale.ROOT));
                    // city names are where headlines and bodies disagree honestly: a capital line's place is
                    // mostly a dateline or venue ("NEW YORK 1996-08-30") while the body means the team, and
                    // the other way round ("MILAN 'S LENTINI MOVES"); leave both readings alone
                    if (type != null && type != span.type() && span.type() != EntityType.LOC
                            && type != EntityType.LOC) {
                        sentence.relabel(span.from(), span.to(), type);
                    }
                }
                tagMatches(sentence, phrases);
            }
        }
    }

    private static void propagate(List<LabeledSentence> document) {
        Map<String, EntityType> known = new HashMap<>();
        for (int s = 0; s < document.size(); s++) {
            LabeledSentence sentence = document.get(s);
            for (EntitySpan span : sentence.spans(s)) {
                if (startsUpperCase(sentence.word(span.from()))) {
                    known.putIfAbsent(sentence.phrase(span.from(), span.to()), span.type());
                }
            }
        }
        KnownPhrases phrases = new KnownPhrases(known, false);
        for (LabeledSentence sentence : document) {
            tagMatches(sentence, phrases);
        }
    }

    /** Gives every mention of a name the type most of its mixed-case mentions have; ties stay as they are. */
    private static void voteTypes(List<LabeledSentence> document) {
        Map<String, Map<EntityType, Integer>> votes = new HashMap<>();
        for (int s = 0; s < document.size(); s++) {
            LabeledSentence sentence = document.get(s);
            if (isCapitalLine(sentence)) {
                continue; // capital lines are guesses; HEADLINE_CASE already aligned them with the body
            }
            for (EntitySpan span : sentence.spans(s)) {
                votes.computeIfAbsent(sentence.phrase(span.from(), span.to()), k -> new EnumMap<>(EntityType.class))
                        .merge(span.type(), 1, Integer::sum);
            }
        }
        for (int s = 0; s < document.size(); s++) {
            LabeledSentence sentence = document.get(s);
            if (isCapitalLine(sentence)) {
                continue;
            }
            for (EntitySpan span : sentence.spans(s)) {
                EntityType winner = majority(votes.get(sentence.phrase(span.from(), span.to())));
                if (winner != null && winner != span.type()) {
                    sentence.relabel(span.from(), span.to(), winner);
                }
            }
        }
    }

    /** The type with strictly more votes than any other, or {@code null} on a tie. */
    private static EntityType majority(Map<EntityType, Integer> votes) {
        EntityType winner = null;
        int most = 0;
        boolean tied = false;
        for (Map.Entry<EntityType, Integer> vote : votes.entrySet()) {
            if (vote.getValue() > most) {
                winner = vote.getKey();
                most = vote.getValue();
                tied = false;
            } else if (vote.getValue() == most) {
                tied = true;
            }
        }
        return tied ? null : winner;
    }

    /** Tags untagged occurrences of known phrases, longest phrase first, never merging with a neighbour. */
    private static void tagMatches(LabeledSentence sentence, KnownPhrases known) {
        int i = 0;
        while (i < sentence.size()) {
            int matched = 0;
            if (!known.mayStartWith(sentence.word(i))) {
                i++;
                continue;
            }
            for (int length : known.lengths) {
                int to = i + length;
                if (to > sentence.size() || !untagged(sentence, i, to)) {
                    continue;
                }
                String phrase = sentence.phrase(i, to);
                EntityType type = known.types.get(known.ignoreCase ? phrase.toLowerCase(Locale.ROOT) : phrase);
                if (type != null && neighbourDiffers(sentence, i, to, type)) {
                    sentence.relabel(i, to, type);
                    matched = length;
                    break;
                }
            }
            i += Math.max(matched, 1);
        }
    }

    /** An article's known entity phrases, with what it takes to skip positions where none can start. */
    private static final class KnownPhrases {
        final Map<String, EntityType> types;
        final boolean ignoreCase;
        /** Phrase lengths in words (as split at spaces), longest first. */
        final int[] lengths;
        /** The first space-separated segment of every phrase: a phrase can only start at a word that begins so. */
        private final Set<String> firstSegments = new HashSet<>();

        KnownPhrases(Map<String, EntityType> types, boolean ignoreCase) {
            this.types = types;
            this.ignoreCase = ignoreCase;
            TreeSet<Integer> distinct = new TreeSet<>();
            for (String phrase : types.keySet()) {
                distinct.add(phrase.split(" ", -1).length);
                firstSegments.add(firstSegment(phrase));
            }
            this.lengths = distinct.descendingSet().stream().mapToInt(Integer::intValue).toArray();
        }

        boolean mayStartWith(String word) {
            return firstSegments.contains(firstSegment(ignoreCase ? word.toLowerCase(Locale.ROOT) : word));
        }

        private static String firstSegment(String text) {
            int space = text.indexOf(' ');
            return space < 0 ? text : text.substring(0, space);
        }
    }

    private static boolean untagged(LabeledSentence sentence, int from, int to) {
        for (int i = from; i < to; i++) {
            if (sentence.label(i) != null) {
                return false;
            }
        }
        return true;
    }

    private static boolean neighbourDiffers(LabeledSentence sentence, int from, int to, EntityType type) {
        return (from == 0 || sentence.label(from - 1) != type)
                && (to == sentence.size() || sentence.label(to) != type);
    }

    /** A line written in capitals: at least two words of letters and no lower-case letter at all. */
    static boolean isCapitalLine(LabeledSentence sentence) {
        int letterWords = 0;
        for (int i = 0; i < sentence.size(); i++) {
            String word = sentence.word(i);
            for (int c = 0; c < word.length(); c++) {
                if (Character.isLowerCase(word.charAt(c))) {
                    return false;
                }
            }
            if (!word.isEmpty() && Character.isLetter(word.charAt(0))) {
                letterWords++;
            }
        }
        return letterWords >= 2;
    }

    static boolean startsUpperCase(String word) {
        return !word.isEmpty() && Character.isUpperCase(word.charAt(0));
    }
}
