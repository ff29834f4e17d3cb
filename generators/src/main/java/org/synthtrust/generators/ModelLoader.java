package org.synthtrust.generators;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one model file format; registered in {@code META-INF/services/org.synthtrust.generators.ModelLoader}
 * so that {@link Models#load} finds loaders of every synthesizer family.
 */
public interface ModelLoader {
    /** The value of the {@code format} field this loader reads. */
    String format();

    FittedModel load(JsonNode root);
}
