package io.newsflow.text.entities;

/**
 * How the tagger uses the whole article around the CRF. Each is switchable so that its effect on F1 can
 * be measured on its own; they run in declaration order after the CRF.
 */
public enum ConsistencyStep {
    /**
     * The CRF reads the whole article as one sequence instead of one sentence at a time. The CoNLL model
     * was trained on whole documents, and its features look across sentence ends.
     */
    ARTICLE_SEQUENCE,
    /**
     * A name ending in a company designator ("Corp", "Inc", "Ltd", "Bros") is an organisation whatever the
     * CRF made of the words before it ("Apic Yamada Corp" is not a person).
     */
    COMPANY_DESIGNATORS,
    /**
     * "Mercantile and Commerce" tagged as one name is split at the conjunction when the article names
     * either side on its own elsewhere: two names, not one.
     */
    COORDINATION_SPLIT,
    /**
     * "London-based" and the like are MISC on their own, never the start of the organisation they qualify
     * ("Boston-based Reagan Communications" is MISC + ORG).
     */
    BASED_ADJECTIVES,
    /**
     * A short form of a longer name of the article takes that name's type: a person's surname
     * ("Washington" after "MaliVai Washington"), and an organisation's first word read as a person ("Magna"
     * after "Magna International"). The CRF often reads short forms as another type, and consistently so.
     */
    NAME_PARTS,
    /**
     * All-capital lines (wire headlines, datelines) take their labels from the mixed-case text of the same
     * article, matched without case: the CRF guesses badly when capitalisation carries no information.
     * Place readings are never changed either way: in capital lines they are mostly datelines and venues.
     */
    HEADLINE_CASE,
    /** A phrase tagged somewhere in the article is tagged wherever else it appears untagged. */
    PROPAGATE,
    /**
     * A name tagged with different types in the mixed-case text of one article takes the type most of its
     * mentions have ("Lotte" three times ORG, once PER). Ties are left alone: there is no majority to trust.
     */
    MAJORITY_TYPE,
    /**
     * A name does not start with a lower-case common word: "chaotic Cultural Revolution" loses "chaotic".
     * Name particles ("de", "van", "al") and hyphenated prefixes ("ex-England") stay.
     */
    LOWER_CASE_LEAD,
    /** A regnal number belongs to the ruler's name: "Elizabeth I", "Charles VI", "John Paul II". */
    REGNAL_NUMBERS,
    /**
     * A nickname or initials in quotes or brackets between a person's first and last names belong to the
     * name: {@code Hector "Macho" Camacho} is one person, not two.
     */
    QUOTED_NICKNAMES,
    /**
     * When the article writes a company's full name with a possessive ("Boatmen's Bancshares Inc."), its
     * short form keeps the possessive too: "Boatmen's" is the company, not "Boatmen" plus a genitive.
     */
    COMPANY_POSSESSIVE,
    /**
     * A name after a ship prefix ("USS") or a vessel word ("aircraft carrier", "tanker") is a ship, MISC, and
     * so are the article's other mentions of it: the CRF reads "Carl Vinson" as a person.
     */
    VESSEL_NAMES
}
