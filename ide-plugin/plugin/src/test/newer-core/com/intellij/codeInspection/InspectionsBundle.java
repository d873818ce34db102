package com.intellij.codeInspection;

/**
 * STAND-IN for build 183's {@code InspectionsBundle}, which the build-183 {@code InspectionProfileEntry} (taken
 * from Debian's jar, since the compiler's core has no inspection API) calls while its class initialises. The
 * original extends {@code CommonBundle}, which can no longer extend the newer core's final {@code BundleBase};
 * this returns the key instead of a message. It is test scaffolding for the harness's class loader only:
 * nothing of Lifeguard calls it.
 */
public final class InspectionsBundle {
    private InspectionsBundle() {
    }

    public static String message(String key, Object... params) {
        return key;
    }
}
