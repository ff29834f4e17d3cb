package org.synthtrust.generators;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.synthtrust.core.InvalidInputException;

/** Registry of the synthesizers found through {@link ServiceLoader}. */
public final class Synthesizers {
    private Synthesizers() {
    }

    /** Returns every registered synthesizer, in service-file order. */
    public static List<Synthesizer> all() {
        List<Synthesizer> found = new ArrayList<>();
        ServiceLoader.load(Synthesizer.class, Synthesizers.class.getClassLoader()).forEach(found::add);
        return found;
    }

    /** Returns the synthesizer with the given id, or throws with the list of valid ids. */
    public static Synthesizer byId(String id) {
        List<String> ids = new ArrayList<>();
        for (Synthesizer synthesizer : all()) {
            if (synthesizer.id().equals(id)) {
                return synthesizer;
            }
            ids.add(synthesizer.id());
        }
        throw new InvalidInputException("unknown method '" + id + "'; valid methods are " + ids);
    }
}
