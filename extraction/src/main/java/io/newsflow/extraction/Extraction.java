package io.newsflow.extraction;

import java.util.List;

/** What the extraction library found in one story. Offsets are Java String indices into the text given. */
public record Extraction(String language, List<EntityMention> entities, List<FigureMention> figures) {
    public Extraction {
        entities = List.copyOf(entities);
        figures = List.copyOf(figures);
    }
}
