package dev.lifeguard.rules.suppress;

/** Just enough XML to know where an element that a suppression comment precedes ends. */
final class XmlElements {
    private XmlElements() {
    }

    /** The offset just past the {@code >} of the tag opening at {@code lt}, quoted attribute values skipped. */
    static int tagEnd(String text, int lt) {
        char quote = 0;
        for (int i = lt + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return text.length();
    }

    /** The end of the element whose start tag opens at {@code start}, or -1 when no element starts there. */
    static int extent(String text, int start) {
        String name = nameAt(text, start);
        if (name == null) {
            return -1;
        }
        int end = tagEnd(text, start);
        if (text.charAt(end - 1) == '>' && text.charAt(end - 2) == '/') {
            return end;
        }
        int depth = 1;
        int i = end;
        while (i < text.length()) {
            int lt = text.indexOf('<', i);
            if (lt < 0) {
                return text.length();
            }
            if (text.startsWith("<!--", lt)) {
                int close = text.indexOf("-->", lt);
                i = close < 0 ? text.length() : close + 3;
            } else if (text.startsWith("<![CDATA[", lt)) {
                int close = text.indexOf("]]>", lt);
                i = close < 0 ? text.length() : close + 3;
            } else if (text.startsWith("</", lt)) {
                int tagEnd = tagEnd(text, lt);
                if (name.equals(nameAt(text, lt + 1)) && --depth == 0) {
                    return tagEnd;
                }
                i = tagEnd;
            } else {
                int tagEnd = tagEnd(text, lt);
                boolean selfClosing = text.charAt(tagEnd - 1) == '>' && text.charAt(tagEnd - 2) == '/';
                if (!selfClosing && name.equals(nameAt(text, lt))) {
                    depth++;
                }
                i = tagEnd;
            }
        }
        return text.length();
    }

    /** The element name of the tag at {@code lt} ({@code <name} or, after a slash, {@code /name}). */
    private static String nameAt(String text, int lt) {
        if (lt >= text.length() || text.charAt(lt) != '<' && text.charAt(lt) != '/') {
            return null;
        }
        int i = lt + 1;
        int j = i;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || "-_.:".indexOf(text.charAt(j)) >= 0)) {
            j++;
        }
        return j == i ? null : text.substring(i, j);
    }
}
