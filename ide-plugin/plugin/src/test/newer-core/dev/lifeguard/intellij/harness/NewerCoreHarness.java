package dev.lifeguard.intellij.harness;

import com.intellij.codeInspection.LocalInspectionTool;
import com.intellij.codeInspection.LocalQuickFix;
import com.intellij.codeInspection.ProblemDescriptor;
import com.intellij.core.CoreApplicationEnvironment;
import com.intellij.core.CoreProjectEnvironment;
import com.intellij.openapi.Disposable;
import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.editor.Document;
import com.intellij.openapi.fileTypes.PlainTextFileType;
import com.intellij.openapi.fileTypes.PlainTextParserDefinition;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.util.Disposer;
import com.intellij.openapi.vfs.VirtualFile;
import com.intellij.psi.PsiDocumentManager;
import com.intellij.psi.PsiFile;
import com.intellij.psi.PsiManager;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the plugin inside the IntelliJ core that {@code org.jetbrains.kotlin:kotlin-compiler} carries (a
 * 2025-era platform: {@code CoreApplicationEnvironment}, PSI, the local VFS, {@code DocumentImpl},
 * {@code ProgressManager}). Compiled by the test against that jar and loaded with it in one class loader; the
 * plugin's own jars get a class loader of their own on top, as the IDE gives a plugin. Everything is
 * reported back as strings, so the test shares no class with this side.
 */
public final class NewerCoreHarness {
    private final Disposable root = Disposer.newDisposable();
    private final CoreApplicationEnvironment application;
    private final Project project;
    private final LocalInspectionTool inspection;
    private final ClassLoader pluginLoader;
    /** Documents a fix edited, by file path, until saved. */
    private final Map<String, Document> edited = new java.util.HashMap<>();

    /**
     * @param pluginJars the jars of the plugin zip's lib directory
     * @param home       an empty directory standing for the IDE's installation and configuration (the core
     *                   asks where they are, as the Kotlin compiler tells it when it runs this core)
     */
    public NewerCoreHarness(List<Path> pluginJars, Path home) throws Exception {
        System.setProperty("idea.home.path", home.toString());
        System.setProperty("idea.config.path", home.resolve("config").toString());
        System.setProperty("idea.system.path", home.resolve("system").toString());
        application = new CoreApplicationEnvironment(root) {
            @Override
            protected com.intellij.openapi.progress.ProgressManager createProgressIndicatorProvider() {
                return new CheckingProgressManager();
            }
        };
        // the IDE declares this extension point (documents ask it before every edit); the compiler never edits one
        CoreApplicationEnvironment.registerApplicationExtensionPoint(
                com.intellij.openapi.editor.impl.DocumentWriteAccessGuard.EP_NAME,
                com.intellij.openapi.editor.impl.DocumentWriteAccessGuard.class);
        // DEVIATION: documents of files on disk made for use off the UI thread. The IDE's documents ask the IDE's
        // transaction guard before every edit, which the core does not register and which needs JetBrains' own
        // kotlinx-coroutines fork (not on Maven Central); the harness edits on one thread, in a command and a write
        // action. Every other check of DocumentImpl.replaceString still runs.
        application.getApplication().getPicoContainer().unregisterComponent(
                com.intellij.openapi.fileEditor.FileDocumentManager.class.getName());
        application.registerApplicationService(com.intellij.openapi.fileEditor.FileDocumentManager.class,
                new com.intellij.mock.MockFileDocumentManagerImpl(null,
                        text -> new com.intellij.openapi.editor.impl.DocumentImpl(text, false, true)));
        application.registerFileType(PlainTextFileType.INSTANCE, "sql");
        application.registerFileType(PlainTextFileType.INSTANCE, "xml");
        application.registerParserDefinition(new PlainTextParserDefinition());
        project = new CoreProjectEnvironment(root, application).getProject();
        List<URL> urls = new ArrayList<>();
        for (Path jar : pluginJars) {
            urls.add(jar.toUri().toURL());
        }
        pluginLoader = new URLClassLoader("lifeguard-plugin", urls.toArray(URL[]::new), getClass().getClassLoader());
        inspection = (LocalInspectionTool) pluginLoader.loadClass("dev.lifeguard.intellij.LifeguardInspection")
                .getConstructor().newInstance();
    }

    /** Which loader defined the inspection, the platform's PsiFile and DocumentImpl (the test checks they differ). */
    public Map<String, String> loaders() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("inspection", inspection.getClass().getClassLoader().getName());
        out.put("psi", PsiFile.class.getClassLoader().getName());
        out.put("document", String.valueOf(Class.forName("com.intellij.openapi.editor.impl.DocumentImpl")
                .getProtectionDomain().getCodeSource().getLocation()));
        return out;
    }

    /** The PSI of a file on disk, through the core's local file system. */
    public PsiFile open(Path file) {
        VirtualFile vf = application.getLocalFileSystem().findFileByPath(file.toString());
        if (vf == null) {
            throw new IllegalStateException("no virtual file for " + file);
        }
        PsiFile psi = PsiManager.getInstance(project).findFile(vf);
        if (psi == null) {
            throw new IllegalStateException("no PSI for " + file);
        }
        return psi;
    }

    /** {@code checkFile} on the file, each problem as "highlight|range|description|fix class:family:name;...". */
    public List<String> check(PsiFile file) {
        ProblemDescriptor[] problems = inspection.checkFile(file, new TestInspectionManager(project), true);
        List<String> out = new ArrayList<>();
        if (problems == null) {
            return out;
        }
        for (ProblemDescriptor p : problems) {
            StringBuilder fixes = new StringBuilder();
            for (Object fix : p.getFixes()) {
                LocalQuickFix f = (LocalQuickFix) fix;
                fixes.append(f.getClass().getSimpleName()).append(':').append(f.getFamilyName()).append(':')
                        .append(f.getName()).append(';');
            }
            out.add(p.getHighlightType() + "|" + p.getTextRangeInElement() + "|" + p.getDescriptionTemplate() + "|" + fixes);
        }
        return out;
    }

    /** The text of the file as its document holds it. */
    public String text(PsiFile file) {
        Document edit = edited.get(file.getVirtualFile().getPath());
        return edit != null ? edit.getText()
                : com.intellij.openapi.fileEditor.FileDocumentManager.getInstance().getDocument(file.getVirtualFile()).getText();
    }

    /**
     * Saves the file's document to disk (as the IDE saves it) and returns the file's PSI read again, by a second project over the same
     * application: the compiler's core does not reparse PSI on commit (the IDE does), and dropping its PSI caches
     * needs JetBrains' own coroutines fork, so the check after a fix reads the saved file afresh.
     */
    public PsiFile saveAndReopen(PsiFile file) {
        Document document = edited.remove(file.getVirtualFile().getPath());
        try {
            // the core's document manager does not save (its saveDocument does nothing): written as the IDE saves it
            java.nio.file.Files.writeString(Path.of(file.getVirtualFile().getPath()), document.getText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Project again = new CoreProjectEnvironment(root, application).getProject();
        VirtualFile vf = application.getLocalFileSystem().findFileByPath(file.getVirtualFile().getPath());
        return PsiManager.getInstance(again).findFile(vf);
    }

    /**
     * Applies the fix of the given class of the given rule's problem, in a command and a write action, as
     * IntelliJ applies a quick fix; returns the text of the file's document after it.
     */
    public String applyFix(PsiFile file, String ruleId, String fixClass) {
        ProblemDescriptor[] problems = inspection.checkFile(file, new TestInspectionManager(project), true);
        Document document = PsiDocumentManager.getInstance(project).getDocument(file); // held: the core keeps documents weakly
        for (ProblemDescriptor p : problems) {
            if (!p.getDescriptionTemplate().contains(">" + ruleId + "</a>")) {
                continue;
            }
            for (Object fix : p.getFixes()) {
                if (fix.getClass().getSimpleName().equals(fixClass)) {
                    LocalQuickFix f = (LocalQuickFix) fix;
                    String before = document.getText();
                    Throwable[] failure = new Throwable[1];
                    inCommand(f.getName(), () -> {
                        try {
                            f.applyFix(project, p);
                        } catch (Throwable t) {
                            failure[0] = t;
                        }
                    });
                    if (failure[0] != null) {
                        throw new IllegalStateException("the fix failed", failure[0]);
                    }
                    edited.put(file.getVirtualFile().getPath(), document);
                    if (before.equals(document.getText())) {
                        Object now;
                        try {
                            now = PsiDocumentManager.getInstance(project).getDocument(file);
                        } catch (RuntimeException e) {
                            now = e.toString();
                        }
                        throw new IllegalStateException("the fix changed nothing; held " + document + ", now " + now
                                + ", element " + p.getPsiElement() + ", file " + file);
                    }
                    return document.getText();
                }
            }
        }
        throw new IllegalStateException("no " + fixClass + " offered");
    }

    /**
     * What IntelliJ's preview does with a stateless fix: the same fix object applied to a non-physical copy
     * of the file. Returns the copy's text after the fix; the file itself must be left as it was.
     */
    public String previewFix(PsiFile file, String ruleId, String fixClass) {
        ProblemDescriptor[] problems = inspection.checkFile(file, new TestInspectionManager(project), true);
        // a copy that exists nowhere on disk, as the preview's copy of the file
        com.intellij.testFramework.LightVirtualFile light = new com.intellij.testFramework.LightVirtualFile(
                file.getName(), PlainTextFileType.INSTANCE, file.getText());
        PsiFile copy = PsiManager.getInstance(project).findFile(light);
        for (ProblemDescriptor p : problems) {
            if (!p.getDescriptionTemplate().contains(">" + ruleId + "</a>")) {
                continue;
            }
            for (Object fix : p.getFixes()) {
                if (fix.getClass().getSimpleName().equals(fixClass)) {
                    LocalQuickFix f = (LocalQuickFix) fix;
                    ProblemDescriptor onCopy = TestInspectionManager.descriptor(copy, p.getTextRangeInElement(),
                            p.getDescriptionTemplate(), p.getHighlightType(), new LocalQuickFix[] {f});
                    inCommand(f.getName(), () -> f.applyFix(project, onCopy));
                    Document document = com.intellij.openapi.fileEditor.FileDocumentManager.getInstance().getDocument(light);
                    return document == null ? "(the copy has no document) " + copy.getText() : document.getText();
                }
            }
        }
        throw new IllegalStateException("no " + fixClass + " offered");
    }

    /** As IntelliJ runs a quick fix: in a command (undoable, one step), in a write action. */
    private void inCommand(String name, Runnable fix) {
        com.intellij.openapi.command.CommandProcessor.getInstance().executeCommand(project,
                () -> ApplicationManager.getApplication().runWriteAction(fix), name, null);
    }

    /** Sets the inspection's "use Lifeguard's rule severity" option, as the settings page would. */
    public void useLifeguardSeverity(boolean on) throws Exception {
        inspection.getClass().getField("useLifeguardSeverity").setBoolean(inspection, on);
    }

    /**
     * The check run under a progress indicator that is canceled once the work has started, as the daemon
     * cancels a pass when the user types: the check must end with the platform's exception, thrown from
     * Lifeguard's own checkpoints ({@code ProgressManager.checkCanceled()}).
     */
    public String checkCanceled(PsiFile file) {
        com.intellij.openapi.progress.EmptyProgressIndicator indicator = new com.intellij.openapi.progress.EmptyProgressIndicator();
        try {
            com.intellij.openapi.progress.ProgressManager.getInstance().runProcess(() -> {
                indicator.cancel();
                check(file);
            }, indicator);
            return "not canceled";
        } catch (RuntimeException e) {
            boolean ours = java.util.Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("dev.lifeguard."));
            return e.getClass().getName() + (ours ? "|thrown inside Lifeguard's check" : "|thrown outside");
        }
    }

    public void dispose() {
        Disposer.dispose(root);
    }
}
