package dev.lifeguard.verify;

import dev.lifeguard.analyzer.model.Dialect;
import dev.lifeguard.analyzer.model.History;
import dev.lifeguard.verify.db.EmbeddedPostgresServer;
import dev.lifeguard.verify.db.ProvidedDatabase;
import dev.lifeguard.verify.db.RehearsalServer;
import dev.lifeguard.verify.mariadb.MariaDbServer;
import dev.lifeguard.verify.mariadb.ProvidedMariaDb;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which server rehearses which history: PostgreSQL histories on the embedded PostgreSQL, MariaDB and MySQL histories
 * on a throwaway MariaDB when {@code mariadbd} is installed, or all of one kind on {@code --database-url}. A history
 * that no server here can run is said in a note (and when that is every history, in the one line of the error).
 */
final class RehearsalServers {

    /** Histories of one kind, rehearsed on one server. */
    record Group(boolean mariadb, List<History> histories) {
    }

    private final VerifyOptions options;
    private final Supplier<RehearsalServer> factory;
    private final List<Group> groups = new ArrayList<>();

    RehearsalServers(VerifyOptions options, Supplier<RehearsalServer> factory, List<History> histories, List<String> notes)
            throws RehearsalException {
        this.options = options;
        this.factory = factory;
        List<History> postgres = histories.stream().filter(h -> !h.dialect().isMySqlFamily()).toList();
        List<History> mariadb = histories.stream().filter(h -> h.dialect().isMySqlFamily()).toList();
        String url = options.databaseUrl();
        if (factory != null) {
            add(false, postgres);
            add(true, mariadb);
        } else if (url != null) {
            boolean mariadbUrl = ProvidedMariaDb.accepts(url);
            List<History> other = mariadbUrl ? postgres : mariadb;
            if (other.size() == histories.size()) {
                throw new RehearsalException("--database-url is a " + (mariadbUrl ? "MariaDB/MySQL" : "PostgreSQL")
                        + " server, and the migrations are " + other.get(0).dialect().id());
            }
            other.forEach(h -> notes.add(h.location() + ": not rehearsed: a " + h.dialect().id() + " history, and"
                    + " --database-url is a " + (mariadbUrl ? "MariaDB/MySQL" : "PostgreSQL") + " server"));
            add(mariadbUrl, mariadbUrl ? mariadb : postgres);
        } else {
            add(false, postgres);
            if (!mariadb.isEmpty() && MariaDbServer.binary().isEmpty()) {
                if (postgres.isEmpty()) {
                    throw new RehearsalException("these are " + mariadb.get(0).dialect().id() + " migrations, and " + MariaDbServer.missing());
                }
                mariadb.forEach(h -> notes.add(h.location() + ": not rehearsed: " + MariaDbServer.missing()));
            } else {
                add(true, mariadb);
            }
        }
    }

    private void add(boolean mariadb, List<History> histories) {
        if (!histories.isEmpty()) {
            groups.add(new Group(mariadb, histories));
        }
    }

    static boolean rehearses(Dialect d) {
        return d == Dialect.POSTGRESQL || d.isMySqlFamily();
    }

    List<Group> groups() {
        return groups;
    }

    RehearsalServer start(Group g) throws RehearsalException {
        if (factory != null) {
            return factory.get();
        }
        if (options.databaseUrl() != null) {
            return g.mariadb() ? ProvidedMariaDb.open(options.databaseUrl(), options.allowNonEmpty())
                    : ProvidedDatabase.open(options.databaseUrl(), options.allowNonEmpty());
        }
        return g.mariadb() ? MariaDbServer.start() : EmbeddedPostgresServer.start(options.postgresMajor());
    }

    /**
     * What the user should know about the server a history is rehearsed on: a MySQL history on MariaDB, or a target
     * version (--target-version, lifeguard.yml) the server is not of. Null when nothing.
     */
    static String versionNote(History h, RehearsalServer server, dev.lifeguard.rules.engine.EngineOptions engine) {
        if (!h.dialect().isMySqlFamily()) {
            return null;
        }
        String rehearsedOn = server.describe().replaceFirst(" \\(.*$", "").replaceFirst(" on 127.*$", "");
        if (h.dialect() == Dialect.MYSQL && rehearsedOn.startsWith("MariaDB")) {
            return h.location() + ": a mysql history, rehearsed on " + rehearsedOn + ": MySQL's online DDL differs from"
                    + " MariaDB's in places (docs/mariadb-online-ddl.md); --database-url jdbc:mysql://... rehearses on MySQL";
        }
        var target = engine.targetVersion();
        if (target != null && target.dialect() == h.dialect() && target.parts().size() >= 2) {
            String wanted = target.parts().get(0) + "." + target.parts().get(1);
            String[] version = rehearsedOn.replaceFirst("^\\S+ ", "").split("\\.");
            if (version.length >= 2 && !(version[0] + "." + version[1]).equals(wanted)) {
                return h.location() + ": the target is " + h.dialect().id() + " " + wanted + ", rehearsed on " + rehearsedOn
                        + ": what locks differs between versions (docs/dialects.md)";
            }
        }
        return null;
    }

    /** A provided database drops what the rehearsal created; what it could not is said. */
    static void closeProvided(RehearsalServer server, List<String> notes) {
        if (server instanceof ProvidedDatabase provided) {
            provided.close();
            provided.leftovers().forEach(l -> notes.add("left in the database: " + l));
        } else if (server instanceof ProvidedMariaDb provided) {
            provided.close();
            provided.leftovers().forEach(l -> notes.add("left in the database: " + l));
        }
    }
}
