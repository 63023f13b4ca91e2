package dev.fakecodebuild.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Test
    void theOperationsTableNamesEveryOperationTheFakeServes() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Supported operations"));
        section = section.substring(0, section.indexOf("\n## ", 1));

        List<String> supported = new ArrayList<>();
        for (String row : section.lines().filter(line -> line.startsWith("| `")).toList()) {
            Matcher name =
                    Pattern.compile("`(\\w+)`").matcher(row.substring(1, row.indexOf('|', 1)));
            while (name.find()) {
                supported.add(name.group(1));
            }
        }

        assertThat(supported)
                .containsExactlyInAnyOrder(
                        "ListBuildBatchesForProject",
                        "ListBuildBatches",
                        "BatchGetBuildBatches",
                        "StartBuildBatch",
                        "StopBuildBatch",
                        "RetryBuildBatch",
                        "DeleteBuildBatch",
                        "StartBuild",
                        "BatchGetBuilds",
                        "ListBuilds",
                        "ListBuildsForProject",
                        "StopBuild",
                        "BatchDeleteBuilds",
                        "RetryBuild",
                        "CreateProject",
                        "BatchGetProjects",
                        "ListProjects",
                        "UpdateProject",
                        "DeleteProject");
        assertThat(readme).doesNotContain("Only `ListBuildBatchesForProject` is implemented");
    }
}
