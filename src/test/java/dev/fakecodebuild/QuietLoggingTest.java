package dev.fakecodebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * A normal run prints nothing: no INFO line from Undertow or XNIO, whose version greeting is logged
 * once per JVM. Only a fresh JVM shows that, so the run happens in a child process with the JDK's
 * default logging configuration, which prints INFO to the console.
 */
class QuietLoggingTest {

    @Test
    void aTestClassRunsWithoutPrintingAnything() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child =
                new ProcessBuilder(
                                java,
                                "-cp",
                                System.getProperty("java.class.path"),
                                Run.class.getName())
                        .redirectErrorStream(true)
                        .start();

        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // The AWS SDK logs through SLF4J, which says once that it has no binding; that is the
        // user's logging setup speaking, not the fake.
        assertThat(output.lines().filter(line -> !line.startsWith("SLF4J: "))).isEmpty();
        assertThat(child.exitValue()).isZero();
    }

    /** Runs the README's example class in this JVM, printing only if it fails. */
    static final class Run {

        public static void main(String[] args) {
            var listener = new SummaryGeneratingListener();
            LauncherFactory.create()
                    .execute(
                            LauncherDiscoveryRequestBuilder.request()
                                    .selectors(
                                            selectClass(
                                                    "dev.fakecodebuild.examples.ReleaseGateTest"))
                                    .build(),
                            listener);
            var summary = listener.getSummary();
            if (summary.getTestsSucceededCount() != 1 || summary.getTotalFailureCount() != 0) {
                summary.printFailuresTo(
                        new java.io.PrintWriter(
                                new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8),
                                true),
                        20);
                System.exit(1);
            }
        }
    }
}
