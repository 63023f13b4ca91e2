package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildExtension;
import dev.fakecodebuild.FakeCodeBuildState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.codebuild.CodeBuildAsyncClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/**
 * Five hundred test classes in one JVM leave nothing behind: no thread, no open file or socket, no
 * management bean that was not there before them.
 *
 * <p>Five fixture classes (the annotation, a static field, an instance field, an annotated class
 * with a {@code @Nested} one, and one using the async client) each start fakes and call them
 * through an injected client. They run together through EngineTestKit, alternately one after the
 * other and in parallel, until 500 class runs are done. A warm-up comes first, so that classes the
 * first runs load (and the jar files they are read from, which stay open) are in the baseline.
 *
 * <p>Threads are compared by identity, not counted, so a thread that ended cannot hide one that was
 * left. Open files and sockets are read from {@code /proc/self/fd}, which only Linux has.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "reads open files and sockets in /proc/self/fd")
class NoLeakTests {

    private static final Class<?>[] FIXTURES = {
        AnnotatedTestCase.class,
        StaticFieldTestCase.class,
        InstanceFieldTestCase.class,
        NestedTestCase.class,
        AsyncTestCase.class,
    };

    /** Tests per run of all fixtures: 1 + 1 + 2 + 2 + 1. */
    private static final int TESTS_PER_RUN = 7;

    private static final int WARM_UP_CLASS_RUNS = 20;
    private static final int CLASS_RUNS = 500;

    /** How long threads and connections may take to end after their class; reached only if not. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @Test
    void fiveHundredTestClassesLeaveNoThreadsFilesSocketsOrBeansBehind() {
        runFixtures(WARM_UP_CLASS_RUNS);
        assertThat(settled(() -> FixtureRunner.serverThreads().isEmpty()))
                .as(
                        "server threads still running after the warm-up: %s",
                        names(FixtureRunner.serverThreads()))
                .isTrue();
        Set<Thread> threadsBefore = liveThreads();
        Map<String, Integer> filesBefore = openFiles();
        Set<ObjectName> beansBefore = xnioBeans();

        runFixtures(CLASS_RUNS);

        // Read at once: a fake closes its sockets before its class ends, and waiting would let
        // the garbage collector close those of a client the fake forgot to close.
        assertThat(opened(filesBefore, openFiles())).as("files and sockets left").isEmpty();
        assertThat(xnioBeans()).isSubsetOf(beansBefore);
        assertThat(settled(() -> threadsStartedSince(threadsBefore).isEmpty()))
                .as("threads left: %s", names(threadsStartedSince(threadsBefore)))
                .isTrue();
        assertThat(FixtureRunner.serverThreads()).isEmpty();
    }

    private static void runFixtures(int classRuns) {
        for (int run = 0; run * FIXTURES.length < classRuns; run++) {
            EngineExecutionResults results =
                    run % 2 == 0
                            ? FixtureRunner.run(FIXTURES)
                            : FixtureRunner.runInParallel(FIXTURES);

            results.containerEvents().assertStatistics(stats -> stats.failed(0));
            results.testEvents()
                    .assertStatistics(
                            stats -> stats.started(TESTS_PER_RUN).succeeded(TESTS_PER_RUN));
        }
    }

    // ---------------------------------------------------------------- observables

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .collect(Collectors.toSet());
    }

    private static Set<Thread> threadsStartedSince(Set<Thread> before) {
        return liveThreads().stream()
                .filter(thread -> !before.contains(thread))
                .collect(Collectors.toSet());
    }

    private static List<String> names(Set<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().toList();
    }

    /**
     * What the process has open, by kind: a file's path, or {@code socket}, {@code pipe}, {@code
     * anon_inode:[eventpoll]} and the like, each with how many descriptors have it open.
     */
    private static Map<String, Integer> openFiles() {
        Map<String, Integer> open = new HashMap<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            for (Path descriptor : descriptors.toList()) {
                String target;
                try {
                    target = Files.readSymbolicLink(descriptor).toString();
                } catch (IOException e) {
                    continue; // closed since it was listed, like the listing's own descriptor
                }
                open.merge(kind(target), 1, Integer::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return open;
    }

    /** {@code socket:[1234]} is {@code socket}: the inode tells sockets apart, not kinds. */
    private static String kind(String target) {
        int inode = target.indexOf(":[");
        return inode > 0 && !target.startsWith("anon_inode") ? target.substring(0, inode) : target;
    }

    /** The kinds of which more are open now than before, with how many more. */
    private static Map<String, Integer> opened(
            Map<String, Integer> before, Map<String, Integer> now) {
        Map<String, Integer> more = new HashMap<>();
        now.forEach(
                (kind, count) -> {
                    int extra = count - before.getOrDefault(kind, 0);
                    if (extra > 0) {
                        more.put(kind, extra);
                    }
                });
        return more;
    }

    /** The management beans XNIO registers for each worker and each listening channel. */
    private static Set<ObjectName> xnioBeans() {
        try {
            return ManagementFactory.getPlatformMBeanServer()
                    .queryNames(new ObjectName("org.xnio:*"), null);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean settled(BooleanSupplier condition) {
        return FixtureRunner.eventually(condition, SETTLE);
    }

    // ---------------------------------------------------------------- fixtures

    /** A call through the injected client, which starts the server and opens a connection. */
    static void call(CodeBuildClient client, FakeCodeBuildState state, String project) {
        state.addProject(project);

        List<String> listed = new ArrayList<>(client.listProjects(r -> {}).projects());

        assertThat(listed).contains(project);
    }

    /** The async client brings threads and sockets of its own: they must go with the class. */
    @FakeCodeBuild
    static class AsyncTestCase {

        @Test
        void calls(CodeBuildAsyncClient client, FakeCodeBuildState state) {
            state.addProject("async");

            List<String> listed = client.listProjects(r -> {}).join().projects();

            assertThat(listed).containsExactly("async");
        }
    }

    @FakeCodeBuild
    static class AnnotatedTestCase {

        @Test
        void calls(CodeBuildClient client, FakeCodeBuildState state) {
            call(client, state, "annotated");
        }
    }

    static class StaticFieldTestCase {

        @RegisterExtension
        static final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @Test
        void calls(CodeBuildClient client, FakeCodeBuildState state) {
            call(client, state, "static-field");
        }
    }

    static class InstanceFieldTestCase {

        @RegisterExtension
        final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @Test
        void calls(CodeBuildClient client, FakeCodeBuildState state) {
            call(client, state, "instance-field");
        }

        @Test
        void callsItsOwnFake(CodeBuildClient client, FakeCodeBuildState state) {
            call(client, state, "instance-field-too");
        }
    }

    @FakeCodeBuild
    static class NestedTestCase {

        @Test
        void calls(CodeBuildClient client, FakeCodeBuildState state) {
            call(client, state, "outer");
        }

        @Nested
        class Inner {

            @Test
            void calls(CodeBuildClient client, FakeCodeBuildState state) {
                call(client, state, "inner");
            }
        }
    }
}
