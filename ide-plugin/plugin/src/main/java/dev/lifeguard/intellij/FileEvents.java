package dev.lifeguard.intellij;

import com.intellij.openapi.application.Application;
import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.vfs.VirtualFileManager;
import com.intellij.openapi.vfs.newvfs.BulkFileListener;
import com.intellij.openapi.vfs.newvfs.events.VFileEvent;
import dev.lifeguard.intellij.problems.FileLinter;
import org.jetbrains.annotations.NotNull;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The IDE's file system events (saves, files created or deleted, a {@code git checkout} seen by the VFS
 * refresh) passed on to the warm project models, which forget what they kept of those files. Subscribed
 * once, on the application's message bus (build 183 has no declarative application listeners), when the
 * inspection first runs. The models take the events without blocking: events come on the UI thread.
 */
final class FileEvents {
    private static final AtomicBoolean LISTENING = new AtomicBoolean();

    private FileEvents() {
    }

    static void listen(FileLinter linter) {
        Application application = ApplicationManager.getApplication();
        if (application == null || !LISTENING.compareAndSet(false, true)) {
            return;
        }
        application.getMessageBus().connect().subscribe(VirtualFileManager.VFS_CHANGES, new BulkFileListener() {
            @Override
            public void after(@NotNull List<? extends VFileEvent> events) {
                for (VFileEvent event : events) {
                    String path = event.getPath();
                    if (path.contains("!/") || path.contains("://")) {
                        continue; // inside a jar, or not a local file
                    }
                    try {
                        linter.changed(Path.of(path));
                    } catch (InvalidPathException e) {
                        // not a path of this file system
                    }
                }
            }
        });
    }
}
