package dev.lifeguard.analyzer.model;

import java.util.List;
import java.util.function.Supplier;

/**
 * The {@link SessionDefault}s of a project's deployment, found on first use: reading the configuration files
 * costs a walk of the tree, which only a rule about to report needs.
 */
public interface SessionDefaults {
    /** None (a class rather than a method reference: a lambda in an interface's initializer is linked anew at every start-up). */
    SessionDefaults NONE = new SessionDefaults() {
        @Override
        public List<SessionDefault> all() {
            return List.of();
        }
    };

    List<SessionDefault> all();

    /** The settings of that name that set a value. */
    default List<SessionDefault> of(String name) {
        return all().stream().filter(s -> s.name().equals(name) && s.isSet()).toList();
    }

    /** Found by {@code finder} once, on the first call, by whichever thread asks first. */
    static SessionDefaults memoized(Supplier<List<SessionDefault>> finder) {
        return new SessionDefaults() {
            private List<SessionDefault> found;

            @Override
            public synchronized List<SessionDefault> all() {
                if (found == null) {
                    found = List.copyOf(finder.get());
                }
                return found;
            }
        };
    }
}
