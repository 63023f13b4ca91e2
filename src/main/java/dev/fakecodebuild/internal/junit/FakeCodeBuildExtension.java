package dev.fakecodebuild.internal.junit;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.internal.model.Snapshot;
import dev.fakecodebuild.internal.server.Faults;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.platform.commons.support.AnnotationSupport;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/**
 * The extension behind {@link FakeCodeBuild}. It is registered by the annotation; tests never name
 * it.
 *
 * <p>It keeps nothing in fields: each fake lives in a {@link FakeHolder} in the store of the class
 * that carries the annotation (its "owner"), found from any context by walking up to that class,
 * which is what makes {@code @Nested} classes share it and subclasses not. Scopes are closeable
 * store values too: one per test, and one per {@code @Nested} class that shares an enclosing fake,
 * each putting back the state it found when JUnit closes it.
 */
public final class FakeCodeBuildExtension
        implements BeforeAllCallback,
                BeforeEachCallback,
                TestInstancePreConstructCallback,
                ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(FakeCodeBuildExtension.class);

    /** Create the extension; JUnit does this. */
    public FakeCodeBuildExtension() {}

    /**
     * Constructor parameters are resolved in the test's own context, so that what a {@code
     * PER_METHOD} constructor seeds belongs to that test.
     */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(
            ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        beginClass(context);
    }

    /**
     * Called before each test instance is made. For a {@code PER_CLASS} class that comes before
     * {@link #beforeAll}, so the class's checks and scope begin here, ahead of its constructor.
     */
    @Override
    public void preConstructTestInstance(
            TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        if (context.getTestMethod().isPresent()) {
            beginTest(context);
        } else {
            beginClass(context);
        }
    }

    /** Check the settings, and give a @Nested class sharing an enclosing fake its own scope. */
    @SuppressWarnings("deprecation") // computeIfAbsent replaces it in JUnit 6; 5.14 has only this
    private static void beginClass(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        settings(owner);
        if (owner != context) {
            context.getStore(NAMESPACE)
                    .getOrComputeIfAbsent(scopeKey(context), key -> new Scope(owner), Scope.class);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        beginTest(context);
    }

    @SuppressWarnings("deprecation") // computeIfAbsent replaces it in JUnit 6; 5.14 has only this
    private static void beginTest(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(scopeKey(context), key -> new Scope(owner), Scope.class);
    }

    @Override
    public boolean supportsParameter(
            ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == CodeBuildClient.class || type == FakeCodeBuildState.class;
    }

    @Override
    public Object resolveParameter(
            ParameterContext parameterContext, ExtensionContext extensionContext) {
        FakeHolder holder = holder(owner(extensionContext));
        Class<?> type = parameterContext.getParameter().getType();
        if (type == CodeBuildClient.class) {
            return holder.client();
        }
        if (type == FakeCodeBuildState.class) {
            holder.checkOpen();
            return holder.state();
        }
        throw new ParameterResolutionException(
                "@FakeCodeBuild resolves parameters of type CodeBuildClient or"
                        + " FakeCodeBuildState, not "
                        + type.getName());
    }

    /** The context of the nearest class, this one or an enclosing one, carrying the annotation. */
    private static ExtensionContext owner(ExtensionContext context) {
        for (Optional<ExtensionContext> current = Optional.of(context);
                current.isPresent();
                current = current.get().getParent()) {
            ExtensionContext candidate = current.get();
            if (candidate.getTestMethod().isEmpty()
                    && candidate
                            .getTestClass()
                            .filter(FakeCodeBuildExtension::isAnnotated)
                            .isPresent()) {
                return candidate;
            }
        }
        throw new ExtensionConfigurationException(
                "No @FakeCodeBuild on "
                        + context.getRequiredTestClass().getName()
                        + " or a class enclosing it: annotate the test class with @FakeCodeBuild"
                        + " instead of registering FakeCodeBuildExtension directly");
    }

    private static boolean isAnnotated(Class<?> testClass) {
        return AnnotationSupport.isAnnotated(testClass, FakeCodeBuild.class);
    }

    private static Settings settings(ExtensionContext owner) {
        JupiterVersion.check(owner);
        Class<?> testClass = owner.getRequiredTestClass();
        FakeCodeBuild annotation =
                AnnotationSupport.findAnnotation(testClass, FakeCodeBuild.class).orElseThrow();
        return Settings.of(annotation, testClass);
    }

    @SuppressWarnings("deprecation") // computeIfAbsent replaces it in JUnit 6; 5.14 has only this
    private static FakeHolder holder(ExtensionContext owner) {
        Store store = owner.getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(
                holderKey(owner),
                key -> new FakeHolder(settings(owner), owner.getRequiredTestClass()),
                FakeHolder.class);
    }

    private static FakeHolder existingHolder(ExtensionContext owner) {
        return owner.getStore(NAMESPACE).get(holderKey(owner), FakeHolder.class);
    }

    /** Keys carry the context's id: a store lookup also searches enclosing stores. */
    private static String holderKey(ExtensionContext owner) {
        return "fake:" + owner.getUniqueId();
    }

    private static String scopeKey(ExtensionContext context) {
        return "scope:" + context.getUniqueId();
    }

    /**
     * A stretch of a fake's life whose changes are undone at its end: a test, or a nested class
     * sharing an enclosing fake. It remembers the state when it began and forgets the calls
     * recorded before it; JUnit closes it when its context ends, passed or failed, and the fake
     * (which may have started during the scope) goes back to that state with no calls.
     */
    private static final class Scope implements AutoCloseable {

        private final ExtensionContext owner;

        /** The state at the start, or {@code null} if the fake had not started yet. */
        private final Snapshot snapshot;

        private final Faults.Snapshot faults;

        Scope(ExtensionContext owner) {
            this.owner = owner;
            FakeHolder holder = existingHolder(owner);
            this.snapshot = holder == null ? null : holder.model().snapshot();
            this.faults =
                    holder == null ? Faults.Snapshot.NONE : holder.server().faults().snapshot();
            if (holder != null) {
                holder.server().journal().clear();
            }
        }

        @Override
        public void close() {
            FakeHolder holder = existingHolder(owner);
            if (holder != null) {
                holder.model().restore(snapshot == null ? Snapshot.EMPTY : snapshot);
                holder.server().faults().restore(faults);
                holder.server().journal().clear();
            }
        }
    }
}
