package dev.lifeguard.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lifeguard.analyzer.discovery.SourceReader;
import dev.lifeguard.rules.Finding;
import dev.lifeguard.rules.engine.LintResult;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings a team has accepted for now, by fingerprint, so that only new ones fail: written by
 * {@code lifeguard baseline}, read by {@code lifeguard lint --baseline FILE}. Fingerprints do not depend on
 * line numbers (see {@code Fingerprints}), so a finding stays baselined when lines are added above it.
 * Rule, file and message are in the file only for the people who review it.
 */
final class Baseline {
    static final String DEFAULT_FILE = "lifeguard-baseline.json";
    static final int FORMAT_VERSION = 1;
    private static final String VERSION_KEY = "lifeguardBaseline";

    private final Set<String> fingerprints;

    private Baseline(Set<String> fingerprints) {
        this.fingerprints = fingerprints;
    }

    static Baseline read(Path file) throws UsageException {
        byte[] bytes;
        try {
            bytes = SourceReader.bytes(file, SourceReader.MAX_BASELINE_BYTES);
        } catch (NoSuchFileException e) {
            throw new UsageException("baseline not found: " + file, "write one with 'lifeguard baseline'");
        } catch (IOException e) {
            throw new UsageException("cannot read baseline " + file + ": " + (e instanceof SourceReader.Refused
                    ? "it " + e.getMessage() : SourceReader.reason(e)), null);
        }
        return parse(bytes, file);
    }

    /** The baseline in a file's bytes; {@code file} only names it in messages. */
    static Baseline parse(byte[] bytes, Path file) throws UsageException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UsageException("not a Lifeguard baseline: " + file + " is not text (not UTF-8)",
                    "write it with 'lifeguard baseline'");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new UsageException("baseline " + file + " is not valid JSON" + line + ": " + jsonReason(e),
                    "write it again with 'lifeguard baseline'");
        }
        if (root == null || !root.path(VERSION_KEY).canConvertToInt() || !root.path("findings").isArray()) {
            throw new UsageException("not a Lifeguard baseline: " + file, "write it with 'lifeguard baseline'");
        }
        if (root.path(VERSION_KEY).asInt() > FORMAT_VERSION) {
            throw new UsageException("baseline " + file + " was written by a newer Lifeguard (format "
                    + root.path(VERSION_KEY).asInt() + ")", null);
        }
        Set<String> prints = new LinkedHashSet<>();
        for (JsonNode f : root.path("findings")) {
            if (f.path("fingerprint").isTextual()) {
                prints.add(f.path("fingerprint").asText());
            }
        }
        return new Baseline(prints);
    }

    /** Jackson's reason without its position and source excerpt, which follow on further lines. */
    private static String jsonReason(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return "nested or sized beyond what a baseline holds";
        }
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int nl = m.indexOf('\n');
        m = (nl < 0 ? m : m.substring(0, nl)).strip();
        return m.isEmpty() ? "unexpected content" : m;
    }

    /** The result without the findings this baseline holds, which are counted instead. */
    LintResult filter(LintResult result) {
        List<Finding> kept = new ArrayList<>();
        int dropped = 0;
        for (Finding f : result.findings()) {
            if (!f.isSuppressed() && f.fingerprint() != null && fingerprints.contains(f.fingerprint())) {
                dropped++;
            } else {
                kept.add(f);
            }
        }
        return new LintResult(result.project(), kept, result.migrationsChecked(), result.baselined() + dropped);
    }

    /** Writes every finding that counts (suppressed ones are accepted in the source already). */
    static int write(LintResult result, Writer out) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        ObjectNode root = mapper.createObjectNode();
        root.put(VERSION_KEY, FORMAT_VERSION);
        ArrayNode findings = root.putArray("findings");
        for (Finding f : result.findings()) {
            if (f.isSuppressed() || f.fingerprint() == null) {
                continue;
            }
            findings.addObject()
                    .put("fingerprint", f.fingerprint())
                    .put("ruleId", f.ruleId())
                    .put("path", f.span().file().toString().replace('\\', '/'))
                    .put("message", f.message());
        }
        mapper.writeValue(out, root);
        out.write('\n');
        return findings.size();
    }
}
