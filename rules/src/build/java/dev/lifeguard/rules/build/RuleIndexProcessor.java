package dev.lifeguard.rules.build;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Build step of the rules module (not shipped): writes {@code dev.lifeguard.rules.GeneratedRuleIndex}, every
 * {@code @RuleInfo} as plain constructor calls, so that a lint run reads its rules' metadata without reflecting
 * over annotations (which costs a dynamic proxy class and an annotation parse per rule at every start-up).
 * {@code RuleMetadata.of} falls back to the annotation when the index is absent (a build without this step)
 * or does not know the class; {@code RuleIndexTest} checks the two agree. It also writes {@code
 * dev.lifeguard.rules.GeneratedRuleVisits}: which of Rule's visits each rule class overrides (read by {@code
 * RuleVisits}), so the engine calls a rule only where it looks, without reflecting over methods at start-up.
 */
@SupportedAnnotationTypes(RuleIndexProcessor.RULE_INFO)
public final class RuleIndexProcessor extends AbstractProcessor {
    static final String RULE_INFO = "dev.lifeguard.rules.RuleInfo";
    private static final String INDEX = "dev.lifeguard.rules.GeneratedRuleIndex";
    private static final String VISITS = "dev.lifeguard.rules.GeneratedRuleVisits";
    private static final String RULE = "dev.lifeguard.rules.Rule";
    /** Rule's visit methods, in the order of RuleVisits' bits (OPERATION = 1, MIGRATION = 2, ...). */
    private static final List<String> VISIT_METHODS = List.of("visitOperation", "visitMigration", "visitProject",
            "visitSuppressions");

    /** Class name to the constructor call, sorted so that the generated file is stable. */
    private final Map<String, String> entries = new TreeMap<>();
    /** Class name to the bits of the visits it (or a superclass) overrides. */
    private final Map<String, Integer> visits = new TreeMap<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(java.util.Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof TypeElement type) {
                    entries.put(processingEnv.getElementUtils().getBinaryName(type).toString(), metadata(type));
                    visits.put(processingEnv.getElementUtils().getBinaryName(type).toString(), visits(type));
                }
            }
        }
        if (round.processingOver() && !entries.isEmpty()) {
            write();
            writeVisits();
        }
        return false;
    }

    private String metadata(TypeElement type) {
        AnnotationMirror info = type.getAnnotationMirrors().stream()
                .filter(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(RULE_INFO))
                .findFirst().orElseThrow();
        Map<String, Object> values = new TreeMap<>();
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : processingEnv.getElementUtils().getElementValuesWithDefaults(info).entrySet()) {
            values.put(e.getKey().getSimpleName().toString(), e.getValue().getValue());
        }
        return "new RuleMetadata(" + string(values.get("id")) + ", " + string(values.get("summary")) + ", "
                + constant(values.get("severity")) + ", " + "Set.of(" + list(values.get("dialects"), true) + "), "
                + "List.of(" + list(values.get("tags"), false) + "), " + string(values.get("since")) + ", "
                + string(values.get("help")) + ")";
    }

    /** The visits whose most specific implementation in the type is not Rule's own (empty) default. */
    private int visits(TypeElement type) {
        int bits = 0;
        for (Element member : processingEnv.getElementUtils().getAllMembers(type)) {
            int bit = VISIT_METHODS.indexOf(member.getSimpleName().toString());
            if (bit >= 0 && member instanceof ExecutableElement method && method.getParameters().size() == 1
                    && !((TypeElement) method.getEnclosingElement()).getQualifiedName().contentEquals(RULE)) {
                bits |= 1 << bit;
            }
        }
        return bits;
    }

    private String string(Object value) {
        return processingEnv.getElementUtils().getConstantExpression(value);
    }

    private static String constant(Object value) {
        VariableElement constant = (VariableElement) value;
        return ((TypeElement) constant.getEnclosingElement()).getQualifiedName() + "." + constant.getSimpleName();
    }

    private String list(Object value, boolean constants) {
        List<String> items = new ArrayList<>();
        for (Object item : (List<?>) value) {
            Object v = ((AnnotationValue) item).getValue();
            items.add(constants ? constant(v) : string(v));
        }
        return String.join(", ", items);
    }

    private void write() {
        try (Writer out = processingEnv.getFiler().createSourceFile(INDEX).openWriter()) {
            out.write("package dev.lifeguard.rules;\n\n");
            out.write("import java.util.List;\nimport java.util.Set;\nimport java.util.function.Function;\n\n");
            out.write("/** Generated by " + getClass().getName() + " from the rules' @RuleInfo: do not edit. */\n");
            out.write("final class GeneratedRuleIndex implements Function<String, RuleMetadata> {\n");
            out.write("    @Override\n    public RuleMetadata apply(String ruleClass) {\n");
            out.write("        switch (ruleClass) {\n");
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.write("            case " + string(e.getKey()) + ":\n                return " + e.getValue() + ";\n");
            }
            out.write("            default:\n                return null;\n        }\n    }\n}\n");
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + INDEX + ": " + e);
        }
    }

    private void writeVisits() {
        try (Writer out = processingEnv.getFiler().createSourceFile(VISITS).openWriter()) {
            out.write("package dev.lifeguard.rules;\n\n");
            out.write("import java.util.function.ToIntFunction;\n\n");
            out.write("/** Generated by " + getClass().getName() + ": the visits each rule class overrides (RuleVisits' bits),"
                    + " -1 for a class it does not know; do not edit. */\n");
            out.write("final class GeneratedRuleVisits implements ToIntFunction<String> {\n");
            out.write("    @Override\n    public int applyAsInt(String ruleClass) {\n");
            out.write("        switch (ruleClass) {\n");
            for (Map.Entry<String, Integer> e : visits.entrySet()) {
                out.write("            case " + string(e.getKey()) + ":\n                return " + e.getValue() + ";\n");
            }
            out.write("            default:\n                return -1;\n        }\n    }\n}\n");
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + VISITS + ": " + e);
        }
    }
}
