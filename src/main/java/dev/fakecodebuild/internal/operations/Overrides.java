package dev.fakecodebuild.internal.operations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.services.codebuild.model.BuildStatusConfig;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.GitSubmodulesConfig;
import software.amazon.awssdk.services.codebuild.model.ProjectEnvironment;
import software.amazon.awssdk.services.codebuild.model.ProjectFleet;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.RegistryCredential;
import software.amazon.awssdk.services.codebuild.model.SourceAuth;

/**
 * How the overrides of {@code StartBuild} and {@code StartBuildBatch} are laid over a project's
 * source and environment: a member the request sets wins, a member it leaves out keeps the
 * project's value, and environment variables are merged by name.
 *
 * <p>The two requests name their overrides alike but are different classes; each start operation
 * gathers its overrides into {@link Source} and {@link Environment}, and the merge lives here once.
 * Enum members travel as the strings that were sent.
 */
final class Overrides {

    private Overrides() {}

    /** The source members a start request can override; {@code null} where it sets none. */
    record Source(
            String type,
            String location,
            SourceAuth auth,
            Integer gitCloneDepth,
            GitSubmodulesConfig gitSubmodulesConfig,
            String buildspec,
            Boolean insecureSsl,
            Boolean reportBuildStatus,
            BuildStatusConfig buildStatusConfig) {

        boolean any() {
            return Stream.of(
                            type,
                            location,
                            auth,
                            gitCloneDepth,
                            gitSubmodulesConfig,
                            buildspec,
                            insecureSsl,
                            reportBuildStatus,
                            buildStatusConfig)
                    .anyMatch(Objects::nonNull);
        }
    }

    /**
     * The environment members a start request can override; {@code null} where it sets none, and
     * {@code variables} {@code null} when the request sent no list.
     */
    record Environment(
            String type,
            String image,
            String computeType,
            String certificate,
            Boolean privilegedMode,
            String imagePullCredentialsType,
            RegistryCredential registryCredential,
            ProjectFleet fleet,
            List<EnvironmentVariable> variables) {

        boolean any() {
            return Stream.of(
                            type,
                            image,
                            computeType,
                            certificate,
                            privilegedMode,
                            imagePullCredentialsType,
                            registryCredential,
                            fleet,
                            variables)
                    .anyMatch(Objects::nonNull);
        }
    }

    /** The project's source with the overrides laid over it; the project's own if none. */
    static ProjectSource source(ProjectSource project, Source overrides) {
        if (!overrides.any()) {
            return project;
        }
        ProjectSource base = project == null ? ProjectSource.builder().build() : project;
        return base.toBuilder()
                .type(first(overrides.type(), base.typeAsString()))
                .location(first(overrides.location(), base.location()))
                .auth(first(overrides.auth(), base.auth()))
                .gitCloneDepth(first(overrides.gitCloneDepth(), base.gitCloneDepth()))
                .gitSubmodulesConfig(
                        first(overrides.gitSubmodulesConfig(), base.gitSubmodulesConfig()))
                .buildspec(first(overrides.buildspec(), base.buildspec()))
                .insecureSsl(first(overrides.insecureSsl(), base.insecureSsl()))
                .reportBuildStatus(first(overrides.reportBuildStatus(), base.reportBuildStatus()))
                .buildStatusConfig(first(overrides.buildStatusConfig(), base.buildStatusConfig()))
                .build();
    }

    /** The project's environment with the overrides laid over it; the project's own if none. */
    static ProjectEnvironment environment(ProjectEnvironment project, Environment overrides) {
        if (!overrides.any()) {
            return project;
        }
        ProjectEnvironment base = project == null ? ProjectEnvironment.builder().build() : project;
        ProjectEnvironment.Builder merged = base.toBuilder();
        if (overrides.variables() != null) {
            merged.environmentVariables(
                    variables(base.environmentVariables(), overrides.variables()));
        }
        return merged.type(first(overrides.type(), base.typeAsString()))
                .image(first(overrides.image(), base.image()))
                .computeType(first(overrides.computeType(), base.computeTypeAsString()))
                .certificate(first(overrides.certificate(), base.certificate()))
                .privilegedMode(first(overrides.privilegedMode(), base.privilegedMode()))
                .imagePullCredentialsType(
                        first(
                                overrides.imagePullCredentialsType(),
                                base.imagePullCredentialsTypeAsString()))
                .registryCredential(
                        first(overrides.registryCredential(), base.registryCredential()))
                .fleet(first(overrides.fleet(), base.fleet()))
                .build();
    }

    /**
     * The project's variables with the overrides laid over them by name: the project's first in
     * their order, with the override's value where it names the same variable, then the new names
     * in the order sent. Variables without a name keep their place at the end.
     */
    private static List<EnvironmentVariable> variables(
            List<EnvironmentVariable> project, List<EnvironmentVariable> overrides) {
        Map<String, EnvironmentVariable> byName = new LinkedHashMap<>();
        List<EnvironmentVariable> unnamed = new ArrayList<>();
        for (List<EnvironmentVariable> list : List.of(project, overrides)) {
            for (EnvironmentVariable variable : list) {
                if (variable.name() == null) {
                    unnamed.add(variable);
                } else {
                    byName.put(variable.name(), variable);
                }
            }
        }
        List<EnvironmentVariable> merged = new ArrayList<>(byName.values());
        merged.addAll(unnamed);
        return merged;
    }

    /** The first value that is not {@code null}, or {@code null}. */
    @SafeVarargs
    static <T> T first(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
