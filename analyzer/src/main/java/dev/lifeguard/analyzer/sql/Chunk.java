package dev.lifeguard.analyzer.sql;

/**
 * One statement found by the splitter, as offsets into the text that was split. The statement runs from
 * its first token to the end of its last token (terminator excluded). {@code commentStart} is where the
 * comments right before it begin (equal to {@code statementStart} when there are none): suppression
 * comments such as {@code -- lifeguard:ignore} are read from there.
 */
record Chunk(int commentStart, int statementStart, int statementEnd) {

    String text(String source) {
        return source.substring(statementStart, statementEnd);
    }
}
