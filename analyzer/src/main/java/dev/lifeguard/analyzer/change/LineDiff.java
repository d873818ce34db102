package dev.lifeguard.analyzer.change;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which lines an edit changed, line by line as {@code git diff} shows them (Myers' algorithm, O((N+M)D)), so a
 * finding about a change can point at the lines it touched instead of the top of the file.
 */
public final class LineDiff {
    /** Beyond this many differing lines the whole file counts as changed: a rewrite, not an edit. */
    private static final int MAX_EDITS = 4_000;

    /**
     * One changed region: lines {@code from..to} (1-based, inclusive) of the text after, replacing lines
     * {@code oldFrom..oldTo} of the text before. A pure insertion has an empty old range ({@code oldTo < oldFrom}),
     * a pure deletion an empty new one ({@code to < from}, placed where the lines were).
     */
    public record Hunk(int from, int to, int oldFrom, int oldTo) {
        public boolean inserts() {
            return to >= from;
        }

        public boolean deletes() {
            return oldTo >= oldFrom;
        }
    }

    private LineDiff() {
    }

    /** The changed regions from {@code before} to {@code after} ({@code before} null: every line is new). */
    public static List<Hunk> between(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        int start = 0;
        while (start < a.length && start < b.length && a[start].equals(b[start])) {
            start++;
        }
        int endA = a.length;
        int endB = b.length;
        while (endA > start && endB > start && a[endA - 1].equals(b[endB - 1])) {
            endA--;
            endB--;
        }
        if (start == endA && start == endB) {
            return List.of();
        }
        boolean[] removed = new boolean[a.length];
        boolean[] added = new boolean[b.length];
        if (!myers(a, b, start, endA, start, endB, removed, added)) {
            Arrays.fill(removed, start, endA, true);
            Arrays.fill(added, start, endB, true);
        }
        return hunks(removed, added, a.length, b.length);
    }

    private static String[] lines(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return t.split("\r?\n", -1);
    }

    /** Marks removed and added lines of the middle parts; false when they differ too much to bother. */
    private static boolean myers(String[] a, String[] b, int a0, int a1, int b0, int b1, boolean[] removed,
                                 boolean[] added) {
        int n = a1 - a0;
        int m = b1 - b0;
        int max = Math.min(n + m, MAX_EDITS);
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        for (int d = 0; d <= max; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1] ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a[a0 + x].equals(b[b0 + y])) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    backtrack(trace, offset, n, m, d, a0, b0, removed, added);
                    return true;
                }
            }
        }
        return false;
    }

    private static void backtrack(List<int[]> trace, int offset, int n, int m, int dEnd, int a0, int b0,
                                  boolean[] removed, boolean[] added) {
        int x = n;
        int y = m;
        for (int d = dEnd; d > 0; d--) {
            int[] v = trace.get(d);
            int k = x - y;
            int prevK = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1] ? k + 1 : k - 1;
            int prevX = v[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
            }
            if (x == prevX) {
                added[b0 + prevY] = true; // came down: a line of b inserted
            } else {
                removed[a0 + prevX] = true; // came right: a line of a deleted
            }
            x = prevX;
            y = prevY;
        }
    }

    private static List<Hunk> hunks(boolean[] removed, boolean[] added, int na, int nb) {
        List<Hunk> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < na || j < nb) {
            if (i < na && j < nb && !removed[i] && !added[j]) {
                i++;
                j++;
                continue;
            }
            int oldFrom = i;
            int from = j;
            while (i < na && removed[i]) {
                i++;
            }
            while (j < nb && added[j]) {
                j++;
            }
            if (i == oldFrom && j == from) {
                // only one side has lines left: they are all changes
                if (i < na) {
                    i++;
                } else {
                    j++;
                }
                out.add(new Hunk(from + 1, j, oldFrom + 1, i));
                continue;
            }
            out.add(new Hunk(from + 1, j, oldFrom + 1, i));
        }
        return out;
    }
}
