package dev.lifeguard.analyzer.dialect;

import dev.lifeguard.analyzer.model.SessionDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionDefaultsInConfigTest {
    @TempDir
    Path root;

    private static List<String> found(String file, String text) {
        return SessionDefaultsInConfig.scan(Path.of(file), text).stream()
                .map(s -> s.name() + "=" + s.value() + "@" + s.span().startLine() + " " + s.how()).toList();
    }

    @Test
    void initSqlInEveryFormTeamsWriteIt() {
        assertEquals(List.of("lock_timeout='5s'@4 Flyway's initSql (init-sqls)"), found("application.yml", """
                spring:
                  flyway:
                    init-sqls:
                      - SET lock_timeout = '5s'
                    locations: classpath:db/migration
                """));
        assertEquals(List.of("lock_timeout='5s'@3 Flyway's initSql (init-sqls)"), found("application.yml", """
                spring:
                  flyway:
                    init-sqls: "SET lock_timeout = '5s'"
                """));
        assertEquals(List.of("lock_timeout=3000@1 Flyway's initSql (init-sqls)",
                        "statement_timeout=0@2 Flyway's initSql (init-sqls)"),
                found("application.properties", """
                        spring.flyway.init-sqls[0]=SET lock_timeout TO 3000
                        spring.flyway.init-sqls[1]=SET statement_timeout = 0
                        # spring.flyway.init-sqls[2]=SET lock_timeout = '9s'
                        """));
        assertEquals(List.of("lock_timeout='2s'@2 Flyway's initSql (initSql)"), found("flyway.toml", """
                [flyway]
                initSql = "SET lock_timeout = '2s'"
                """));
        assertEquals(List.of("lock_timeout=4s@1 the connection pool's init SQL (connection-init-sql)"),
                found("application.properties", "spring.datasource.hikari.connection-init-sql=SET SESSION lock_timeout = 4s\n"));
    }

    @Test
    void jdbcUrlOptionsPlainOrEncoded() {
        for (String url : List.of("jdbc:postgresql://db/shop?options=-c%20lock_timeout%3D5s&ssl=true",
                "jdbc:postgresql://db/shop?options=-c+lock_timeout=5s", "jdbc:postgresql://db/shop?options=-c lock_timeout=5s")) {
            assertEquals(List.of("lock_timeout=5s@1 the JDBC URL's options=-c lock_timeout"),
                    found("application.properties", "spring.datasource.url=" + url + "\n"), url);
        }
        assertEquals(List.of("statement_timeout=1min@2 the JDBC URL's options=-c statement_timeout",
                        "lock_timeout=2s@2 the JDBC URL's options=-c lock_timeout"),
                found("application.yml", "spring.datasource:\n  url: \"jdbc:postgresql://db/shop?options=-c%20statement_timeout%3D1min%20-c%20lock_timeout%3D2s\"\n"));
        assertEquals(List.of(), found("application.properties", "spring.datasource.url=jdbc:mysql://db/shop?options=-c%20lock_timeout%3D5s\n"));
    }

    @Test
    void zeroIsNoTimeoutAndTestResourcesDoNotCount() throws Exception {
        assertFalse(new SessionDefault("lock_timeout", "'0'", null, "").isSet());
        assertFalse(new SessionDefault("lock_timeout", "0ms", null, "").isSet());
        assertFalse(new SessionDefault("lock_timeout", "DEFAULT", null, "").isSet());
        assertTrue(new SessionDefault("lock_timeout", "'10s'", null, "").isSet());
        Files.createDirectories(root.resolve("src/test/resources"));
        Files.writeString(root.resolve("src/test/resources/application.properties"), "spring.flyway.init-sqls=SET lock_timeout=5s\n");
        Files.createDirectories(root.resolve("app/src/main/resources"));
        Files.writeString(root.resolve("app/src/main/resources/application.properties"), "flyway.initSql=SET lock_timeout=7s\n");
        List<SessionDefault> all = SessionDefaultsInConfig.find(root, p -> false);
        assertEquals(1, all.size(), all.toString());
        assertEquals(Path.of("app/src/main/resources/application.properties"), all.get(0).span().file());
        assertEquals("7s", all.get(0).value());
    }
}
