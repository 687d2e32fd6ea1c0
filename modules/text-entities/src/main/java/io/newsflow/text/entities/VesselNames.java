package io.newsflow.text.entities;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Ships are named like people ("Carl Vinson") or places ("Enterprise"), so the CRF types them as such;
 * CoNLL, like most news annotation, calls them MISC. A name right after a ship prefix ("RMS", "USS") or a
 * word for a vessel ("aircraft carrier", "tanker") is a ship, and so is every other mention of that name in
 * the article ("the Titanic" after "RMS Titanic").
 */
final class VesselNames {

    /** Prefixes that only ever stand before ship names ("SS" and "MS" mean too many other things). */
    private static final Set<String> SHIP_PREFIXES = Set.of("RMS", "USS", "HMS", "HMAS", "HMCS", "MV");

    /** Words for vessels; "carrier" alone is as often an airline, so it needs "aircraft" before it. */
    private static final Set<String> VESSEL_WORDS = Set.of(
            "ship", "liner", "frigate", "destroyer", "tanker", "freighter", "vessel", "submarine", "yacht", "ferry",
            "cruiser", "warship", "battleship", "trawler");

    private static final Set<String> CARRIER_WORDS = Set.of("carrier", "carriers");

    /** Capitalised words that follow a vessel word without naming it ("the ship Monday"). */
    private static final Set<String> CALENDAR_WORDS = Set.of(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december");

    private VesselNames() {
    }

    static void tagVessels(List<LabeledSentence> document) {
        Set<String> names = new HashSet<>();
        for (LabeledSentence sentence : document) {
            if (DocumentConsistency.isCapitalLine(sentence)) {
                continue; // "USS" in a headline may be anything
            }
            for (int i = 0; i + 1 < sentence.size(); i++) {
                boolean prefix = SHIP_PREFIXES.contains(sentence.word(i));
                if (!prefix && !isVesselWord(sentence, i)) {
                    continue;
                }
                int from = i + 1;
                int to = nameEnd(sentence, from);
                if (to > from) {
                    sentence.relabel(prefix ? i : from, to, EntityType.MISC);
                    names.add(sentence.phrase(from, to));
                    i = to - 1;
                }
            }
        }
        if (names.isEmpty()) {
            return;
        }
        for (int s = 0; s < document.size(); s++) {
            LabeledSentence sentence = document.get(s);
            for (EntitySpan span : sentence.spans(s)) {
                if (span.type() != EntityType.MISC && names.contains(sentence.phrase(span.from(), span.to()))) {
                    sentence.relabel(span.from(), span.to(), EntityType.MISC);
                }
            }
        }
    }

    private static boolean isVesselWord(LabeledSentence sentence, int index) {
        String word = sentence.word(index);
        if (CARRIER_WORDS.contains(word)) {
            return index > 0 && sentence.word(index - 1).equalsIgnoreCase("aircraft");
        }
        return VESSEL_WORDS.contains(word);
    }

    /** End of the name starting at {@code from}: the tagged span there, or a run of capitalised untagged words. */
    private static int nameEnd(LabeledSentence sentence, int from) {
        if (!DocumentConsistency.startsUpperCase(sentence.word(from))) {
            return from;
        }
        EntityType type = sentence.label(from);
        int to = from;
        if (type != null) {
            while (to < sentence.size() && sentence.label(to) == type) {
                to++;
            }
            return to;
        }
        while (to < sentence.size() && sentence.label(to) == null && DocumentConsistency.startsUpperCase(sentence.word(to))
                && !CALENDAR_WORDS.contains(sentence.word(to).toLowerCase(Locale.ROOT))) {
            to++;
        }
        return to;
    }
}
