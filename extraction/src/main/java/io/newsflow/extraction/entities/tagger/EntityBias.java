package io.newsflow.extraction.entities.tagger;

import io.newsflow.extraction.EntityType;
import java.util.Arrays;
import java.util.Locale;

/**
 * A constant added to the score of every B- and I- label of an entity type before Viterbi decoding, in the
 * units of the tagger's scores (one perceptron update per feature): a positive bias trades precision for recall,
 * since the perceptron is trained to be right, not to balance the two.
 */
public record EntityBias(float person, float organization, float location, float misc) {

    public static final EntityBias NONE = new EntityBias(0, 0, 0, 0);

    public static EntityBias global(float bias) {
        return new EntityBias(bias, bias, bias, bias);
    }

    public float of(EntityType type) {
        return switch (type) {
            case PERSON -> person;
            case ORGANIZATION -> organization;
            case LOCATION -> location;
            case MISC -> misc;
        };
    }

    /** Per label (see {@link Labels}): 0 for O, then the type's bias for its B- and I- labels. */
    float[] perLabel() {
        float[] bias = new float[Labels.COUNT];
        for (int l = 1; l < Labels.COUNT; l++) {
            bias[l] = of(Labels.type(l));
        }
        return bias;
    }

    /**
     * Parses {@code 2} (every type), {@code PER=2/ORG=4} (the others 0) or {@code 2/MISC=0} (every type, then
     * overrides), with the CoNLL type names.
     */
    public static EntityBias parse(String text) {
        float[] bias = new float[EntityType.values().length];
        for (String part : text.trim().split("/")) {
            int eq = part.indexOf('=');
            try {
                if (eq < 0) {
                    Arrays.fill(bias, Float.parseFloat(part.trim()));
                    continue;
                }
                String name = part.substring(0, eq).trim().toUpperCase(Locale.ROOT);
                EntityType type = Arrays.stream(EntityType.values())
                        .filter(t -> Labels.conllType(t).equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown entity type " + name
                                + " in entity bias " + text + " (PER, ORG, LOC or MISC)"));
                bias[type.ordinal()] = Float.parseFloat(part.substring(eq + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an entity bias: " + text
                        + " (a number, or TYPE=number parts joined by /)", e);
            }
        }
        return new EntityBias(bias[0], bias[1], bias[2], bias[3]);
    }

    /** The shortest form {@link #parse} reads back. */
    @Override
    public String toString() {
        if (person == organization && person == location && person == misc) {
            return number(person);
        }
        StringBuilder b = new StringBuilder();
        for (EntityType type : EntityType.values()) {
            if (of(type) != 0) {
                b.append(b.isEmpty() ? "" : "/").append(Labels.conllType(type)).append('=').append(number(of(type)));
            }
        }
        return b.toString();
    }

    private static String number(float value) {
        return value == Math.rint(value) ? Integer.toString((int) value) : Float.toString(value);
    }
}
