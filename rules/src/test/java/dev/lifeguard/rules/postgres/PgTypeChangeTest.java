package dev.lifeguard.rules.postgres;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PgTypeChangeTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "varchar(50)             | varchar(100)                 | METADATA_ONLY",
            "character varying(50)   | VARCHAR(200)                 | METADATA_ONLY",
            "varchar(50)             | varchar                      | METADATA_ONLY",
            "varchar(50)             | text                         | METADATA_ONLY",
            "text                    | character varying            | METADATA_ONLY",
            "numeric(10,2)           | numeric(12,2)                | METADATA_ONLY",
            "decimal(10,2)           | numeric                      | METADATA_ONLY",
            "timestamp(3)            | timestamp(6)                 | METADATA_ONLY",
            "timestamp               | timestamp(6)                 | SAME",
            "timestamp(6)            | timestamp(3)                 | REWRITE",
            "cidr                    | inet                         | METADATA_ONLY",
            "varchar(100)            | varchar(50)                  | REWRITE",
            "text                    | varchar(10)                  | REWRITE",
            "numeric(10,2)           | numeric(12,4)                | REWRITE",
            "numeric                 | numeric(12,2)                | REWRITE",
            "int                     | bigint                       | REWRITE",
            "integer                 | text                         | REWRITE",
            "timestamp               | timestamptz                  | REWRITE",
            "char(10)                | char(20)                     | REWRITE",
            "varchar(50)[]           | varchar(100)[]               | REWRITE",
            "int4                    | integer                      | SAME",
            "timestamp with time zone| timestamptz                  | SAME",
            "bigint                  | int8                         | SAME",
    })
    void classifies(String from, String to, PgTypeChange.Kind expected) {
        assertEquals(expected, PgTypeChange.classify(from, to, null, "c").kind());
    }

    @ParameterizedTest(name = "USING {0}: {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "c::text          ; METADATA_ONLY",
            "CAST(c AS text)  ; METADATA_ONLY",
            "upper(c)         ; REWRITE",
            "c::int + 1       ; REWRITE",
            "c || ''          ; REWRITE",
    })
    void usingAnythingButTheColumnRewrites(String using, PgTypeChange.Kind expected) {
        assertEquals(expected, PgTypeChange.classify("varchar(20)", "text", using, "c").kind());
    }

    @ParameterizedTest
    @CsvSource({"varchar(50)", "int"})
    void unknownOldTypeIsAssumedToRewrite(String newType) {
        PgTypeChange change = PgTypeChange.classify(null, newType, null, "c");
        assertEquals(PgTypeChange.Kind.UNKNOWN, change.kind());
        assertEquals(true, change.rewrites());
    }
}
