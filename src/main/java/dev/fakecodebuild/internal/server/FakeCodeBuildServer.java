package dev.fakecodebuild.internal.server;

import dev.fakecodebuild.internal.operations.Operations;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.handlers.HttpContinueReadHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * A running fake: an HTTP/1.1 server on {@code 127.0.0.1} and a free port, serving CodeBuild's wire
 * protocol.
 *
 * <p>It is assembled from Undertow's parts rather than started through {@link Undertow}, whose
 * start and stop log at INFO, and with an XNIO worker sized for a test: one I/O thread, which also
 * does the work, and daemon threads so that a server nobody closed cannot keep a JVM alive. A suite
 * starts hundreds of these, so nothing here is made per request that can be made once.
 */
public final class FakeCodeBuildServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("dev.fakecodebuild");
    private static final AtomicInteger SERVERS = new AtomicInteger();
    private static final long STOP_TIMEOUT_SECONDS = 5;

    private final XnioWorker worker;
    private final AcceptingChannel<StreamConnection> channel;
    private final ByteBufferPool buffers;
    private final CallJournal journal;
    private final Faults faults;
    private final URI endpoint;

    private FakeCodeBuildServer(
            XnioWorker worker,
            AcceptingChannel<StreamConnection> channel,
            ByteBufferPool buffers,
            CallJournal journal,
            Faults faults) {
        this.worker = worker;
        this.channel = channel;
        this.buffers = buffers;
        this.journal = journal;
        this.faults = faults;
        int port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Start a server for the given operations.
     *
     * @param operations what the server implements
     * @return the running server
     * @throws IOException if no port could be bound
     */
    public static FakeCodeBuildServer start(Operations operations) throws IOException {
        CallJournal journal = new CallJournal();
        Faults faults = new Faults(operations);
        var handler =
                new HttpContinueReadHandler(
                        new CodeBuildHttpHandler(new Dispatcher(operations), journal, faults));
        XnioWorker worker =
                QuietXnio.instance()
                        .createWorker(
                                OptionMap.builder()
                                        .set(
                                                Options.WORKER_NAME,
                                                "fake-codebuild-" + SERVERS.incrementAndGet())
                                        .set(Options.WORKER_IO_THREADS, 1)
                                        .set(Options.WORKER_TASK_CORE_THREADS, 1)
                                        .set(Options.WORKER_TASK_MAX_THREADS, 1)
                                        .set(Options.THREAD_DAEMON, true)
                                        .set(Options.TCP_NODELAY, true)
                                        .getMap());
        ByteBufferPool buffers = new DefaultByteBufferPool(false, 16 * 1024, -1, 4);
        try {
            var openListener =
                    new HttpOpenListener(
                            buffers,
                            OptionMap.builder()
                                    // No limit here: the handler applies its own, so that a
                                    // body too large is answered as CodeBuild would.
                                    .set(UndertowOptions.MAX_ENTITY_SIZE, -1L)
                                    .set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
                                    .getMap());
            openListener.setRootHandler(handler);
            AcceptingChannel<StreamConnection> channel =
                    worker.createStreamConnectionServer(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                            ChannelListeners.openListenerAdapter(openListener),
                            OptionMap.builder()
                                    .set(Options.TCP_NODELAY, true)
                                    .set(Options.REUSE_ADDRESSES, true)
                                    .getMap());
            channel.resumeAccepts();
            var server = new FakeCodeBuildServer(worker, channel, buffers, journal, faults);
            LOG.log(Level.DEBUG, () -> "fake-codebuild listening on " + server.endpoint);
            return server;
        } catch (IOException | RuntimeException e) {
            worker.shutdownNow();
            buffers.close();
            throw e;
        }
    }

    /**
     * Return the address clients use.
     *
     * @return {@code http://127.0.0.1:{port}}
     */
    public URI endpoint() {
        return endpoint;
    }

    /**
     * Return the calls this server received.
     *
     * @return the journal
     */
    public CallJournal journal() {
        return journal;
    }

    /**
     * Return the faults this server gives to calls.
     *
     * @return the faults, empty at start
     */
    public Faults faults() {
        return faults;
    }

    /**
     * Stop accepting, close every connection and wait for the server's threads to end.
     *
     * @throws IllegalStateException if the threads did not end within five seconds
     */
    @Override
    public void close() {
        IoUtils.safeClose(channel);
        worker.shutdown();
        boolean stopped;
        try {
            stopped = worker.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = false;
        }
        buffers.close();
        if (!stopped) {
            worker.shutdownNow();
            throw new IllegalStateException(
                    "fake-codebuild at "
                            + endpoint
                            + " did not stop within "
                            + STOP_TIMEOUT_SECONDS
                            + " seconds");
        }
        LOG.log(Level.DEBUG, () -> "fake-codebuild at " + endpoint + " stopped");
    }

    /**
     * The XNIO provider, created once per JVM. XNIO logs its version at INFO when its classes load;
     * through java.util.logging (jboss-logging's choice when no other backend is present) that line
     * is held back by raising the two loggers' levels for that moment only, then putting back
     * whatever the user had set.
     */
    private static final class QuietXnio {

        private static final Xnio XNIO = load();

        static Xnio instance() {
            return XNIO;
        }

        private static Xnio load() {
            Logger api = Logger.getLogger("org.xnio");
            Logger nio = Logger.getLogger("org.xnio.nio");
            java.util.logging.Level apiLevel = api.getLevel();
            java.util.logging.Level nioLevel = nio.getLevel();
            api.setLevel(java.util.logging.Level.WARNING);
            nio.setLevel(java.util.logging.Level.WARNING);
            try {
                return Xnio.getInstance(Undertow.class.getClassLoader());
            } finally {
                api.setLevel(apiLevel);
                nio.setLevel(nioLevel);
            }
        }
    }
}
