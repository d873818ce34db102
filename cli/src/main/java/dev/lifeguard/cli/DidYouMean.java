package dev.lifeguard.cli;

import java.util.List;
import java.util.Locale;

/** Suggests the known name closest to a mistyped one. */
final class DidYouMean {
    private DidYouMean() {
    }

    /** The candidate within a few edits of {@code typed} (or containing it), or null when none is close. */
    static String closest(String typed, List<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT).replace('_', '-');
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(t, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= Math.max(2, t.length() / 3)) {
            return best;
        }
        return candidates.stream().filter(c -> t.length() >= 4 && (c.contains(t) || t.contains(c))).findFirst().orElse(null);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(substitution, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
