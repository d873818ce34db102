package dev.lifeguard.analyzer.discovery;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionsTest {

    @Test
    void comparesPartByPartAsNumbers() {
        assertTrue(Versions.compare("1_10", "1_9") > 0);
        assertTrue(Versions.compare("1.9", "1_10") < 0);
        assertTrue(Versions.compare("20240101000000000000", "9") > 0);
        assertEquals(0, Versions.compare("2", "2.0"));
        assertEquals(0, Versions.compare("1.01", "1_1"));
    }

    @Test
    void canonicalSpellingMakesEqualVersionsEqualStrings() {
        assertEquals("2", Versions.canonical("2.0"));
        assertEquals("2", Versions.canonical("2"));
        assertEquals("1.1", Versions.canonical("1_01"));
        assertEquals("30", Versions.canonical("0030"));
        assertEquals("0", Versions.canonical("0"));
    }

    /** The hand-written split and comparison give what the regular expression and BigInteger gave. */
    @Test
    void sameResultsAsSplittingWithARegexAndComparingBigIntegers() {
        List<String> samples = new ArrayList<>(List.of("", ".", "_", "1.", "1..2", "._1", "0", "00", "000.000", "1_01",
                "2.0", "2", "007", "20240101000000000000", "20240101000000000001", "9", "1.9", "1_10", "+3", "-1",
                "1.-1", "\u0661", "1_0_0_", "10.0.1", "10.00.01"));
        java.util.Random random = new java.util.Random(11);
        String alphabet = "0012345789._";
        for (int n = 0; n < 3000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(9); i > 0; i--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(sb.toString());
        }
        for (String a : samples) {
            assertEquals(oldCanonical(a), Versions.canonical(a), a);
            for (int k = 0; k < 20; k++) {
                String b = samples.get(random.nextInt(samples.size()));
                assertEquals(Integer.signum(oldCompare(a, b)), Integer.signum(Versions.compare(a, b)), a + " vs " + b);
            }
        }
    }

    private static List<java.math.BigInteger> oldParts(String raw) {
        List<java.math.BigInteger> parts = new ArrayList<>();
        for (String p : raw.split("[._]")) {
            parts.add(p.isEmpty() ? java.math.BigInteger.ZERO : new java.math.BigInteger(p));
        }
        return parts;
    }

    private static String oldCanonical(String raw) {
        List<java.math.BigInteger> parts = oldParts(raw);
        int last = parts.size();
        while (last > 1 && parts.get(last - 1).signum() == 0) {
            last--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < last; i++) {
            out.append(i > 0 ? "." : "").append(parts.get(i));
        }
        return out.toString();
    }

    private static int oldCompare(String a, String b) {
        List<java.math.BigInteger> x = oldParts(a);
        List<java.math.BigInteger> y = oldParts(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            int c = (i < x.size() ? x.get(i) : java.math.BigInteger.ZERO)
                    .compareTo(i < y.size() ? y.get(i) : java.math.BigInteger.ZERO);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Test
    void naturalOrderReadsNumbersInNames() {
        List<String> names = new ArrayList<>(List.of("10_a.sql", "2_b.sql", "1_c.sql", "b.sql", "a.sql"));
        names.sort(Versions.NATURAL);
        assertEquals(List.of("1_c.sql", "2_b.sql", "10_a.sql", "a.sql", "b.sql"), names);
    }
}
