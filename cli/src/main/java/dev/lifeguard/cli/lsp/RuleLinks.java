package dev.lifeguard.cli.lsp;

import dev.lifeguard.rules.RuleMetadata;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a rule's docs page is, for the link an editor shows next to a diagnostic: the generated
 * {@code docs/rules/<id>.md} of the Lifeguard checkout the server runs from (found above its jar or classes),
 * else the page's path in the Lifeguard repository, as the text and JSON reports print it.
 */
final class RuleLinks {
    private final Path docsHome;

    RuleLinks(Path docsHome) {
        this.docsHome = docsHome;
    }

    /** Looks for the checkout above the code Lifeguard runs from. */
    static RuleLinks forInstallation() {
        return new RuleLinks(installationHome().orElse(null));
    }

    String href(RuleMetadata rule) {
        if (docsHome != null) {
            Path page = docsHome.resolve(rule.docsPath());
            if (Files.isRegularFile(page)) {
                return page.toUri().toString();
            }
        }
        return rule.docsPath();
    }

    private static Optional<Path> installationHome() {
        try {
            Path code = Path.of(RuleLinks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = code.getParent(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("docs/rules"))) {
                    return Optional.of(dir);
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (an unusual class loader): the relative path will do
        }
        return Optional.empty();
    }
}
