package dev.fakecodebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers point one way, junit -> server -> operations -> model, and the public package reaches
 * inward only to register the extension. Checked on the sources, where every reference to another
 * package of ours is written out.
 */
class LayeringTest {

    private static final Path MAIN = Path.of("src/main/java/dev/fakecodebuild");
    private static final Pattern REFERENCE =
            Pattern.compile("dev\\.fakecodebuild\\.internal\\.(\\w+)");

    /** For each package, the internal packages it must not name. */
    private static final Map<String, List<String>> FORBIDDEN =
            Map.of(
                    "model", List.of("operations", "server", "junit"),
                    "operations", List.of("server", "junit"),
                    "server", List.of("junit"),
                    "api", List.of("model", "operations", "server"));

    @Test
    void everyLayerUsesOnlyTheLayersBelowIt() throws IOException {
        List<String> violations;
        try (Stream<Path> files = Files.walk(MAIN)) {
            violations =
                    files.filter(file -> file.toString().endsWith(".java"))
                            .flatMap(LayeringTest::violations)
                            .toList();
        }

        assertThat(violations).isEmpty();
    }

    @Test
    void theCheckSeesEveryLayer() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            assertThat(files.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()))
                    .contains("model", "operations", "server", "junit");
        }
    }

    private static Stream<String> violations(Path file) {
        String layer = layerOf(file);
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher reference = REFERENCE.matcher(source);
        Stream.Builder<String> found = Stream.builder();
        while (reference.find()) {
            if (FORBIDDEN.getOrDefault(layer, List.of()).contains(reference.group(1))) {
                found.add(MAIN.relativize(file) + " (" + layer + ") uses " + reference.group());
            }
        }
        return found.build();
    }

    private static String layerOf(Path file) {
        Path relative = MAIN.relativize(file);
        return relative.getNameCount() > 2 && relative.getName(0).toString().equals("internal")
                ? relative.getName(1).toString()
                : "api";
    }
}
