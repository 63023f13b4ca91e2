package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The scope and nesting fixtures again, with their classes running at the same time: each class
 * still sees only its own fake. Every fixture class selected here calls {@link
 * FixtureRunner#rendezvous()} once, in its {@code @BeforeAll} after seeding, so none of them gets
 * to its tests before all of them hold their class state.
 */
class ParallelExecutionTests {

    private static final Class<?>[] FIXTURES = {
        StateScopeTests.PerMethodScopesTestCase.class,
        StateScopeTests.PerClassScopesTestCase.class,
        StateScopeTests.NestedScopesTestCase.class,
        NestingTests.NestedTestCase.class,
        NestingTests.FirstSubclassTestCase.class,
        NestingTests.SecondSubclassTestCase.class,
    };

    @BeforeEach
    void forgetEarlierRuns() {
        StateScopeTests.PerMethodScopesTestCase.seen.clear();
        StateScopeTests.PerClassScopesTestCase.seen.clear();
        StateScopeTests.NestedScopesTestCase.seen.clear();
        NestingTests.NestedTestCase.seen.clear();
        NestingTests.AbstractAnnotatedTestCase.seen.clear();
    }

    @Test
    void classesRunningAtTheSameTimeEachKeepTheirOwnScopes() {
        EngineExecutionResults results = FixtureRunner.runInParallel(FIXTURES);

        // 3 + 3 + 4 tests in the scope fixtures, 4 + 1 + 1 in the nesting ones; the two that
        // fail are the scope fixtures' "second" tests, which fail on purpose.
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.started(16).succeeded(14).failed(2));
        StateScopeTests.assertFailedOnPurpose(
                results, StateScopeTests.PerMethodScopesTestCase.class);
        StateScopeTests.assertFailedOnPurpose(
                results, StateScopeTests.PerClassScopesTestCase.class);
        StateScopeTests.assertPerMethodScopesSeen();
        StateScopeTests.assertPerClassScopesSeen();
        StateScopeTests.assertNestedScopesSeen();
        NestingTests.assertNestedTestCaseSeen();
        NestingTests.assertSubclassesSeen();
    }

    @Test
    void classesRunningAtTheSameTimeEachHaveTheirOwnServer() {
        FixtureRunner.runInParallel(FIXTURES);

        List<URI> endpoints =
                List.of(
                        StateScopeTests.PerMethodScopesTestCase.seen.get("afterAll").endpoint(),
                        StateScopeTests.PerClassScopesTestCase.seen.get("afterAll").endpoint(),
                        StateScopeTests.NestedScopesTestCase.seen.get("outer afterAll").endpoint(),
                        NestingTests.NestedTestCase.seen.get("outer").endpoint(),
                        NestingTests.AbstractAnnotatedTestCase.seen
                                .get(NestingTests.FirstSubclassTestCase.class.getName())
                                .endpoint(),
                        NestingTests.AbstractAnnotatedTestCase.seen
                                .get(NestingTests.SecondSubclassTestCase.class.getName())
                                .endpoint());
        assertThat(endpoints).doesNotHaveDuplicates();
    }
}
