package dev.fakecodebuild.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's quick start is the code of {@link ReleaseGateTest}, which runs with the suite. */
class ReadmeTest {

    @Test
    void theQuickStartIsTheExampleThatRuns() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String example =
                Files.readString(
                        Path.of("src/test/java/dev/fakecodebuild/examples/ReleaseGateTest.java"));

        String quickStart = readme.substring(readme.indexOf("## Quick start"));
        int codeStart = quickStart.indexOf("```java\n") + "```java\n".length();
        String block = quickStart.substring(codeStart, quickStart.indexOf("\n```", codeStart));
        String code =
                example.substring(example.indexOf('\n', example.indexOf("// The README")) + 1);

        assertThat(block.strip()).isEqualTo(code.strip());
    }
}
