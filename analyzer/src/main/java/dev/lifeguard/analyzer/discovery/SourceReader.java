package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.LoadProblem;
import dev.lifeguard.analyzer.model.SourceFile;
import dev.lifeguard.analyzer.model.SourceSpan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * Reads one file as UTF-8 text. A file that is too large or not UTF-8 becomes a problem with the line
 * where decoding failed, because a linter that dies on one odd file hides the findings of all others.
 */
public final class SourceReader {
    /**
     * Far above any real migration, changelog or source file; keeps a stray dump or binary from exhausting
     * memory. The README's "Limits" section states every cap.
     */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** lifeguard.yml and application configuration files. */
    public static final long MAX_CONFIG_BYTES = 1024L * 1024;
    /** A baseline holds one entry per accepted finding. */
    public static final long MAX_BASELINE_BYTES = 64L * 1024 * 1024;

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
            if (replaced.length() > MAX_BYTES) {
                return failed(relative, "file " + overLimit(replaced.length(), MAX_BYTES) + ": not read");
            }
            // an editor buffer may still carry the file's byte-order mark: dropped as on disk
            return new Result(new SourceFile(relative, withoutBom(replaced)), null);
        }
        return readOnDisk(relative, absolute);
    }

    /**
     * A file on the disk as {@link #read} reads it, for a caller that has checked that it lies inside the root
     * (an editor's warm file store): capped, strict UTF-8, the same messages.
     */
    public static Result readOnDisk(Path relative, Path absolute) {
        try {
            return decode(relative, bytes(absolute, MAX_BYTES));
        } catch (Refused e) {
            return failed(relative, "file " + e.getMessage() + ": not read");
        } catch (IOException e) {
            return failed(relative, "cannot read file: " + reason(e));
        }
    }

    /**
     * Text read from elsewhere than the disk (a file of another git revision) as if it were read from
     * {@code relative}: the same size limit, strict decoding and byte-order-mark handling.
     */
    public static Result fromBytes(Path relative, byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return failed(relative, "file " + overLimit(bytes.length, MAX_BYTES) + ": not read");
        }
        return decode(relative, bytes);
    }

    /**
     * The one way Lifeguard reads a file's bytes: only a regular file (a FIFO or a device would block or never
     * end), and never more than {@code limit} bytes, checked before reading and again while reading (a file
     * that grows). Every reader of input files goes through here or through {@link #open}.
     *
     * @throws Refused     a file that is not regular or is over the limit, with the reason as its message
     * @throws IOException a file that cannot be read
     */
    public static byte[] bytes(Path file, long limit) throws IOException {
        checked(file, limit);
        // the file's own stream, not open's counting one: the JDK's reads a file into one array of its size
        // (InputStream's default reads 16 KB chunks and copies them); the length check below caps it the same way
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, limit + 1));
            if (bytes.length > limit) {
                throw new Refused(overLimit(bytes.length, limit));
            }
            return bytes;
        }
    }

    /** Opens a regular file of at most {@code limit} bytes, as {@link #bytes}; the stream stops at the limit. */
    public static InputStream open(Path file, long limit) throws IOException {
        checked(file, limit);
        InputStream in = Files.newInputStream(file);
        return new InputStream() {
            private long left = limit;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    left -= n;
                    if (left < 0) {
                        throw new Refused(overLimit(limit - left, limit));
                    }
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    /** Refuses what is not a regular file of at most {@code limit} bytes. */
    private static void checked(Path file, long limit) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isDirectory()) {
            throw new Refused("is a directory");
        }
        if (!attributes.isRegularFile()) {
            throw new Refused("is not a regular file (a pipe, socket or device)");
        }
        if (attributes.size() > limit) {
            throw new Refused(overLimit(attributes.size(), limit));
        }
    }

    /** A file refused before it was read: its message says why ("is larger than 20 MB"). */
    public static final class Refused extends IOException {
        public Refused(String reason) {
            super(reason);
        }
    }

    /** "is larger than 20 MB (3.0 GB)": the limit a reader of the README finds in its limits section. */
    static String overLimit(long size, long limit) {
        return "is larger than " + megabytes(limit) + " (" + size(size) + ")";
    }

    private static String megabytes(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : bytes / 1024 + " KB";
    }

    private static String size(long bytes) {
        if (bytes >= 1024L * 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
        }
        return bytes >= 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024))
                : bytes + " bytes";
    }

    /** An I/O failure as prose: the reason the system gave, never an exception class name. */
    public static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "not valid UTF-8 text";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? "input/output error" : e.getMessage();
    }

    /** Decodes strictly, dropping a byte order mark, so offsets and columns count characters of the text. */
    public static Result decode(Path relative, byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        // The String constructor (the JDK's fastest decoding) replaces what is not UTF-8 by U+FFFD: without one in
        // its result the bytes were valid, and the text is what the strict decoder below gives; with one (malformed,
        // or a U+FFFD written in the file) the strict decoder decides and finds the line.
        String fast = new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return new Result(new SourceFile(relative, fast), null);
        }
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

    /**
     * Decodes a changelog as Liquibase's parsers do (an XML parser, SnakeYAML): a byte-order mark, or the zero
     * bytes UTF-16 text starts with, names UTF-16 or UTF-32; anything else is UTF-8, else Latin-1. Never fails.
     */
    public static String decodeAny(byte[] bytes) {
        int n = bytes.length;
        int b0 = n > 0 ? bytes[0] & 0xff : -1;
        int b1 = n > 1 ? bytes[1] & 0xff : -1;
        int b2 = n > 2 ? bytes[2] & 0xff : -1;
        int b3 = n > 3 ? bytes[3] & 0xff : -1;
        if (b0 == 0 && b1 == 0 && b2 == 0xfe && b3 == 0xff) {
            return new String(bytes, 4, n - 4, java.nio.charset.Charset.forName("UTF-32BE"));
        }
        if (b0 == 0xff && b1 == 0xfe && b2 == 0 && b3 == 0) {
            return new String(bytes, 4, n - 4, java.nio.charset.Charset.forName("UTF-32LE"));
        }
        if (b0 == 0xfe && b1 == 0xff) {
            return new String(bytes, 2, n - 2, StandardCharsets.UTF_16BE);
        }
        if (b0 == 0xff && b1 == 0xfe) {
            return new String(bytes, 2, n - 2, StandardCharsets.UTF_16LE);
        }
        if (n >= 4 && b0 == 0 && b1 != 0 && b2 == 0 && b3 != 0) {
            return new String(bytes, StandardCharsets.UTF_16BE);
        }
        if (n >= 4 && b0 != 0 && b1 == 0 && b2 != 0 && b3 == 0) {
            return new String(bytes, StandardCharsets.UTF_16LE);
        }
        return withoutBom(lenient(bytes));
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
