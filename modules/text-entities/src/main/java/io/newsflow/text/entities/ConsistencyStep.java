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
    PROPAGATE
}
