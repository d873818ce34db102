package dev.lifeguard.analyzer.discovery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceReaderTest {
    @TempDir
    Path root;

    private SourceReader.Result read(String name, byte[] bytes) throws Exception {
        Files.write(root.resolve(name), bytes);
        return new SourceReader(new ProjectRoot(root, List.of())).read(Path.of(name));
    }

    @Test
    void byteOrderMarkIsDropped() throws Exception {
        byte[] text = "SELECT 'é';\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xef;
        bytes[1] = (byte) 0xbb;
        bytes[2] = (byte) 0xbf;
        System.arraycopy(text, 0, bytes, 3, text.length);
        SourceReader.Result result = read("a.sql", bytes);
        assertEquals("SELECT 'é';\n", result.file().text());
        assertEquals(Path.of("a.sql"), result.file().path());
    }

    @Test
    void invalidUtf8IsAProblemAtItsLine() throws Exception {
        byte[] bytes = "SELECT 1;\nSELECT '\u00e9';\n".getBytes(StandardCharsets.ISO_8859_1);
        SourceReader.Result result = read("latin1.sql", bytes);
        assertNull(result.file());
        assertEquals(2, result.problem().span().startLine());
        assertTrue(result.problem().message().contains("UTF-8"));
    }

    @Test
    void hugeFileIsAProblemNotAnOutOfMemory() throws Exception {
        Path big = root.resolve("big.sql");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(SourceReader.MAX_BYTES + 1);
        }
        SourceReader.Result result = new SourceReader(new ProjectRoot(root, List.of())).read(Path.of("big.sql"));
        assertNull(result.file());
        assertTrue(result.problem().message().contains("larger than 20 MB"));
    }

    @Test
    void emptyFileIsEmptyText() throws Exception {
        assertEquals("", read("empty.sql", new byte[0]).file().text());
    }
}
