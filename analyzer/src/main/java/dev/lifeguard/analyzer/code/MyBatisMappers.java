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

    private static final Pattern QUERY = Pattern.compile(
            "<(select|insert|update|delete)\\b[^>]*>(.*?)</\\1\\s*>", Pattern.DOTALL);
    private static final Pattern FRAGMENT = Pattern.compile(
            "<sql\\b[^>]*\\bid\\s*=\\s*\"([^\"]+)\"[^>]*>(.*?)</sql\\s*>", Pattern.DOTALL);
    private static final Pattern CDATA = Pattern.compile("<!\\[CDATA\\[(.*?)]]>", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern SELECT_KEY = Pattern.compile("<selectKey\\b.*?</selectKey\\s*>", Pattern.DOTALL);
    private static final Pattern INCLUDE = Pattern.compile(
            "<include\\s+refid\\s*=\\s*\"([^\"]+)\"\\s*(?:/>|>\\s*</include\\s*>)");
    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*[A-Za-z]");
    private static final Pattern ENTITY = Pattern.compile("&(lt|gt|amp|quot|apos|#\\d+|#x[0-9a-fA-F]+);");

    /**
     * A mapper statement as MyBatis sends it, where the XML alone says so: {@code <include>}s of this mapper's
     * {@code <sql>} fragments put in, CDATA and entities decoded, {@code <selectKey>} left out (a statement of its
     * own). {@code form} is {@link dev.lifeguard.analyzer.model.CodeStatement.Form#DYNAMIC_SQL} when other tags
     * remain ({@code <if>}, {@code <where>}, {@code <foreach>}...), or an include names another mapper's fragment.
     */
    record Query(int offset, int end, String sql, boolean dynamic) {
    }

    /**
     * The SQL of a MyBatis annotation's {@code <script>}: its text as MyBatis sends it when no dynamic tag is in it
     * (CDATA and entities decoded), else null.
     */
    static String script(String annotationValue) {
        String body = annotationValue.strip();
        if (!body.regionMatches(true, 0, "<script>", 0, 8) || !body.regionMatches(true, body.length() - 9, "</script>", 0, 9)) {
            return null;
        }
        boolean[] dynamic = {false};
        String sql = render(COMMENT.matcher(body.substring(8, body.length() - 9)).replaceAll(" "), dynamic);
        return dynamic[0] ? null : sql;
    }

    static List<Query> queries(SourceFile file) {
        String text = file.text();
        java.util.Map<String, String> fragments = new java.util.HashMap<>();
        Matcher f = FRAGMENT.matcher(text);
        while (f.find()) {
            fragments.putIfAbsent(f.group(1), f.group(2));
        }
        List<Query> out = new ArrayList<>();
        Matcher m = QUERY.matcher(text);
        while (m.find()) {
            boolean[] dynamic = {false};
            String body = resolve(m.group(2), fragments, dynamic, 0);
            out.add(new Query(m.start(2), m.end(2), render(body, dynamic), dynamic[0]));
        }
        return out;
    }

    /** The body with this mapper's fragments put in (nested up to a few levels), comments and selectKey left out. */
    private static String resolve(String body, java.util.Map<String, String> fragments, boolean[] dynamic, int depth) {
        String b = SELECT_KEY.matcher(COMMENT.matcher(body).replaceAll(" ")).replaceAll(" ");
        Matcher inc = INCLUDE.matcher(b);
        StringBuilder out = new StringBuilder();
        while (inc.find()) {
            String fragment = fragments.get(inc.group(1));
            if (fragment == null || depth > 4) {
                dynamic[0] = true; // another mapper's fragment (namespace.id), or includes nested too deep
                inc.appendReplacement(out, " ");
            } else {
                inc.appendReplacement(out, Matcher.quoteReplacement(" " + resolve(fragment, fragments, dynamic, depth + 1) + " "));
            }
        }
        inc.appendTail(out);
        return out.toString();
    }

    /** CDATA content verbatim; elsewhere entities decoded, and any tag left makes the statement dynamic. */
    private static String render(String body, boolean[] dynamic) {
        StringBuilder out = new StringBuilder(body.length());
        Matcher c = CDATA.matcher(body);
        int at = 0;
        while (c.find()) {
            out.append(plain(body.substring(at, c.start()), dynamic)).append(c.group(1));
            at = c.end();
        }
        out.append(plain(body.substring(at), dynamic));
        return out.toString().strip();
    }

    private static String codePoint(String name, String written) {
        try {
            return new String(Character.toChars(name.startsWith("#x")
                    ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1))));
        } catch (IllegalArgumentException e) {
            return written; // not a character: left as written
        }
    }

    private static String plain(String xml, boolean[] dynamic) {
        if (TAG.matcher(xml).find()) {
            dynamic[0] = true;
        }
        Matcher e = ENTITY.matcher(xml);
        StringBuilder out = new StringBuilder();
        while (e.find()) {
            String name = e.group(1);
            String ch = switch (name) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> codePoint(name, e.group());
            };
            e.appendReplacement(out, Matcher.quoteReplacement(ch));
        }
        e.appendTail(out);
        return out.toString();
    }
}
