package dev.fakecodebuild.internal.junit;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.codebuild.CodeBuildAsyncClient;
import software.amazon.awssdk.services.codebuild.CodeBuildAsyncClientBuilder;

/**
 * A {@link CodeBuildAsyncClient} on the SDK's Netty HTTP client, with threads of its own that all
 * end when it is closed.
 *
 * <p>The SDK would start two thread pools for an async client: Netty's event loop, which it leaves
 * running when the client is closed if it was given one, and the executor that completes the
 * client's futures, which it shuts down without waiting. This class gives the client both, named
 * {@code fake-codebuild-async-<n> event-loop} and {@code fake-codebuild-async-<n> response-<m>},
 * and on close stops them and waits, boundedly, for their threads to end.
 *
 * <p>This is the only class that names Netty, which is an optional dependency: {@link FakeHolder}
 * loads it only after finding Netty on the classpath.
 */
final class NettyAsyncClient implements AutoCloseable {

    /** How long close waits for the client's threads to end. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger("dev.fakecodebuild");

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final CodeBuildAsyncClient client;
    private final EventLoopGroup eventLoop;
    private final ExecutorService completions;
    private final Threads threads;

    private NettyAsyncClient(
            CodeBuildAsyncClient client,
            EventLoopGroup eventLoop,
            ExecutorService completions,
            Threads threads) {
        this.client = client;
        this.eventLoop = eventLoop;
        this.completions = completions;
        this.threads = threads;
    }

    /** Build the async client of this holder's fake. */
    static NettyAsyncClient start(FakeHolder holder) {
        Threads threads = new Threads("fake-codebuild-async-" + CLIENTS.incrementAndGet());
        EventLoopGroup eventLoop = new NioEventLoopGroup(1, threads.named("event-loop"));
        ExecutorService completions = completions(threads);
        try {
            NettyNioAsyncHttpClient.Builder http =
                    NettyNioAsyncHttpClient.builder()
                            // The fake's server speaks HTTP/1.1, as CodeBuild does.
                            .protocol(Protocol.HTTP1_1)
                            .eventLoopGroup(
                                    SdkEventLoopGroup.create(eventLoop, NioSocketChannel::new));
            CodeBuildAsyncClientBuilder builder =
                    CodeBuildAsyncClient.builder()
                            .httpClientBuilder(http)
                            .asyncConfiguration(
                                    c ->
                                            c.advancedOption(
                                                    SdkAdvancedAsyncClientOption
                                                            .FUTURE_COMPLETION_EXECUTOR,
                                                    completions));
            CodeBuildAsyncClientBuilder configured = holder.configure(builder);
            CodeBuildAsyncClient client =
                    FakeHolder.build(configured::build, () -> configured.httpClientBuilder(null));
            return new NettyAsyncClient(client, eventLoop, completions, threads);
        } catch (RuntimeException | Error e) {
            stop(eventLoop, completions, threads);
            throw e;
        }
    }

    /** Sized as the SDK sizes its own, which this replaces; idle threads end after 10 s. */
    private static ExecutorService completions(Threads threads) {
        int processors = Runtime.getRuntime().availableProcessors();
        ThreadPoolExecutor executor =
                new ThreadPoolExecutor(
                        Math.max(8, processors),
                        Math.max(64, 2 * processors),
                        10,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(1000),
                        threads.numbered("response"));
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    CodeBuildAsyncClient client() {
        return client;
    }

    /** Close the client, then stop its threads and wait, boundedly, for them to end. */
    @Override
    public void close() {
        try {
            client.close();
        } finally {
            stop(eventLoop, completions, threads);
        }
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the threads' end is awaited instead
    private static void stop(
            EventLoopGroup eventLoop, ExecutorService completions, Threads threads) {
        eventLoop.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
        completions.shutdown();
        List<Thread> alive = threads.awaitEnd(STOP_TIMEOUT);
        if (!alive.isEmpty()) {
            LOG.log(
                    Level.WARNING,
                    () ->
                            "Threads of a fake's CodeBuildAsyncClient did not end within "
                                    + STOP_TIMEOUT.toSeconds()
                                    + " s: "
                                    + alive.stream().map(Thread::getName).toList());
        }
    }

    /** Makes the client's threads, daemons named after it, and remembers them to wait for. */
    private static final class Threads {

        private final String prefix;
        private final List<Thread> made = new CopyOnWriteArrayList<>();

        Threads(String prefix) {
            this.prefix = prefix;
        }

        ThreadFactory named(String name) {
            return task -> make(task, prefix + " " + name);
        }

        ThreadFactory numbered(String name) {
            AtomicInteger count = new AtomicInteger();
            return task -> make(task, prefix + " " + name + "-" + count.incrementAndGet());
        }

        private Thread make(Runnable task, String name) {
            // Netty's own thread type, which clears Netty's thread locals when its task ends.
            Thread thread = new FastThreadLocalThread(task, name);
            thread.setDaemon(true);
            made.add(thread);
            return thread;
        }

        /**
         * Wait until every thread made has ended, or the timeout has passed.
         *
         * @return the threads still alive
         */
        List<Thread> awaitEnd(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                for (Thread thread : made) {
                    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                    if (left > 0) {
                        thread.join(left);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return made.stream().filter(Thread::isAlive).toList();
        }
    }
}
