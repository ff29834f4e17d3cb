package org.synthtrust.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, falling back to "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"synthtrust " + (version == null ? "development" : version)};
    }
}
