package dev.lifeguard.analyzer.sql;

import dev.lifeguard.analyzer.model.Dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements with exact offsets. A ';' ends a statement unless it sits in a string,
 * quoted identifier, dollar-quoted body or comment, or inside the BEGIN ... END body of a MySQL routine or
 * trigger (or a PostgreSQL BEGIN ATOMIC body). MySQL {@code DELIMITER} directives change the terminator
 * and are not statements themselves; SQL Server {@code GO} lines end a batch.
 */
final class StatementSplitter {
    private final Dialect dialect;

    StatementSplitter(Dialect dialect) {
        this.dialect = dialect;
    }

    List<Chunk> split(String text) {
        return split(text, 0, text.length());
    }

    List<Chunk> split(String text, int start, int end) {
        return new Run(text, end).split(start);
    }

    /** The state of one split: kept in a small object so the loop reads as a list of cases. */
    private final class Run {
        private final String text;
        private final int end;
        private final Lexer lexer;
        private final List<Chunk> chunks = new ArrayList<>();
        private String delimiter = ";";
        private int commentStart = -1;
        private int statementStart = -1;
        private int lastEnd = -1;
        private int tokenCount;
        private boolean create;
        private boolean routine;
        private int depth;

        Run(String text, int end) {
            this.text = text;
            this.end = end;
            this.lexer = new Lexer(text, dialect, end);
        }

        List<Chunk> split(int start) {
            int pos = start;
            while ((pos = lexer.skipSpace(pos)) < end) {
                if (!delimiter.equals(";") && text.startsWith(delimiter, pos)) {
                    flush();
                    pos += delimiter.length();
                    continue;
                }
                Token t = lexer.read(pos);
                pos = t.end();
                if (t.kind() == Token.Kind.COMMENT) {
                    if (statementStart < 0 && commentStart < 0) {
                        commentStart = t.start();
                    }
                } else if (statementStart < 0 && t.isWord("DELIMITER") && allowsDelimiterDirective()) {
                    pos = lineEnd(t.end());
                    String newDelimiter = text.substring(t.end(), pos).trim();
                    if (!newDelimiter.isEmpty()) {
                        delimiter = newDelimiter;
                    }
                    commentStart = -1;
                } else if (t.isWord("GO") && dialect == Dialect.SQLSERVER && aloneOnLine(t)) {
                    flush();
                    pos = lineEnd(t.end());
                } else if (t.isSymbol(";") && delimiter.equals(";") && depth == 0) {
                    flush();
                } else {
                    pos = statementToken(t);
                }
            }
            flush();
            return chunks;
        }

        /** Records a token of the current statement; returns where to continue. */
        private int statementToken(Token t) {
            if (statementStart < 0) {
                statementStart = t.start();
                if (commentStart < 0) {
                    commentStart = t.start();
                }
                create = t.isWord("CREATE");
            }
            lastEnd = t.end();
            tokenCount++;
            if (create && tokenCount < 16 && t.kind() == Token.Kind.WORD) {
                String w = t.upper();
                routine |= w.equals("PROCEDURE") || w.equals("FUNCTION") || w.equals("TRIGGER") || w.equals("EVENT");
            }
            if (!routine || !delimiter.equals(";") || t.kind() != Token.Kind.WORD) {
                return t.end();
            }
            if (t.isWord("BEGIN") || depth > 0 && t.isWord("CASE")) {
                depth++;
            } else if (depth > 0 && t.isWord("END")) {
                Token next = peek(t.end());
                if (next != null && (next.isWord("IF") || next.isWord("LOOP") || next.isWord("WHILE")
                        || next.isWord("REPEAT"))) {
                    return t.end(); // END IF and friends close blocks that were never counted
                }
                depth--;
                if (next != null && next.isWord("CASE")) {
                    lastEnd = next.end();
                    return next.end();
                }
            }
            return t.end();
        }

        private Token peek(int pos) {
            while ((pos = lexer.skipSpace(pos)) < end) {
                Token t = lexer.read(pos);
                if (t.kind() != Token.Kind.COMMENT) {
                    return t;
                }
                pos = t.end();
            }
            return null;
        }

        private void flush() {
            if (statementStart >= 0) {
                chunks.add(new Chunk(commentStart, statementStart, lastEnd));
            }
            commentStart = -1;
            statementStart = -1;
            lastEnd = -1;
            tokenCount = 0;
            create = false;
            routine = false;
            depth = 0;
        }

        private boolean allowsDelimiterDirective() {
            return dialect.isMySqlFamily() || dialect == Dialect.GENERIC;
        }

        private boolean aloneOnLine(Token t) {
            for (int i = t.start() - 1; i >= 0 && text.charAt(i) != '\n'; i--) {
                if (!Character.isWhitespace(text.charAt(i))) {
                    return false;
                }
            }
            return text.substring(t.end(), lineEnd(t.end())).trim().chars().allMatch(Character::isDigit);
        }

        private int lineEnd(int pos) {
            int nl = text.indexOf('\n', pos);
            return nl < 0 || nl > end ? end : nl;
        }
    }
}
