package io.newsflow.extraction.entities;

/**
 * Which phrases count as names. The recognizer's output differs between conventions only in Arabic institution
 * names built on a head noun.
 */
public enum AnnotationConvention {
    /**
     * What a reader of the story expects, and the default: an institution named by a head noun and its complement
     * ({@code وزارة الداخلية الإيطالية}, {@code الشرطة الاتحادية الأسترالية}, {@code جمعية الإمارات لحقوق الإنسان})
     * is an organization.
     */
    PRODUCT,
    /**
     * ANERcorp's annotation, which the Arabic tagger learns from and is scored on: such descriptive institution
     * names are not entities (none of the 43 phrases headed by {@code وزارة} in its training split is), so the
     * tagger alone decides. For scoring on ANERcorp only.
     */
    ANERCORP
}
