package dev.fakecodebuild.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.Project;

/** An idempotency token holds for five minutes of the model's clock, and no longer. */
class IdempotencyWindowTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-04T10:00:00Z"));
    private final CodeBuildModel model =
            new CodeBuildModel(new Arns(Region.US_EAST_1, "123456789012"), clock);
    private final Build template = Build.builder().projectName("web-app").build();

    @BeforeEach
    void addProject() {
        model.addProject(Project.builder().name("web-app").build());
    }

    @Test
    void theSameRequestWithinFiveMinutesGetsTheSameBuild() {
        Build first = model.startBuild(template, token("request"));

        clock.advance(Duration.ofMinutes(5));
        Build again = model.startBuild(template, token("request"));

        assertThat(again).isEqualTo(first);
        assertThat(model.builds()).containsExactly(first);
    }

    @Test
    void afterFiveMinutesTheTokenStartsANewBuild() {
        Build first = model.startBuild(template, token("request"));

        clock.advance(Duration.ofMinutes(5).plusMillis(1));
        Build later = model.startBuild(template, token("request"));

        assertThat(later.id()).isNotEqualTo(first.id());
        assertThat(later.buildNumber()).isEqualTo(2L);
    }

    @Test
    void anotherRequestWithinFiveMinutesIsRefused() {
        model.startBuild(template, token("request"));

        clock.advance(Duration.ofMinutes(4));

        assertThatThrownBy(() -> model.startBuild(template, token("other request")))
                .isInstanceOfSatisfying(
                        ModelException.class,
                        e ->
                                assertThat(e.reason())
                                        .isEqualTo(ModelException.Reason.TOKEN_MISMATCH));
    }

    @Test
    void anotherRequestAfterFiveMinutesIsAccepted() {
        model.startBuild(template, token("request"));

        clock.advance(Duration.ofMinutes(6));
        Build later = model.startBuild(template, token("other request"));

        assertThat(later.buildNumber()).isEqualTo(2L);
    }

    @Test
    void theWindowHoldsForBatchesToo() {
        BuildBatch batchTemplate = BuildBatch.builder().projectName("web-app").build();
        BuildBatch first = model.startBuildBatch(batchTemplate, token("batch"));

        clock.advance(Duration.ofMinutes(5).plusMillis(1));
        BuildBatch later = model.startBuildBatch(batchTemplate, token("batch"));

        assertThat(later.id()).isNotEqualTo(first.id());
        assertThat(later.buildBatchNumber()).isEqualTo(2L);
    }

    private static CodeBuildModel.Idempotency token(Object request) {
        return new CodeBuildModel.Idempotency("StartBuild\ntoken-1", request);
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
