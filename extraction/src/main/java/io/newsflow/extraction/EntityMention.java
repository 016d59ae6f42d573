package io.newsflow.extraction;

/**
 * A named entity in a story.
 *
 * @param canonicalId stable id shared across languages and mentions (e.g. {@code country:FR}), or null when unknown
 */
public record EntityMention(EntityType type, String text, int start, int end, String canonicalId, double confidence) {
}
