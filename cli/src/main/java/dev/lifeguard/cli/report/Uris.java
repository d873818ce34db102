package dev.lifeguard.cli.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths as reports spell them: '/'-separated, and as URIs for SARIF. */
final class Uris {
    private Uris() {
    }

    /** A root-relative path with '/' separators, whatever the platform. */
    static String slashed(Path relative) {
        return relative.toString().replace('\\', '/');
    }

    /** A root-relative path as a relative URI reference: percent-encoded, never mistaken for a scheme. */
    static String relative(Path relative) {
        String path = slashed(relative);
        int colon = path.indexOf(':');
        int slash = path.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            path = "./" + path; // "a:b.sql" would read as scheme "a"
        }
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot express " + path + " as a URI", e);
        }
    }

    /** The file URI of a directory, ending in '/' as SARIF's uriBaseId resolution requires. */
    static String directory(Path absolute) {
        String uri = absolute.toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }
}
