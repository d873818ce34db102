package dev.lifeguard.analyzer.code;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.type.Type;
import dev.lifeguard.analyzer.model.SourceFile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a Java source with JavaParser into {@link JpaClass}es and the {@link SqlPiece}s it holds (query
 * annotations, and literals that are SQL). JavaParser's types stay in this class.
 */
final class JavaSources {
    /** Files without any of these cannot map an entity or hold SQL: they are not parsed at all. */
    private static final Pattern WORTH_PARSING = Pattern.compile(
            "@(Entity|Embeddable|MappedSuperclass|Table|Query|NativeQuery|NamedNativeQuer|Select|Insert|Update|Delete|Sql)"
                    + "|(?i)\"\\s*(select|insert|update|delete|with|merge)\\s|\"\"\"");
    private static final Set<String> QUERY_ANNOTATIONS = Set.of("Select", "Insert", "Update", "Delete", "SqlQuery",
            "SqlUpdate", "SqlBatch", "SqlCall", "NativeQuery");
    /** A {@code @Query} from these holds SQL without saying nativeQuery: Spring Data JDBC's and R2DBC's. */
    private static final Set<String> SQL_QUERY_IMPORTS = Set.of("org.springframework.data.jdbc.repository.query.Query",
            "org.springframework.data.r2dbc.repository.Query");
    /** A {@code @Query} without nativeQuery in a file using these is JPQL (another store's is not SQL at all). */
    private static final List<String> JPA_IMPORTS = List.of("org.springframework.data.jpa", "jakarta.persistence",
            "javax.persistence", "org.hibernate");
    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() -> new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.RAW)
                    .setAttributeComments(false)));

    record Result(List<JpaClass> classes, List<SqlPiece> sql) {
        static final Result NONE = new Result(List.of(), List.of());
    }

    private JavaSources() {
    }

    static Result read(SourceFile file) {
        if (!WORTH_PARSING.matcher(file.text()).find()) {
            return Result.NONE;
        }
        // a StackOverflowError (nesting too deep) is the caller's to report: it costs this file only
        ParseResult<CompilationUnit> parsed = PARSER.get().parse(file.text());
        Optional<CompilationUnit> unit = parsed.getResult();
        if (unit.isEmpty()) {
            return Result.NONE;
        }
        List<JpaClass> classes = new ArrayList<>();
        for (ClassOrInterfaceDeclaration c : unit.get().findAll(ClassOrInterfaceDeclaration.class)) {
            JpaClass jpa = jpaClass(c, file);
            if (jpa != null) {
                classes.add(jpa);
            }
        }
        return new Result(classes, sql(unit.get()));
    }

    // ---- JPA mappings

    private static JpaClass jpaClass(ClassOrInterfaceDeclaration c, SourceFile file) {
        JpaClass.Kind kind = annotation(c, "Entity").map(a -> JpaClass.Kind.ENTITY)
                .or(() -> annotation(c, "Embeddable").map(a -> JpaClass.Kind.EMBEDDABLE))
                .or(() -> annotation(c, "MappedSuperclass").map(a -> JpaClass.Kind.MAPPED_SUPERCLASS))
                .orElse(null);
        if (kind == null) {
            return null;
        }
        String entityName = annotation(c, "Entity").flatMap(a -> string(a, "name")).orElse(null);
        Optional<AnnotationExpr> table = annotation(c, "Table");
        String tableName = table.flatMap(a -> string(a, "name")).orElse(null);
        int line = tableName != null ? line(table.get()) : c.getName().getBegin().map(p -> p.line).orElse(1);
        List<JpaClass.Named> secondary = new ArrayList<>();
        for (AnnotationExpr a : annotations(c, "SecondaryTable")) {
            string(a, "name").ifPresent(n -> secondary.add(new JpaClass.Named(n, line(a))));
        }
        boolean joined = annotation(c, "Inheritance").flatMap(a -> value(a, "strategy"))
                .map(e -> e.toString().endsWith("JOINED") || e.toString().endsWith("TABLE_PER_CLASS")).orElse(false);
        String superclass = c.getExtendedTypes().isEmpty() ? null : c.getExtendedTypes().get(0).getNameAsString();
        List<JpaClass.Field> fields = new ArrayList<>();
        if (propertyAccess(c)) {
            // property access: the getters are the attributes, and the fields are the class's own business
            for (MethodDeclaration m : c.getMethods()) {
                String property = m.isStatic() || !m.getParameters().isEmpty() || m.getType().isVoidType()
                        || annotation(m, "Transient").isPresent() ? null : propertyName(m.getNameAsString());
                JpaClass.Field field = property == null ? null
                        : field(m, property, m.getType(), m.getName().getBegin().map(p -> p.line).orElse(line(m)));
                if (field != null) {
                    fields.add(field);
                }
            }
        } else {
            for (FieldDeclaration f : c.getFields()) {
                if (f.isStatic() || annotation(f, "Transient").isPresent() || f.getModifiers().stream()
                        .anyMatch(m -> m.getKeyword().asString().equals("transient"))) {
                    continue;
                }
                for (VariableDeclarator v : f.getVariables()) {
                    JpaClass.Field field = field(f, v.getNameAsString(), v.getType(),
                            v.getName().getBegin().map(p -> p.line).orElse(line(f)));
                    if (field != null) {
                        fields.add(field);
                    }
                }
            }
        }
        return new JpaClass(c.getNameAsString(), kind, entityName, tableName, secondary, superclass, joined, fields,
                file.path(), line);
    }

    /** Annotations that map an attribute: where they sit (fields or getters) says how the provider reads the class. */
    private static final List<String> MAPPING = List.of("Id", "EmbeddedId", "Column", "JoinColumn", "ManyToOne",
            "OneToOne", "OneToMany", "ManyToMany", "Embedded", "ElementCollection", "Basic", "Lob", "Enumerated",
            "Temporal", "Version");

    /**
     * Whether the provider reads the class through its getters (JPA's property access): {@code @Access(PROPERTY)}
     * on the class, else {@code @Id} on a getter, else, in a class without an id, mapping annotations only on
     * getters. Then a field with no getter is not mapped at all.
     */
    private static boolean propertyAccess(ClassOrInterfaceDeclaration c) {
        Optional<String> access = annotation(c, "Access").flatMap(a -> value(a, "value")).map(Expression::toString);
        if (access.isPresent()) {
            return access.get().endsWith("PROPERTY");
        }
        boolean idOnField = c.getFields().stream().anyMatch(f -> annotation(f, "Id").isPresent()
                || annotation(f, "EmbeddedId").isPresent());
        boolean idOnGetter = c.getMethods().stream().anyMatch(m -> annotation(m, "Id").isPresent()
                || annotation(m, "EmbeddedId").isPresent());
        if (idOnField || idOnGetter) {
            return !idOnField;
        }
        boolean onFields = c.getFields().stream().anyMatch(f -> MAPPING.stream().anyMatch(n -> annotation(f, n).isPresent()));
        return !onFields && c.getMethods().stream().anyMatch(m -> MAPPING.stream().anyMatch(n -> annotation(m, n).isPresent()));
    }

    /** {@code getLogin} and {@code isActive} to {@code login} and {@code active}; null for any other method. */
    private static String propertyName(String method) {
        int prefix = method.startsWith("get") ? 3 : method.startsWith("is") ? 2 : 0;
        if (prefix == 0 || method.length() == prefix || !Character.isUpperCase(method.charAt(prefix))) {
            return null;
        }
        String rest = method.substring(prefix);
        return rest.length() > 1 && Character.isUpperCase(rest.charAt(1)) ? rest // getURL: URL, as java.beans says
                : Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    private static JpaClass.Field field(NodeWithAnnotations<?> f, String attribute, Type type, int line) {
        if (annotation(f, "Formula").isPresent()) {
            return null; // Hibernate selects the formula's expression: the attribute has no column
        }
        Optional<AnnotationExpr> column = annotation(f, "Column");
        String columnName = column.flatMap(a -> string(a, "name")).orElse(null);
        String columnTable = column.flatMap(a -> string(a, "table")).orElse(null);
        int columnLine = columnName != null ? line(column.get()) : line;
        List<JpaClass.Named> joinColumns = new ArrayList<>();
        for (AnnotationExpr a : annotations(f, "JoinColumn")) {
            string(a, "name").ifPresent(n -> joinColumns.add(new JpaClass.Named(n, line(a))));
        }
        boolean toOne = annotation(f, "ManyToOne").isPresent()
                || annotation(f, "OneToOne").filter(a -> string(a, "mappedBy").isEmpty()).isPresent();
        boolean embedded = annotation(f, "Embedded").isPresent() || annotation(f, "EmbeddedId").isPresent();
        Map<String, JpaClass.Named> overrides = new LinkedHashMap<>();
        for (AnnotationExpr a : annotations(f, "AttributeOverride")) {
            Optional<String> attr = string(a, "name");
            Optional<String> col = value(a, "column").filter(Expression::isAnnotationExpr)
                    .flatMap(e -> string(e.asAnnotationExpr(), "name"));
            if (attr.isPresent() && col.isPresent()) {
                overrides.put(attr.get(), new JpaClass.Named(col.get(), line(a)));
            }
        }
        List<JpaClass.OwnTable> own = new ArrayList<>();
        for (String kind : List.of("JoinTable", "CollectionTable")) {
            for (AnnotationExpr a : annotations(f, kind)) {
                Optional<String> name = string(a, "name");
                if (name.isEmpty()) {
                    continue;
                }
                List<JpaClass.Named> cols = new ArrayList<>();
                for (String attr : List.of("joinColumns", "inverseJoinColumns")) {
                    for (AnnotationExpr jc : nestedAnnotations(a, attr)) {
                        string(jc, "name").ifPresent(n -> cols.add(new JpaClass.Named(n, line(jc))));
                    }
                }
                if (kind.equals("CollectionTable") && columnName != null) {
                    cols.add(new JpaClass.Named(columnName, columnLine));
                }
                own.add(new JpaClass.OwnTable(new JpaClass.Named(name.get(), line(a)), cols));
            }
        }
        boolean inOwnTable = !own.isEmpty() || annotation(f, "OneToMany").isPresent()
                || annotation(f, "ManyToMany").isPresent() || annotation(f, "ElementCollection").isPresent()
                || annotation(f, "OneToOne").filter(a -> string(a, "mappedBy").isPresent()).isPresent();
        if (inOwnTable && own.isEmpty()) {
            return null; // the columns live on the other side, or in a table named by default: none in this one
        }
        if (inOwnTable) {
            // the columns live in a join or collection table: nothing in this one
            return new JpaClass.Field(attribute, typeName(type), line, null, null, List.of(), false,
                    false, Map.of(), own, false);
        }
        return new JpaClass.Field(attribute, typeName(type), columnName != null ? columnLine : line,
                columnName, columnTable, joinColumns, toOne && joinColumns.isEmpty(), embedded, overrides, own,
                insertable(f, column), nonNull(f, type, line));
    }

    private static final List<String> NOT_NULL_ANNOTATIONS = List.of("NotNull", "Nonnull", "NotBlank", "NotEmpty");

    /**
     * Why the attribute cannot take NULL, as its code says: a primitive type (loading NULL fails), {@code
     * nullable = false} on {@code @Column} / {@code @JoinColumn}, {@code optional = false} on {@code @Basic} /
     * {@code @ManyToOne} / {@code @OneToOne}, or Bean Validation's {@code @NotNull} (and its relatives).
     */
    private static JpaClass.NonNull nonNull(NodeWithAnnotations<?> f, Type type, int line) {
        if (type.isPrimitiveType() && annotation(f, "Id").isEmpty()) {
            return new JpaClass.NonNull("primitive " + type.asString(), true, line);
        }
        for (String holder : List.of("Column", "JoinColumn")) {
            Optional<AnnotationExpr> a = annotation(f, holder).filter(x -> isFalse(x, "nullable"));
            if (a.isPresent()) {
                return new JpaClass.NonNull("@" + holder + "(nullable = false)", false, line(a.get()));
            }
        }
        for (String holder : List.of("Basic", "ManyToOne", "OneToOne")) {
            Optional<AnnotationExpr> a = annotation(f, holder).filter(x -> isFalse(x, "optional"));
            if (a.isPresent()) {
                return new JpaClass.NonNull("@" + holder + "(optional = false)", false, line(a.get()));
            }
        }
        for (String name : NOT_NULL_ANNOTATIONS) {
            Optional<AnnotationExpr> a = annotation(f, name);
            if (a.isPresent()) {
                return new JpaClass.NonNull("@" + name, false, line(a.get()));
            }
        }
        return null;
    }

    private static boolean isFalse(AnnotationExpr a, String attribute) {
        return value(a, attribute).filter(Expression::isBooleanLiteralExpr)
                .map(e -> !((BooleanLiteralExpr) e).getValue()).orElse(false);
    }

    /** Whether the provider writes the attribute's column(s) on persist. */
    private static boolean insertable(NodeWithAnnotations<?> f, Optional<AnnotationExpr> column) {
        boolean notInserted = column.flatMap(a -> value(a, "insertable")).map(e -> e.toString().equals("false")).orElse(false)
                || annotations(f, "JoinColumn").stream().anyMatch(a -> value(a, "insertable")
                        .map(e -> e.toString().equals("false")).orElse(false))
                || annotation(f, "GeneratedValue").flatMap(a -> value(a, "strategy"))
                        .map(e -> e.toString().endsWith("IDENTITY")).orElse(false)
                || annotation(f, "Generated").isPresent();
        return !notInserted;
    }

    private static String typeName(Type type) {
        return type.isClassOrInterfaceType() ? type.asClassOrInterfaceType().getNameAsString() : type.asString();
    }

    // ---- SQL in code

    private static List<SqlPiece> sql(CompilationUnit unit) {
        List<SqlPiece> out = new ArrayList<>();
        Map<Node, Boolean> taken = new IdentityHashMap<>();
        boolean jdbcQuery = unit.getImports().stream().anyMatch(i -> SQL_QUERY_IMPORTS.contains(i.getNameAsString()));
        boolean jpa = unit.getImports().stream().anyMatch(i -> JPA_IMPORTS.stream().anyMatch(p -> i.getNameAsString().startsWith(p)));
        for (AnnotationExpr a : unit.findAll(AnnotationExpr.class)) {
            String name = a.getName().getIdentifier();
            List<Expression> values = new ArrayList<>();
            boolean jpql = false;
            boolean statementOnly = false;
            if (name.equals("Query") && value(a, "nativeQuery").filter(Expression::isBooleanLiteralExpr)
                    .map(e -> ((BooleanLiteralExpr) e).getValue()).orElse(false)) {
                value(a, "value").ifPresent(values::add);
                value(a, "countQuery").ifPresent(values::add);
            } else if (name.equals("Query") && jdbcQuery) {
                value(a, "value").ifPresent(values::add); // Spring Data JDBC / R2DBC: SQL, kept as statements only
                statementOnly = true;
            } else if (name.equals("Query") && jpa || name.equals("NamedQuery")) {
                value(a, name.equals("Query") ? "value" : "query").ifPresent(values::add);
                value(a, "countQuery").ifPresent(values::add);
                jpql = true;
            } else if (name.equals("NamedNativeQuery")) {
                value(a, "query").ifPresent(values::add);
            } else if (QUERY_ANNOTATIONS.contains(name)) {
                value(a, "value").ifPresent(values::add);
            }
            for (Expression v : values) {
                SqlPiece piece = new SqlPiece();
                collect(v, piece);
                if (jpql) {
                    piece.jpql(false);
                } else if (statementOnly) {
                    piece.withoutReferences();
                }
                if (!piece.isEmpty()) {
                    out.add(piece);
                }
            }
            a.walk(n -> taken.put(n, true));
        }
        for (Expression literal : unit.findAll(Expression.class,
                e -> e.isStringLiteralExpr() || e.isTextBlockLiteralExpr())) {
            if (taken.containsKey(literal)) {
                continue;
            }
            Expression top = literal;
            while (top.getParentNode().filter(p -> p instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
                    || p instanceof EnclosedExpr).isPresent()) {
                top = (Expression) top.getParentNode().get();
            }
            if (taken.containsKey(top)) {
                continue;
            }
            top.walk(n -> taken.put(n, true));
            SqlPiece piece = new SqlPiece();
            collect(top, piece);
            if (!piece.isEmpty() && piece.looksLikeSql()) {
                out.add(piece);
            }
        }
        return out;
    }

    /** The literals of a concatenation in source order; iterative, as "a" + "b" + ... nests thousands deep. */
    private static void collect(Expression top, SqlPiece piece) {
        java.util.Deque<Expression> todo = new java.util.ArrayDeque<>();
        todo.push(top);
        while (!todo.isEmpty()) {
            Expression e = todo.pop();
            if (e instanceof StringLiteralExpr s) {
                piece.add(s.asString(), line(s), false);
            } else if (e instanceof TextBlockLiteralExpr t) {
                piece.add(t.asString(), line(t) + 1, true);
            } else if (e instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS) {
                todo.push(b.getRight());
                todo.push(b.getLeft());
            } else if (e instanceof EnclosedExpr en) {
                todo.push(en.getInner());
            } else if (e instanceof ArrayInitializerExpr arr) {
                for (int i = arr.getValues().size() - 1; i >= 0; i--) {
                    todo.push(arr.getValues().get(i));
                }
            } else if (!piece.isEmpty()) {
                piece.gap();
            }
        }
    }

    // ---- annotation helpers: names compared by simple name, so imports and qualified names both work

    private static Optional<AnnotationExpr> annotation(NodeWithAnnotations<?> node, String simpleName) {
        return annotations(node, simpleName).stream().findFirst();
    }

    /** The annotations of that name, including those inside a container ({@code @JoinColumns({...})}). */
    private static List<AnnotationExpr> annotations(NodeWithAnnotations<?> node, String simpleName) {
        List<AnnotationExpr> out = new ArrayList<>();
        for (AnnotationExpr a : node.getAnnotations()) {
            String name = a.getName().getIdentifier();
            if (name.equals(simpleName)) {
                out.add(a);
            } else if (name.equals(simpleName + "s")) {
                out.addAll(nestedAnnotations(a, "value"));
            }
        }
        return out;
    }

    private static List<AnnotationExpr> nestedAnnotations(AnnotationExpr a, String attribute) {
        List<AnnotationExpr> out = new ArrayList<>();
        value(a, attribute).ifPresent(v -> {
            if (v.isAnnotationExpr()) {
                out.add(v.asAnnotationExpr());
            } else if (v.isArrayInitializerExpr()) {
                v.asArrayInitializerExpr().getValues().stream().filter(Expression::isAnnotationExpr)
                        .forEach(x -> out.add(x.asAnnotationExpr()));
            }
        });
        return out;
    }

    private static Optional<Expression> value(AnnotationExpr a, String attribute) {
        if (a instanceof SingleMemberAnnotationExpr s) {
            return attribute.equals("value") ? Optional.of(s.getMemberValue()) : Optional.empty();
        }
        if (a instanceof NormalAnnotationExpr n) {
            for (MemberValuePair p : n.getPairs()) {
                if (p.getNameAsString().equals(attribute)) {
                    return Optional.of(p.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** A string attribute written as a literal (a constant from elsewhere cannot be read here). */
    private static Optional<String> string(AnnotationExpr a, String attribute) {
        return value(a, attribute).filter(e -> e.isStringLiteralExpr() || e.isTextBlockLiteralExpr())
                .map(e -> e.isStringLiteralExpr() ? e.asStringLiteralExpr().asString() : e.asTextBlockLiteralExpr().asString())
                .filter(s -> !s.isBlank());
    }

    private static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(1);
    }
}
