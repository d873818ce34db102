package dev.lifeguard.rules.postgres;

import dev.lifeguard.rules.postgres.PgDefaultVolatility.Volatility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PgDefaultVolatilityTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "0                                   | ONCE",
            "'x'                                 | ONCE",
            "now()                               | ONCE",
            "CURRENT_TIMESTAMP                   | ONCE",
            "'{}'::jsonb                         | ONCE",
            "0::numeric(10,2)                    | ONCE",
            "'random()'                          | ONCE",
            "gen_random_uuid()                   | VOLATILE",
            "public.uuid_generate_v4()           | VOLATILE",
            "clock_timestamp()                   | VOLATILE",
            "RANDOM()                            | VOLATILE",
            "nextval('t_id_seq'::regclass)       | VOLATILE",
            "(random() * 100)::int               | VOLATILE",
            "my_fn()                             | UNKNOWN",
            "coalesce(my_fn(), now())            | UNKNOWN",
    })
    void classifies(String expression, Volatility expected) {
        assertEquals(expected, PgDefaultVolatility.classify(expression));
    }

    @Test
    void namesTheUnknownFunctions() {
        assertEquals(Set.of("a", "b"), PgDefaultVolatility.unknownFunctions("a(1) + b(now())"));
        assertEquals(Volatility.ONCE, PgDefaultVolatility.classify(null));
    }
}
