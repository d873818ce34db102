package dev.lifeguard.rules.compatibility;

import dev.lifeguard.analyzer.model.Dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A column type reduced to a canonical name and its modifiers, so that spellings the database treats
 * alike compare equal ({@code int4} and {@code INTEGER}, {@code character varying(20)} and
 * {@code varchar(20)}).
 *
 * @param name the canonical name, lower case ({@code varchar}, {@code numeric}, {@code timestamptz})
 * @param args the modifiers in parentheses, trimmed ({@code ["10", "2"]}); empty when none
 * @param rest anything after them that is part of the type ({@code unsigned}, {@code []}), normalized
 */
public record SqlType(String name, List<String> args, String rest) {

    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
            Map.entry("int8", "bigint"), Map.entry("int2", "smallint"),
            Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"),
            Map.entry("nvarchar", "varchar"), Map.entry("varchar2", "varchar"),
            Map.entry("character", "char"), Map.entry("bpchar", "char"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
            Map.entry("bool", "boolean"), Map.entry("decimal", "numeric"), Map.entry("dec", "numeric"),
            Map.entry("float8", "double precision"), Map.entry("double", "double precision"),
            Map.entry("float4", "real"));

    public SqlType {
        args = List.copyOf(args);
    }

    /** Parses a type as written; null when nothing is written. */
    public static SqlType parse(String written, Dialect dialect) {
        if (written == null || written.isBlank()) {
            return null;
        }
        String s = written.trim().toLowerCase(Locale.ROOT).replace("\"", "").replace("`", "").replaceAll("\\s+", " ")
                .replaceAll("(?: not)? null$", ""); // Liquibase newDataType="int null": nullability is not the type
        String base = s;
        List<String> args = new ArrayList<>();
        String rest = "";
        int open = s.indexOf('(');
        int close = open < 0 ? -1 : s.indexOf(')', open);
        if (open >= 0 && close > open) {
            base = s.substring(0, open).trim();
            for (String a : s.substring(open + 1, close).split(",")) {
                args.add(a.trim());
            }
            rest = s.substring(close + 1).trim();
        }
        int bracket = base.indexOf('[');
        if (bracket >= 0) { // int4[]: the array marker is kept apart from the name
            rest = (base.substring(bracket) + " " + rest).trim();
            base = base.substring(0, bracket).trim();
        }
        // "timestamp(3) with time zone": the zone words belong to the name
        for (String zone : List.of("without time zone", "with time zone")) {
            if (rest.startsWith(zone)) {
                base = base + " " + zone;
                rest = rest.substring(zone.length()).trim();
            }
        }
        String name = SYNONYMS.getOrDefault(base, base);
        if (dialect.isMySqlFamily() && isInteger(name)) {
            args = List.of(); // int(11): a display width, not part of the type's storage
        }
        return new SqlType(name, args, rest);
    }

    private static boolean isInteger(String name) {
        return name.equals("integer") || name.endsWith("int") || name.equals("mediumint");
    }

    /** Integer modifier {@code i}, or -1 when absent or not a number. */
    public int intArg(int i) {
        if (i >= args.size()) {
            return -1;
        }
        try {
            return Integer.parseInt(args.get(i));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        String s = args.isEmpty() ? name : name + "(" + String.join(",", args) + ")";
        return rest.isEmpty() ? s : s + " " + rest;
    }
}
