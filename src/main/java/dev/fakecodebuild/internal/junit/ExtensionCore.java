package dev.fakecodebuild.internal.junit;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildExtension;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import dev.fakecodebuild.Strictness;
import dev.fakecodebuild.internal.model.Snapshot;
import dev.fakecodebuild.internal.server.Faults;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.codebuild.CodeBuildAsyncClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/**
 * What {@link FakeCodeBuildExtension} does, kept out of the public class.
 *
 * <p>It keeps nothing about tests in fields: each fake lives in a {@link FakeHolder} in the store
 * of the context that owns it, found from any context by walking up to that owner, which is what
 * makes {@code @Nested} classes share it and subclasses not. The owner is the nearest class
 * carrying {@code @FakeCodeBuild}, for the annotation; the class whose static field holds the
 * extension, for a static field; and the test itself, for an instance field. Scopes are closeable
 * store values too: one per test, and one per {@code @Nested} class that shares an enclosing fake,
 * each putting back the state it found when JUnit closes it.
 */
public final class ExtensionCore {

    private final Namespace namespace;

    /** What the builder set; {@code null} when the annotation configures the fake. */
    private final Configuration configuration;

    /** The extension whose field registered it; {@code null} for the annotation. */
    private final Object registered;

    private ExtensionCore(Namespace namespace, Configuration configuration, Object registered) {
        this.namespace = namespace;
        this.configuration = configuration;
        this.registered = registered;
    }

    /** The core of the extension the annotation registers. */
    public static ExtensionCore forAnnotation(Namespace namespace) {
        return new ExtensionCore(namespace, null, null);
    }

    /** The core of an extension built in code and registered in a field. */
    public static ExtensionCore forRegistration(
            Namespace namespace, Configuration configuration, Object extension) {
        return new ExtensionCore(namespace, configuration, extension);
    }

    public void beforeAll(ExtensionContext context) {
        beginClass(context);
    }

    /**
     * Called before each test instance is made. For a {@code PER_CLASS} class that comes before
     * {@code beforeAll}, so the class's checks and scope begin here, ahead of its constructor.
     */
    public void preConstructTestInstance(ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            beginTest(context);
        } else {
            beginClass(context);
        }
    }

    public void beforeEach(ExtensionContext context) {
        beginTest(context);
    }

    /** Fail the test, if the fake is strict, when it called an operation the fake lacks. */
    public void afterEach(ExtensionContext context) {
        if (withoutFake(context)) {
            return; // refused before the test ran; saying so again would only repeat it
        }
        FakeHolder holder = existingHolder(ownerOfTest(context));
        if (holder == null || holder.settings().strictness() != Strictness.STRICT) {
            return;
        }
        List<RecordedCall> calls =
                holder.startedServer().map(s -> s.journal().snapshot()).orElse(List.of());
        List<RecordedCall> unimplemented = holder.unimplemented(calls);
        if (!unimplemented.isEmpty()) {
            throw new AssertionFailedError(
                    "Test " + testName(context) + strictnessComplaint(unimplemented));
        }
    }

    /** Fail the class, if the fake is strict, when its set-up or tear-down called such one. */
    public void afterAll(ExtensionContext context) {
        if (withoutFake(context)) {
            return; // refused in beforeAll; saying so again would only repeat it
        }
        Optional<ExtensionContext> owner = ownerOfClass(context);
        if (owner.isEmpty() || owner.get() != context) {
            return;
        }
        FakeHolder holder = existingHolder(context);
        if (holder == null || holder.settings().strictness() != Strictness.STRICT) {
            return;
        }
        holder.startedServer().ifPresent(s -> holder.noteOutsideTests(s.journal().snapshot()));
        List<RecordedCall> unimplemented = holder.unimplementedOutsideTests();
        if (!unimplemented.isEmpty()) {
            throw new AssertionFailedError(
                    "The set-up or tear-down of "
                            + context.getRequiredTestClass().getName()
                            + " (outside its tests)"
                            + strictnessComplaint(unimplemented));
        }
    }

    /** For example {@code listsBuilds() of com.acme.BuildTest}, and its display name if other. */
    private static String testName(ExtensionContext test) {
        String method = test.getRequiredTestMethod().getName() + "()";
        String name = method + " of " + test.getRequiredTestClass().getName();
        String displayName = test.getDisplayName();
        return displayName.startsWith(method.substring(0, method.length() - 1))
                ? name
                : name + " (" + displayName + ")";
    }

    private static String strictnessComplaint(List<RecordedCall> unimplemented) {
        Map<String, Long> counts =
                unimplemented.stream()
                        .collect(
                                Collectors.groupingBy(
                                        RecordedCall::operation,
                                        LinkedHashMap::new,
                                        Collectors.counting()));
        String operations =
                counts.entrySet().stream()
                        .map(
                                e ->
                                        e.getKey()
                                                + " ("
                                                + e.getValue()
                                                + (e.getValue() == 1 ? " call)" : " calls)"))
                        .collect(Collectors.joining(", "));
        return " called CodeBuild operations that fake-codebuild does not implement: "
                + operations
                + ". Each was answered with UnknownOperationException. The README lists the"
                + " operations the fake serves. To let tests make such calls, set strictness ="
                + " Strictness.LENIENT on @FakeCodeBuild or the extension's builder, or the"
                + " configuration parameter "
                + FakeCodeBuild.DEFAULT_STRICTNESS_PROPERTY_NAME
                + "=lenient";
    }

    public boolean supportsParameter(Class<?> type) {
        return type == CodeBuildClient.class
                || type == CodeBuildAsyncClient.class
                || type == FakeCodeBuildState.class;
    }

    public Object resolveParameter(Class<?> type, ExtensionContext context) {
        ExtensionContext owner;
        if (context.getTestMethod().isPresent()) {
            owner = ownerOfTest(context);
            if (owner != context) {
                beginContainer(owner, context);
            }
        } else {
            owner =
                    ownerOfClass(context)
                            .orElseThrow(
                                    () ->
                                            new ParameterResolutionException(
                                                    "A FakeCodeBuildExtension in an instance field"
                                                            + " gives each test a fake of its own,"
                                                            + " so nothing outside a test can have"
                                                            + " one: register it in a static field"
                                                            + " to seed the fake for the whole"
                                                            + " class"));
        }
        FakeHolder holder = holder(owner);
        if (type == CodeBuildClient.class) {
            return holder.client();
        }
        if (type == CodeBuildAsyncClient.class) {
            return holder.asyncClient();
        }
        if (type == FakeCodeBuildState.class) {
            holder.checkOpen();
            return holder.state();
        }
        throw new ParameterResolutionException(
                "@FakeCodeBuild resolves parameters of type CodeBuildClient,"
                        + " CodeBuildAsyncClient or FakeCodeBuildState, not "
                        + type.getName());
    }

    /** Check the class and its settings, and give a @Nested class sharing a fake its own scope. */
    @SuppressWarnings("deprecation") // computeIfAbsent replaces it in JUnit 6; 5.14 has only this
    private void beginClass(ExtensionContext context) {
        JupiterVersion.check(context);
        checkOneFake(context);
        Optional<ExtensionContext> owner = ownerOfClass(context);
        if (owner.isEmpty()) {
            return; // an instance field: its fakes belong to the tests
        }
        holder(owner.get());
        if (owner.get() != context) {
            context.getStore(namespace)
                    .getOrComputeIfAbsent(
                            scopeKey(context),
                            key -> new Scope(owner.get(), context, false),
                            Scope.class);
        }
    }

    @SuppressWarnings("deprecation") // computeIfAbsent replaces it in JUnit 6; 5.14 has only this
    private void beginTest(ExtensionContext context) {
        ExtensionContext owner = ownerOfTest(context);
        if (owner == context) {
            JupiterVersion.check(context);
            checkOneFake(context);
            holder(owner);
            return; // a fake of its own: nothing to put back
        }
        holder(owner);
        context.getStore(namespace)
                .getOrComputeIfAbsent(
                        scopeKey(context), key -> new Scope(owner, context, true), Scope.class);
    }

    /**
     * A test's scope began in its callbacks, before any parameter of it is resolved; a context with
     * a test method but no scope yet is the container of a test template, resolving the parameters
     * of a {@code @MethodSource} factory. What that seeds belongs to the container.
     */
    @SuppressWarnings("deprecation") // computeIfAbsent replaces it in JUnit 6; 5.14 has only this
    private void beginContainer(ExtensionContext owner, ExtensionContext context) {
        holder(owner);
        context.getStore(namespace)
                .getOrComputeIfAbsent(
                        scopeKey(context), key -> new Scope(owner, context, false), Scope.class);
    }

    // ---------------------------------------------------------------- owners

    /** The owner of the fake that serves this class context; empty for an instance field. */
    private Optional<ExtensionContext> ownerOfClass(ExtensionContext context) {
        if (registered == null) {
            return Optional.of(requireOwner(context));
        }
        for (ExtensionContext candidate : classContexts(context)) {
            if (holdsThisExtensionStatically(candidate.getRequiredTestClass())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The owner of the fake that serves this test: its class's, or the test for an instance. */
    private ExtensionContext ownerOfTest(ExtensionContext context) {
        Optional<ExtensionContext> classOwner = ownerOfClass(context);
        if (classOwner.isPresent()) {
            return classOwner.get();
        }
        ExtensionContext test = context;
        while (test.getTestMethod().isEmpty() && test.getParent().isPresent()) {
            test = test.getParent().get();
        }
        return test;
    }

    /** Whether this is the annotation's extension, registered on a class without it. */
    private boolean withoutFake(ExtensionContext context) {
        return registered == null
                && classContexts(context).stream()
                        .noneMatch(
                                candidate ->
                                        AnnotationSupport.isAnnotated(
                                                candidate.getRequiredTestClass(),
                                                FakeCodeBuild.class));
    }

    /** For the annotation: the nearest class context carrying it. */
    private static ExtensionContext requireOwner(ExtensionContext context) {
        for (ExtensionContext candidate : classContexts(context)) {
            if (AnnotationSupport.isAnnotated(
                    candidate.getRequiredTestClass(), FakeCodeBuild.class)) {
                return candidate;
            }
        }
        throw new ExtensionConfigurationException(
                "No @FakeCodeBuild on "
                        + context.getRequiredTestClass().getName()
                        + " or a class enclosing it: annotate the test class with @FakeCodeBuild,"
                        + " or register FakeCodeBuildExtension.builder().build() in a field with"
                        + " @RegisterExtension, instead of registering FakeCodeBuildExtension with"
                        + " @ExtendWith");
    }

    /** The class contexts from this one outwards, skipping test contexts. */
    private static List<ExtensionContext> classContexts(ExtensionContext context) {
        List<ExtensionContext> classes = new ArrayList<>();
        for (Optional<ExtensionContext> current = Optional.of(context);
                current.isPresent();
                current = current.get().getParent()) {
            ExtensionContext candidate = current.get();
            if (candidate.getTestMethod().isEmpty() && candidate.getTestClass().isPresent()) {
                classes.add(candidate);
            }
        }
        return classes;
    }

    private boolean holdsThisExtensionStatically(Class<?> testClass) {
        return extensionFields(testClass).stream()
                .filter(field -> Modifier.isStatic(field.getModifiers()))
                .anyMatch(
                        field ->
                                ReflectionSupport.tryToReadFieldValue(field, null)
                                                .toOptional()
                                                .orElse(null)
                                        == registered);
    }

    /** The fields of the class and its superclasses that register a FakeCodeBuildExtension. */
    private static List<Field> extensionFields(Class<?> testClass) {
        List<Field> fields =
                new ArrayList<>(
                        AnnotationSupport.findAnnotatedFields(
                                testClass,
                                RegisterExtension.class,
                                field ->
                                        FakeCodeBuildExtension.class.isAssignableFrom(
                                                field.getType()),
                                HierarchyTraversalMode.TOP_DOWN));
        // Reflection gives fields in no fixed order; messages name them in a stable one.
        fields.sort(Comparator.comparing(Field::getName));
        return fields;
    }

    /** Refuse a class that would get two fakes: the annotation and a field, or two fields. */
    private static void checkOneFake(ExtensionContext context) {
        List<Field> fields = new ArrayList<>();
        Class<?> annotated = null;
        for (ExtensionContext candidate : classContexts(context)) {
            Class<?> testClass = candidate.getRequiredTestClass();
            fields.addAll(extensionFields(testClass));
            if (annotated == null
                    && AnnotationSupport.isAnnotated(testClass, FakeCodeBuild.class)) {
                annotated = testClass;
            }
        }
        String testClass = context.getRequiredTestClass().getName();
        if (annotated != null && !fields.isEmpty()) {
            throw new ExtensionConfigurationException(
                    testClass
                            + " gets two fakes: "
                            + annotated.getName()
                            + " has @FakeCodeBuild, and "
                            + describe(fields.get(0))
                            + " registers a FakeCodeBuildExtension. Use one: remove the annotation"
                            + " to configure the fake in the field, or remove the field");
        }
        if (fields.size() > 1) {
            throw new ExtensionConfigurationException(
                    testClass
                            + " gets two fakes: "
                            + describe(fields.get(0))
                            + " and "
                            + describe(fields.get(1))
                            + " both register a FakeCodeBuildExtension. Keep one field");
        }
    }

    private static String describe(Field field) {
        return "field " + field.getName() + " of " + field.getDeclaringClass().getName();
    }

    // ---------------------------------------------------------------- holders

    @SuppressWarnings("deprecation") // computeIfAbsent replaces it in JUnit 6; 5.14 has only this
    private FakeHolder holder(ExtensionContext owner) {
        Store store = owner.getStore(namespace);
        return store.getOrComputeIfAbsent(
                holderKey(owner), key -> newHolder(owner, store), FakeHolder.class);
    }

    private FakeHolder newHolder(ExtensionContext owner, Store store) {
        JupiterVersion.check(owner);
        FakeHolder holder;
        if (owner.getTestMethod().isPresent()) {
            holder =
                    new FakeHolder(
                            Settings.of(configuration, null, owner::getConfigurationParameter),
                            "test " + testName(owner),
                            "test");
        } else {
            Class<?> testClass = owner.getRequiredTestClass();
            Settings settings =
                    configuration == null
                            ? Settings.of(
                                    Configuration.of(
                                            AnnotationSupport.findAnnotation(
                                                            testClass, FakeCodeBuild.class)
                                                    .orElseThrow()),
                                    testClass,
                                    owner::getConfigurationParameter)
                            : Settings.of(configuration, null, owner::getConfigurationParameter);
            holder = new FakeHolder(settings, testClass.getName(), "class");
        }
        store.put(FakeCodeBuildState.class, holder.state());
        return holder;
    }

    private FakeHolder existingHolder(ExtensionContext owner) {
        return owner.getStore(namespace).get(holderKey(owner), FakeHolder.class);
    }

    /** Keys carry the context's id: a store lookup also searches enclosing stores. */
    private static String holderKey(ExtensionContext owner) {
        return "fake:" + owner.getUniqueId();
    }

    private static String scopeKey(ExtensionContext context) {
        return "scope:" + context.getUniqueId();
    }

    /**
     * A stretch of a fake's life whose changes are undone at its end: a test, a nested class
     * sharing an enclosing fake, or the container of a parameterized test whose argument factory
     * had the fake's state. It remembers the state when it began and forgets the calls recorded
     * before it; JUnit closes it when its context ends, passed or failed, and the fake goes back to
     * that state with no calls.
     */
    private final class Scope implements AutoCloseable {

        private final FakeHolder holder;
        private final Snapshot snapshot;
        private final Faults.Snapshot faults;
        private final boolean test;
        private final String uniqueId;

        /**
         * @param context the test, the {@code @Nested} class or the test template container this
         *     scope is for
         * @param test whether it is a test, whose calls are its own and not the class's
         * @throws ExtensionConfigurationException if a test or {@code @Nested} class of the fake
         *     that does not enclose this one is running
         */
        Scope(ExtensionContext owner, ExtensionContext context, boolean test) {
            this.holder = existingHolder(owner);
            this.test = test;
            this.uniqueId = context.getUniqueId();
            String name =
                    context.getTestMethod().isPresent()
                            ? "test " + testName(context)
                            : "@Nested class " + context.getRequiredTestClass().getName();
            Optional<String> running = holder.begin(uniqueId, name);
            if (running.isPresent()) {
                throw new ExtensionConfigurationException(
                        Character.toUpperCase(name.charAt(0))
                                + name.substring(1)
                                + " began while "
                                + running.get()
                                + " was running, but both use the one fake CodeBuild of "
                                + holder.owner()
                                + ". Tests and @Nested classes that share a fake must run one at"
                                + " a time: annotate the class with"
                                + " @Execution(ExecutionMode.SAME_THREAD), or register"
                                + " FakeCodeBuildExtension in an instance field to give each"
                                + " test a fake of its own");
            }
            this.snapshot = holder.model().snapshot();
            this.faults =
                    holder.startedServer()
                            .map(server -> server.faults().snapshot())
                            .orElse(Faults.Snapshot.NONE);
            forgetCalls();
        }

        private void forgetCalls() {
            holder.startedServer()
                    .ifPresent(
                            server -> {
                                holder.noteOutsideTests(server.journal().snapshot());
                                server.journal().clear();
                            });
        }

        @Override
        public void close() {
            holder.model().restore(snapshot);
            holder.startedServer().ifPresent(server -> server.faults().restore(faults));
            if (test) {
                holder.startedServer().ifPresent(server -> server.journal().clear());
            } else {
                forgetCalls();
            }
            holder.end(uniqueId);
        }
    }
}
