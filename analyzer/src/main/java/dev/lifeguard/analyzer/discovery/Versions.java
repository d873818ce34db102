package dev.lifeguard.analyzer.discovery;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Version numbers as migration tools compare them: parts split on '.' or '_', each compared as a number
 * of any size (so 1_10 comes after 1_9, and 20240101000000 fits), missing parts count as zero (so 2 and
 * 2.0 are the same version, which Flyway rejects as a duplicate).
 */
public final class Versions {
    private Versions() {
    }

    /** Orders canonical or raw versions numerically, part by part. */
    public static final Comparator<String> ORDER = Versions::compare;

    /** Orders names with embedded numbers naturally: 2_b.sql before 10_a.sql. */
    public static final Comparator<String> NATURAL = Versions::compareNatural;

    /** The version in one spelling per value: "2.0" and "2" become "2", "1_01" becomes "1.1". */
    public static String canonical(String raw) {
        List<BigInteger> parts = parts(raw);
        int last = parts.size();
        while (last > 1 && parts.get(last - 1).signum() == 0) {
            last--;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < last; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(parts.get(i));
        }
        return out.toString();
    }

    public static int compare(String a, String b) {
        List<BigInteger> x = parts(a);
        List<BigInteger> y = parts(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            BigInteger p = i < x.size() ? x.get(i) : BigInteger.ZERO;
            BigInteger q = i < y.size() ? y.get(i) : BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<BigInteger> parts(String raw) {
        List<BigInteger> parts = new ArrayList<>();
        for (String p : raw.split("[._]")) {
            parts.add(p.isEmpty() ? BigInteger.ZERO : new BigInteger(p));
        }
        return parts;
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char c = a.charAt(i);
            char d = b.charAt(j);
            if (isAsciiDigit(c) && isAsciiDigit(d)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                int cmp = new BigInteger(a.substring(i, ei)).compareTo(new BigInteger(b.substring(j, ej)));
                if (cmp != 0) {
                    return cmp;
                }
                i = ei;
                j = ej;
            } else {
                if (c != d) {
                    return Character.compare(c, d);
                }
                i++;
                j++;
            }
        }
        int rest = Integer.compare(a.length() - i, b.length() - j);
        return rest != 0 ? rest : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isAsciiDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
