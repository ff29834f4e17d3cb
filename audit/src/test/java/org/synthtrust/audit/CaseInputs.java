package org.synthtrust.audit;

import java.nio.file.Path;
import java.util.Map;
import org.synthtrust.core.table.ColumnType;
import org.synthtrust.core.table.Table;

/** Loads the case inputs copied into the test resources. */
public final class CaseInputs {
    private CaseInputs() {
    }

    public static Path resource(String name) {
        try {
            return Path.of(CaseInputs.class.getClassLoader().getResource(name).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name + " is missing", e);
        }
    }

    public static Table real(String caseId, Map<String, ColumnType> types) throws java.io.IOException {
        return TestData.csv(resource("cases/" + caseId + ".csv"), types);
    }

    public static Table synthetic(String caseId, Map<String, ColumnType> types) throws java.io.IOException {
        return TestData.csv(resource("cases/" + caseId + "-synth.csv"), types);
    }
}
