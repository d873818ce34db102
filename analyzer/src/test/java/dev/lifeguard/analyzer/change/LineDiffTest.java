package dev.lifeguard.analyzer.change;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LineDiffTest {

    @Test
    void anInsertedLineIsItsOwnHunk() {
        assertEquals(List.of(new LineDiff.Hunk(3, 3, 3, 2)), LineDiff.between("a\nb\nc\n", "a\nb\nnew\nc\n"));
    }

    @Test
    void aDeletedLineIsPlacedWhereItWas() {
        List<LineDiff.Hunk> h = LineDiff.between("a\nb\nc\nd\n", "a\nc\nd\n");
        assertEquals(List.of(new LineDiff.Hunk(2, 1, 2, 2)), h);
        assertTrue(h.get(0).deletes() && !h.get(0).inserts());
    }

    @Test
    void twoSeparateEditsAreTwoHunks() {
        List<LineDiff.Hunk> h = LineDiff.between("1\n2\n3\n4\n5\n6\n7\n", "1\nX\n3\n4\n5\nY\n7\n");
        assertEquals(List.of(new LineDiff.Hunk(2, 2, 2, 2), new LineDiff.Hunk(6, 6, 6, 6)), h);
    }

    @Test
    void aNewFileIsOneHunkOfEveryLine() {
        assertEquals(List.of(new LineDiff.Hunk(1, 2, 1, 0)), LineDiff.between(null, "x\ny\n"));
        assertEquals(List.of(), LineDiff.between("same\n", "same\n"));
    }

    @Test
    void interleavedEditsAreFoundLineByLine() {
        String before = "class A {\n  int a;\n  int b;\n  int c;\n}\n";
        String after = "class A {\n  int a;\n  long b;\n  int c;\n  int d;\n}\n";
        assertEquals(List.of(new LineDiff.Hunk(3, 3, 3, 3), new LineDiff.Hunk(5, 5, 5, 4)), LineDiff.between(before, after));
    }
}
