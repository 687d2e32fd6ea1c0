package io.newsflow.text.entities;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups the mentions of one article into entities and names each by its fullest form.
 *
 * <p>Three rules, all within one type: a one- or two-word person mention that is the trailing name of
 * exactly one longer person mention joins it ("Putin" joins "Vladimir Putin"; with both "Joe Biden" and
 * "Hunter Biden" present "Biden" stays apart); known spelling variants join their preferred name
 * ("Kiev" joins "Kyiv"); and mentions differing only in letter case join (wire headlines are in capitals).
 */
final class CanonicalEntityMerger {

    private final EntityAliases aliases;

    CanonicalEntityMerger(EntityAliases aliases) {
        this.aliases = aliases;
    }

    /** Mentions grouped per entity, groups in order of first mention. */
    List<MentionGroup> merge(List<BodyMention> mentions) {
        Map<String, MentionGroup> groups = new LinkedHashMap<>();
        Map<BodyMention, String> keyOf = new HashMap<>();
        for (BodyMention mention : mentions) {
            keyOf.put(mention, key(mention, mentions));
        }
        for (BodyMention mention : mentions) {
            groups.computeIfAbsent(keyOf.get(mention), k -> new MentionGroup(mention.type())).add(mention);
        }
        return new ArrayList<>(groups.values());
    }

    private String key(BodyMention mention, List<BodyMention> all) {
        List<String> name = withoutHonorific(mention);
        String surface = String.join(" ", name);
        if (mention.type() == EntityType.PER && name.size() <= 2) {
            String fullName = null;
            for (BodyMention other : all) {
                List<String> otherName = withoutHonorific(other);
                if (other.type() == EntityType.PER && otherName.size() > name.size()
                        && endsWith(otherName, name)) {
                    String candidate = normalise(String.join(" ", otherName));
                    if (fullName != null && !fullName.equals(candidate)) {
                        fullName = null; // two different people share this surname: leave it alone
                        break;
                    }
                    fullName = candidate;
                }
            }
            if (fullName != null) {
                return EntityType.PER + "|" + fullName;
            }
        }
        String preferred = aliases.preferred(surface).orElse(surface);
        return mention.type() + "|" + normalise(preferred);
    }

    /** A person's words without a leading courtesy title: "Mr. Biden" is "Biden". */
    private static List<String> withoutHonorific(BodyMention mention) {
        List<String> words = mention.words();
        if (mention.type() == EntityType.PER && words.size() > 1
                && HONORIFICS.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            return words.subList(1, words.size());
        }
        return words;
    }

    private static final Set<String> HONORIFICS = Set.of(
            "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame", "madame", "monsieur");

    private static boolean endsWith(List<String> words, List<String> suffix) {
        int offset = words.size() - suffix.size();
        for (int i = 0; i < suffix.size(); i++) {
            if (!words.get(offset + i).equalsIgnoreCase(suffix.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The mentions of one entity. */
    final class MentionGroup {
        private final EntityType type;
        private final List<BodyMention> mentions = new ArrayList<>();

        MentionGroup(EntityType type) {
            this.type = type;
        }

        void add(BodyMention mention) {
            mentions.add(mention);
        }

        EntityType type() {
            return type;
        }

        List<BodyMention> mentions() {
            return mentions;
        }

        /**
         * The fullest name: the preferred spelling if one is known, otherwise the mention with most words,
         * preferring mixed case over capitals and the more frequent surface on ties.
         */
        String canonical() {
            Map<String, Integer> frequency = new HashMap<>();
            for (BodyMention mention : mentions) {
                frequency.merge(String.join(" ", withoutHonorific(mention)), 1, Integer::sum);
            }
            String best = null;
            for (String surface : frequency.keySet()) {
                if (best == null || better(surface, best, frequency)) {
                    best = surface;
                }
            }
            String chosen = best;
            return aliases.preferred(chosen).orElse(chosen);
        }

        private boolean better(String candidate, String current, Map<String, Integer> frequency) {
            int words = candidate.split(" ").length - current.split(" ").length;
            if (words != 0) {
                return words > 0;
            }
            boolean candidateCaps = candidate.equals(candidate.toUpperCase(Locale.ROOT));
            boolean currentCaps = current.equals(current.toUpperCase(Locale.ROOT));
            if (candidateCaps != currentCaps) {
                return !candidateCaps;
            }
            int more = frequency.get(candidate) - frequency.get(current);
            return more != 0 ? more > 0 : candidate.compareTo(current) < 0;
        }
    }
}
