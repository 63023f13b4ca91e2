package dev.fakecodebuild.internal.server;

import dev.fakecodebuild.RecordedCall;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Undertow handler: reads the whole body without blocking, has the {@link Dispatcher} answer,
 * records the call, then sends the answer. Everything runs on the connection's I/O thread; the work
 * is in memory and short, so handing it to another thread would only cost.
 */
final class CodeBuildHttpHandler implements HttpHandler {

    private static final HttpString TARGET = new HttpString("X-Amz-Target");
    private static final HttpString REQUEST_ID = new HttpString("x-amzn-RequestId");
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final Dispatcher dispatcher;
    private final CallJournal journal;

    CodeBuildHttpHandler(Dispatcher dispatcher, CallJournal journal) {
        this.dispatcher = dispatcher;
        this.journal = journal;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getRequestReceiver()
                .receiveFullBytes(this::answer, CodeBuildHttpHandler::unreadable);
    }

    private void answer(HttpServerExchange exchange, byte[] bytes) {
        String body = new String(bytes, StandardCharsets.UTF_8);
        String method = exchange.getRequestMethod().toString();
        String path = exchange.getRequestPath();
        String target = exchange.getRequestHeaders().getFirst(TARGET);

        Answer answer;
        try {
            answer = dispatcher.answer(method, path, target, body);
        } catch (RuntimeException e) {
            // The dispatcher answers every failure it knows of; this is the last safety net.
            answer = Answer.error("", null, 500, "InternalFailure", "fake-codebuild failed: " + e);
        }
        journal.add(
                new RecordedCall(
                        answer.operation(),
                        answer.request(),
                        method,
                        path,
                        headersOf(exchange),
                        body,
                        answer.statusCode(),
                        answer.errorCode()));
        send(exchange, answer.statusCode(), answer.body());
    }

    private static Map<String, List<String>> headersOf(HttpServerExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HeaderValues values : exchange.getRequestHeaders()) {
            headers.put(values.getHeaderName().toString(), List.copyOf(values));
        }
        return headers;
    }

    private static void unreadable(HttpServerExchange exchange, IOException e) {
        if (e instanceof RequestTooBigException) {
            send(
                    exchange,
                    413,
                    Answer.error(
                                    "",
                                    null,
                                    413,
                                    "SerializationException",
                                    "The request body is too large: " + e.getMessage())
                            .body());
        } else {
            // The client went away mid-request; there is nobody to answer.
            exchange.endExchange();
        }
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
