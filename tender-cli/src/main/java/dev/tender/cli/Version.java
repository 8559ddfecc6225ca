package dev.tender.cli;

import picocli.CommandLine;

/** The version the jar was built as. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"tender " + (version == null ? "(development build)" : version)};
    }
}
