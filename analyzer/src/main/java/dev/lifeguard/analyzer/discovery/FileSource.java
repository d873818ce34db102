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
            return new SourceFile(relative, SourceReader.withoutBom(SourceReader.lenient(Files.readAllBytes(absolute))));
        }

        @Override
        public List<Path> list(ProjectRoot root, Path directory) {
            return listOnDisk(root, directory);
        }
    };

    /** A file as strict UTF-8 text (see {@link SourceReader}), or why it cannot be read. */
    SourceReader.Result read(ProjectRoot root, Path relative);

    /**
     * A file's text decoded leniently (UTF-8, else Latin-1; BOM dropped), as Liquibase's loader reads it.
     *
     * @param absolute the file, already checked to lie inside the root
     * @param relative its root-relative path, which the returned file carries
     */
    SourceFile readLenient(Path absolute, Path relative) throws IOException;

    /** The readable files directly in a root-relative directory, root-relative and sorted. */
    List<Path> list(ProjectRoot root, Path directory);

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
