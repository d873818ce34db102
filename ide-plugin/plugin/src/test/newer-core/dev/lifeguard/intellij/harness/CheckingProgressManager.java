package dev.lifeguard.intellij.harness;

import com.intellij.openapi.progress.ProcessCanceledException;
import com.intellij.openapi.progress.ProgressIndicator;
import com.intellij.openapi.progress.impl.CoreProgressManager;

/**
 * TEST DOUBLE. The core's progress manager never cancels ({@code CoreProgressManager.doCheckCanceled} is
 * empty: the compiler has nobody to cancel it); the IDE's does. This one does what the IDE's does in the
 * simplest case: {@code ProgressManager.checkCanceled()} throws {@link ProcessCanceledException} when the
 * indicator the current thread runs under is canceled.
 */
final class CheckingProgressManager extends CoreProgressManager {
    @Override
    protected void doCheckCanceled() throws ProcessCanceledException {
        ProgressIndicator indicator = getProgressIndicator();
        if (indicator != null && indicator.isCanceled()) {
            throw new ProcessCanceledException();
        }
    }
}
