package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.services.codebuild.CodeBuildAsyncClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/**
 * A user who has not added {@code netty-nio-client}: the async parameter fails with a message that
 * names the dependency, and everything else works.
 *
 * <p>Netty is on this project's test classpath, so the fixtures run in a class loader over the same
 * classpath without the Netty jars, whose parent knows only the JDK. Everything they use (JUnit,
 * the SDK, the fake, this class) is loaded again in it; only JDK types such as {@code String} cross
 * between the two worlds, so the run is driven by reflection and reports in strings.
 */
class WithoutNettyTests {

    private static final String MISSING_NETTY =
            "A CodeBuildAsyncClient parameter needs the AWS SDK's Netty HTTP client, which is not on"
                    + " the test classpath: add the test dependency"
                    + " software.amazon.awssdk:netty-nio-client, in the version of the other AWS"
                    + " SDK modules (the AWS SDK BOM manages it)";

    @Test
    void theIsolatedClassPathHasNoNetty() throws Exception {
        assertThat(hiddenEntries())
                .anyMatch(entry -> entry.getFileName().toString().startsWith("netty-nio-client-"));

        assertThat(inIsolation("nettyIsVisible")).isEqualTo(false);
    }

    @Test
    void theAsyncParameterNamesTheMissingDependency() throws Exception {
        assertThat(inIsolation("runSequentially"))
                .isEqualTo(
                        List.of(
                                "asyncClient FAILED"
                                        + " org.junit.jupiter.api.extension"
                                        + ".ParameterResolutionException: "
                                        + MISSING_NETTY,
                                "syncClient SUCCESSFUL"));
    }

    @Test
    void theAsyncParameterNamesTheMissingDependencyInParallelClassesToo() throws Exception {
        assertThat(inIsolation("runInParallel"))
                .isEqualTo(
                        List.of(
                                "asyncClient FAILED"
                                        + " org.junit.jupiter.api.extension"
                                        + ".ParameterResolutionException: "
                                        + MISSING_NETTY,
                                "asyncClient FAILED"
                                        + " org.junit.jupiter.api.extension"
                                        + ".ParameterResolutionException: "
                                        + MISSING_NETTY,
                                "syncClient SUCCESSFUL",
                                "syncClient SUCCESSFUL"));
    }

    /** One loader for the class: loading JUnit and the SDK again takes seconds. */
    private static URLClassLoader withoutNetty;

    @BeforeAll
    static void createTheLoaderWithoutNetty() {
        withoutNetty =
                new URLClassLoader(
                        urls(
                                classPath().stream()
                                        .filter(Predicate.not(WithoutNettyTests::isNetty))),
                        ClassLoader.getPlatformClassLoader());
    }

    @AfterAll
    static void closeTheLoaderWithoutNetty() throws IOException {
        withoutNetty.close();
    }

    /** Call a static method of {@link Isolated} as loaded without Netty. */
    private static Object inIsolation(String method) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            // JUnit finds its engine, and the SDK its services, through this loader.
            thread.setContextClassLoader(withoutNetty);
            Class<?> isolated = Class.forName(Isolated.class.getName(), true, withoutNetty);
            assertThat(isolated.getClassLoader()).isSameAs(withoutNetty);
            Method entry = isolated.getDeclaredMethod(method);
            // Same package name, but another loader: another runtime package.
            entry.setAccessible(true);
            try {
                return entry.invoke(null);
            } catch (InvocationTargetException e) {
                throw new AssertionError("the isolated run failed", e.getCause());
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The test classpath as entries. Surefire may start the JVM with a jar whose manifest holds the
     * classpath, and then names the real one in this property.
     */
    private static List<Path> classPath() {
        String classPath =
                Optional.ofNullable(System.getProperty("surefire.test.class.path"))
                        .orElse(System.getProperty("java.class.path"));
        List<Path> entries =
                Arrays.stream(classPath.split(File.pathSeparator))
                        .filter(entry -> !entry.isEmpty())
                        .map(Path::of)
                        .toList();
        assertThat(entries)
                .as("the classpath holds this class's folder")
                .anyMatch(entry -> entry.endsWith("test-classes"));
        return entries;
    }

    private static List<Path> hiddenEntries() {
        return classPath().stream().filter(WithoutNettyTests::isNetty).toList();
    }

    /** The SDK's Netty client and Netty's own jars. */
    private static boolean isNetty(Path entry) {
        String name = entry.getFileName().toString();
        return name.startsWith("netty-");
    }

    private static URL[] urls(Stream<Path> entries) {
        return entries.map(
                        entry -> {
                            try {
                                return entry.toUri().toURL();
                            } catch (MalformedURLException e) {
                                throw new UncheckedIOException(e);
                            }
                        })
                .toArray(URL[]::new);
    }

    /** What runs inside the class loader without Netty. */
    static final class Isolated {

        private Isolated() {}

        static boolean nettyIsVisible() {
            try {
                Class.forName(
                        "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient",
                        false,
                        Isolated.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }

        static List<String> runSequentially() {
            return outcomes(FixtureRunner.run(WithoutNettyTestCase.class));
        }

        static List<String> runInParallel() {
            return outcomes(
                    FixtureRunner.runInParallel(
                            WithoutNettyTestCase.class, AlsoWithoutNettyTestCase.class));
        }

        /** For example {@code "asyncClient FAILED java.lang.Exception: message"}, sorted. */
        private static List<String> outcomes(EngineExecutionResults results) {
            return results.testEvents().finished().stream()
                    .map(Isolated::outcome)
                    .sorted()
                    .toList();
        }

        private static String outcome(Event event) {
            TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
            String method = event.getTestDescriptor().getLegacyReportingName();
            String name = method.substring(0, method.indexOf('('));
            return name
                    + " "
                    + result.getStatus()
                    + result.getThrowable().map(thrown -> " " + thrown).orElse("");
        }
    }

    // ---------------------------------------------------------------------------------------

    @FakeCodeBuild
    static class WithoutNettyTestCase {

        @BeforeAll
        static void beforeAll() {
            FixtureRunner.rendezvous();
        }

        @Test
        void asyncClient(CodeBuildAsyncClient client) {}

        @Test
        void syncClient(CodeBuildClient client, FakeCodeBuildState state) {
            state.addProject("web-app");

            assertThat(client.listProjects().projects()).containsExactly("web-app");
        }
    }

    static class AlsoWithoutNettyTestCase extends WithoutNettyTestCase {}
}
