package dev.lifeguard.analyzer.discovery;

import dev.lifeguard.analyzer.model.SourceFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the loader gets file texts and directory listings from: the disk, as a command-line run reads it,
 * or a cache that an editor keeps warm between runs and invalidates file by file
 * ({@code analyzer.warm.FileStore}). Either way a file is read only inside the root.
 */
public interface FileSource {

    /** Straight from the disk, every time. */
    FileSource DISK = new FileSource() {
        @Override
        public SourceReader.Result read(ProjectRoot root, Path relative) {
            return new SourceReader(root).read(relative);
        }

        @Override
        public SourceFile readLenient(Path absolute, Path relative) throws IOException {
            return new SourceFile(relative, SourceReader.decodeAny(SourceReader.bytes(absolute, SourceReader.MAX_BYTES)));
        }

        @Override
        public List<Path> list(ProjectRoot root, Path directory) {
            return listOnDisk(root, directory);
        }

        @Override
        public String head(ProjectRoot root, Path relative, int bytes) {
            return headOnDisk(root, relative, bytes);
        }
    };

    /** A file as strict UTF-8 text, read and refused exactly as {@link SourceReader#read} does, or why not. */
    SourceReader.Result read(ProjectRoot root, Path relative);

    /**
     * A file's text decoded as Liquibase's parsers decode it ({@link SourceReader#decodeAny}: UTF-16/32 by their
     * marks, else UTF-8, else Latin-1; BOM dropped), read with the same cap as every read.
     *
     * @param absolute the file, already checked to lie inside the root
     * @param relative its root-relative path, which the returned file carries
     * @throws SourceReader.Refused a file over {@link SourceReader#MAX_BYTES} or not a regular file
     */
    SourceFile readLenient(Path absolute, Path relative) throws IOException;

    /**
     * The first {@code bytes} bytes of a file, decoded as {@link SourceReader#decodeAny} (a look at what kind of
     * file it is: works on a file over the cap too); null when it cannot be read or is not a regular file.
     */
    String head(ProjectRoot root, Path relative, int bytes);

    /** The readable files directly in a root-relative directory, root-relative and sorted. */
    List<Path> list(ProjectRoot root, Path directory);

    /** The head of a file as read from the disk now (see {@link #head}). */
    static String headOnDisk(ProjectRoot root, Path relative, int bytes) {
        Path absolute = root.absolute(relative);
        if (!root.isInside(absolute)) {
            return null;
        }
        try (java.io.InputStream in = SourceReader.open(absolute, Long.MAX_VALUE)) {
            return SourceReader.decodeAny(in.readNBytes(bytes));
        } catch (IOException e) {
            return null;
        }
    }

    /** The listing as read from the disk now. */
    static List<Path> listOnDisk(ProjectRoot root, Path directory) {
        Path absolute = root.absolute(directory);
        if (!Files.isDirectory(absolute) || !root.isInside(absolute)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(absolute)) {
            return entries.map(root::relative).filter(root::isReadableFile).sorted().toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
