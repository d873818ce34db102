package dev.lifeguard.analyzer.dialect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigFilesTest {
    /** The pattern the names were matched with before, the definition isConfigName must keep. */
    private static final Pattern PATTERN = Pattern.compile(
            "application[-\\w.]*\\.(properties|ya?ml)|flyway\\.(conf|toml)|liquibase\\.properties",
            Pattern.CASE_INSENSITIVE);

    @Test
    void configurationFileNamesAreRecognised() {
        for (String name : List.of("application.yml", "application.yaml", "application.properties",
                "application-prod.yml", "Application-Dev_2.YAML", "application.k8s.properties", "APPLICATION.PROPERTIES",
                "flyway.conf", "Flyway.TOML", "liquibase.properties", "application..yml")) {
            assertTrue(ConfigFiles.isConfigName(name), name);
        }
        for (String name : List.of("application.yml.bak", "my-application.yml", "application", "application.ym",
                "applicationyml", "application-é.yml", "appl\u0130cation.yml", "application prod.yml", "flyway.confx",
                "liquibase.yml", "", ".yml", "application.\u212Aml", "application/x.yml")) {
            assertFalse(ConfigFiles.isConfigName(name), name);
        }
    }

    @Test
    void namesAreJudgedAsThePatternJudgesThem() {
        String[] parts = {"application", "Application", "APPLICATION", "flyway", "liquibase", ".", "-", "_", "x", "K",
                "\u212A", "\u0130", "\u0131", "é", " ", "prod", "properties", "PROPERTIES", "yml", "yaml", "YaMl",
                "conf", "toml", "1", "/"};
        Random random = new Random(11);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder(random.nextBoolean() ? parts[random.nextInt(5)] : "");
            int n = random.nextInt(4);
            for (int j = 0; j < n; j++) {
                sb.append(parts[random.nextInt(parts.length)]);
            }
            if (random.nextBoolean()) {
                sb.append('.').append(parts[16 + random.nextInt(6)]); // an extension
            }
            names.add(sb.toString());
        }
        int matching = 0;
        for (String name : names) {
            boolean expected = PATTERN.matcher(name).matches();
            assertEquals(expected, ConfigFiles.isConfigName(name), name);
            matching += expected ? 1 : 0;
        }
        assertTrue(matching > 500, "the generated names must include many that match: " + matching);
    }
}
