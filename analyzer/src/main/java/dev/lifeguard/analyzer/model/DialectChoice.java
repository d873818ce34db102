package dev.lifeguard.analyzer.model;

/**
 * Which database the project was linted for, and why: given by the user, detected from the repository,
 * or assumed. Reports say it once, so a wrong guess is noticed rather than silently trusted.
 *
 * @param dialect  the dialect chosen
 * @param source   how it was chosen
 * @param evidence for a detected dialect, where it was seen ("jdbc:mysql: in src/main/resources/application.yml")
 */
public record DialectChoice(Dialect dialect, Source source, String evidence) {

    public enum Source { GIVEN, DETECTED, ASSUMED }

    public static DialectChoice given(Dialect dialect) {
        return new DialectChoice(dialect, Source.GIVEN, "");
    }

    public static DialectChoice detected(Dialect dialect, String evidence) {
        return new DialectChoice(dialect, Source.DETECTED, evidence);
    }

    /** Nothing in the repository said: PostgreSQL. */
    public static DialectChoice assumed() {
        return new DialectChoice(Dialect.POSTGRESQL, Source.ASSUMED, "");
    }

    /** One line for reports: {@code dialect: postgresql (not detected: assumed; set --dialect ...)}. */
    public String describe() {
        return "dialect: " + dialect.id() + switch (source) {
            case GIVEN -> "";
            case DETECTED -> " (detected: " + evidence + ")";
            case ASSUMED -> " (not detected: assumed; set --dialect or dialect: in lifeguard.yml)"
                    + (evidence.isEmpty() ? "" : "; " + evidence);
        };
    }

    /** The same choice, noting histories whose own path named another database. */
    public DialectChoice withNote(String note) {
        return new DialectChoice(dialect, source, evidence.isEmpty() ? note : evidence + "; " + note);
    }
}
