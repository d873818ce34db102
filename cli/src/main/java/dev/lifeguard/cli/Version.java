package dev.lifeguard.cli;

import picocli.CommandLine;

/** Lifeguard's own version, for picocli's --version (the value itself: {@link BuildVersion}). */
public final class Version implements CommandLine.IVersionProvider {

    public static String current() {
        return BuildVersion.current();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"lifeguard " + current()};
    }
}
