package dev.fakecodebuild.internal.server;

import dev.fakecodebuild.Fault;
import dev.fakecodebuild.RecordedCall;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * The Undertow handler: reads the whole body without blocking, has the {@link Dispatcher} answer,
 * records the call, then sends the answer. Everything runs on the connection's I/O thread; the work
 * is in memory and short, so handing it to another thread would only cost.
 */
final class CodeBuildHttpHandler implements HttpHandler {

    private static final HttpString TARGET = new HttpString("X-Amz-Target");
    private static final HttpString REQUEST_ID = new HttpString("x-amzn-RequestId");
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final long MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final Dispatcher dispatcher;
    private final CallJournal journal;
    private final Faults faults;

    CodeBuildHttpHandler(Dispatcher dispatcher, CallJournal journal, Faults faults) {
        this.dispatcher = dispatcher;
        this.journal = journal;
        this.faults = faults;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        // Set here rather than on the listener, which would refuse a large Content-Length
        // itself with an empty 400 before this handler could answer in CodeBuild's form.
        exchange.setMaxEntitySize(MAX_BODY_BYTES);
        exchange.getRequestReceiver().receiveFullBytes(this::answer, this::unreadable);
    }

    /** Answer the call, unless a fault set for its operation answers instead. */
    private void answer(HttpServerExchange exchange, byte[] bytes) {
        String body = utf8(bytes);
        String method = exchange.getRequestMethod().toString();
        String path = exchange.getRequestPath();
        String target = exchange.getRequestHeaders().getFirst(TARGET);
        String recordedBody = body != null ? body : new String(bytes, StandardCharsets.UTF_8);

        Optional<String> operation = dispatcher.operationOf(method, path, target);
        Optional<Fault> fault = operation.flatMap(faults::take);
        if (fault.isPresent() && fault.get().dropsConnection()) {
            drop(exchange, operation.get(), recordedBody);
            return;
        }
        Answer answer;
        if (fault.isPresent() && fault.get().errorCode().isPresent()) {
            answer = faultAnswer(operation.get(), body, fault.get());
        } else {
            answer = dispatch(method, path, target, body);
        }
        record(exchange, answer, recordedBody);
        Optional<Duration> delay = fault.flatMap(Fault::delay);
        if (delay.isPresent()) {
            sendLater(exchange, answer, delay.get());
        } else {
            send(exchange, answer.statusCode(), answer.body());
        }
    }

    private Answer dispatch(String method, String path, String target, String body) {
        try {
            return dispatcher.answer(method, path, target, body);
        } catch (RuntimeException e) {
            // The dispatcher answers every failure it knows of; this is the last safety net.
            return Answer.error("", null, 500, "InternalFailure", "fake-codebuild failed: " + e);
        }
    }

    private Answer faultAnswer(String operation, String body, Fault fault) {
        return Answer.error(
                operation,
                dispatcher.decodeIfPossible(operation, body),
                fault.statusCode().orElseThrow(),
                fault.errorCode().orElseThrow(),
                fault.message().orElseThrow());
    }

    /** Record the call with status 0 and no error code, then close the connection unanswered. */
    private void drop(HttpServerExchange exchange, String operation, String body) {
        record(
                exchange,
                new Answer(operation, dispatcher.decodeIfPossible(operation, body), 0, "", null),
                body);
        exchange.setPersistent(false);
        IoUtils.safeClose(exchange.getConnection());
    }

    /**
     * Send the answer after the delay, from a timer of the connection's I/O thread, so that the
     * thread goes on serving other connections meanwhile. The dispatch keeps the exchange open once
     * this handler returns. A stopping server drops its timers with its threads; a client that
     * gives up first closes the connection, which cancels the timer, so the answer is not held for
     * the rest of the delay.
     */
    private static void sendLater(HttpServerExchange exchange, Answer answer, Duration delay) {
        exchange.dispatch(
                SameThreadExecutor.INSTANCE,
                () -> {
                    XnioExecutor.Key timer =
                            exchange.getIoThread()
                                    .executeAfter(
                                            () ->
                                                    send(
                                                            exchange,
                                                            answer.statusCode(),
                                                            answer.body()),
                                            delay.toNanos(),
                                            TimeUnit.NANOSECONDS);
                    exchange.getConnection().addCloseListener(connection -> timer.remove());
                });
    }

    /** The body as text, or {@code null} if it is not UTF-8, which a JSON text must be. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private void record(HttpServerExchange exchange, Answer answer, String body) {
        journal.add(
                new RecordedCall(
                        answer.operation(),
                        answer.request(),
                        exchange.getRequestMethod().toString(),
                        exchange.getRequestPath(),
                        headersOf(exchange),
                        body,
                        answer.statusCode(),
                        answer.errorCode()));
    }

    private static Map<String, List<String>> headersOf(HttpServerExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            headers.put(values.getHeaderName().toString(), List.copyOf(values));
        }
        return headers;
    }

    private void unreadable(HttpServerExchange exchange, IOException e) {
        if (!(e instanceof RequestTooBigException)) {
            // The client went away mid-request; there is nobody to answer.
            exchange.endExchange();
            return;
        }
        String target = exchange.getRequestHeaders().getFirst(TARGET);
        String operation = target == null ? "" : target.replaceFirst("^CodeBuild_20161006\\.", "");
        Answer answer =
                Answer.error(
                        operation,
                        null,
                        413,
                        "SerializationException",
                        "The request body is larger than 16 MiB, the most fake-codebuild accepts");
        record(exchange, answer, "");
        // The rest of the body is never read, so the connection cannot carry another request.
        exchange.setPersistent(false);
        send(exchange, answer.statusCode(), answer.body());
    }

    private static void send(HttpServerExchange exchange, int status, String body) {
        if (status == 405) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "POST");
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders()
                .put(Headers.CONTENT_TYPE, CONTENT_TYPE)
                .put(REQUEST_ID, UUID.randomUUID().toString());
        exchange.getResponseSender().send(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
    }
}
