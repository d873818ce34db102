package dev.lifeguard.verify.code;

/** The application's code at the base revision (running in production) and at head (being deployed). */
public interface CodeVersions {
    CodeVersions NONE = new CodeVersions() {
    };
}
