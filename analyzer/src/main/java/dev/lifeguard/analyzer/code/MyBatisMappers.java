package dev.lifeguard.analyzer.code;

import dev.lifeguard.analyzer.model.SourceFile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of a MyBatis XML mapper's statements. The raw text is read, not a DOM, so that every name keeps
 * its offset: dynamic-SQL tags ({@code <if>}, {@code <where>}, {@code <foreach>}...), CDATA markers and
 * entities are blanked to spaces of the same length before the SQL is read.
 */
final class MyBatisMappers {
    private static final Pattern STATEMENT = Pattern.compile(
            "<(select|insert|update|delete|sql)\\b[^>]*>(.*?)</\\1\\s*>", Pattern.DOTALL);
    private static final Pattern MARKUP = Pattern.compile("<!\\[CDATA\\[|]]>|<!--.*?-->|<[^>]*>|&\\w+;", Pattern.DOTALL);

    private MyBatisMappers() {
    }

    static boolean isMapper(SourceFile file) {
        String head = file.text().substring(0, Math.min(file.text().length(), 4096));
        return head.contains("<mapper") || head.contains("mybatis.org//DTD Mapper");
    }

    /** The statements of a mapper, each with the file offset its SQL starts at. */
    static List<Statement> statements(SourceFile file) {
        List<Statement> out = new ArrayList<>();
        Matcher m = STATEMENT.matcher(file.text());
        while (m.find()) {
            String body = m.group(2);
            Matcher markup = MARKUP.matcher(body);
            StringBuilder blanked = new StringBuilder(body);
            while (markup.find()) {
                for (int i = markup.start(); i < markup.end(); i++) {
                    if (blanked.charAt(i) != '\n') {
                        blanked.setCharAt(i, ' ');
                    }
                }
                // <where> and <set> stand for their keyword: without it, the next column would read as an alias
                String tag = markup.group();
                if (tag.startsWith("<where") || tag.startsWith("<set")) {
                    String word = tag.startsWith("<where") ? "where" : "set";
                    blanked.replace(markup.start(), markup.start() + word.length(), word);
                }
            }
            out.add(new Statement(m.start(2), blanked.toString()));
        }
        return out;
    }

    record Statement(int offset, String sql) {
    }
}
