package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads one file as UTF-8 text. A file that is too large or not UTF-8 becomes a problem with the line
 * where decoding failed, because a linter that dies on one odd file hides the findings of all others.
 */
public final class SourceReader {
    /** Far above any real migration; keeps a stray dump or binary from exhausting memory. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;

    private final ProjectRoot root;
    private final Map<Path, String> overlay;

    public SourceReader(ProjectRoot root) {
        this(root, Map.of());
    }

    /** @param overlay text read instead of the disk for these root-relative paths (the git index, for --staged) */
    public SourceReader(ProjectRoot root, Map<Path, String> overlay) {
        this.root = root;
        this.overlay = overlay;
    }

    /** Either the file's text or why it could not be read. */
    public record Result(SourceFile file, LoadProblem problem) {
    }

    public Result read(Path relative) {
        Path absolute = root.absolute(relative);
        if (!root.isInside(absolute)) {
            return failed(relative, "file lies outside the project root: not read");
        }
        String replaced = overlay.get(relative.normalize());
        if (replaced != null) {
            // an editor buffer may still carry the file's byte-order mark: dropped as on disk
            return new Result(new SourceFile(relative, withoutBom(replaced)), null);
        }
        try {
            long size = Files.size(absolute);
            if (size > MAX_BYTES) {
                return failed(relative, "file is larger than " + (MAX_BYTES / (1024 * 1024)) + " MB: not read");
            }
            return decode(relative, Files.readAllBytes(absolute));
        } catch (IOException e) {
            return failed(relative, "cannot read file: " + e.getMessage());
        }
    }

    /** Decodes strictly, dropping a byte order mark, so offsets and columns count characters of the text. */
    public static Result decode(Path relative, byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = start; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            return new Result(null, new LoadProblem(SourceSpan.ofLine(relative, line),
                    "file is not valid UTF-8 (line " + line + "): not read"));
        }
        out.flip();
        return new Result(new SourceFile(relative, out.toString()), null);
    }

    private static Result failed(Path relative, String message) {
        return new Result(null, new LoadProblem(SourceSpan.startOf(relative), message));
    }

    /** The text without a leading byte-order mark (one that survived decoding, or an editor's buffer). */
    public static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** Decodes without failing (UTF-8, else Latin-1), for files read for a look or by Liquibase. */
    public static String lenient(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
