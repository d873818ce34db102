package dev.lifeguard.cli.lsp;

import com.google.gson.JsonParseException;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageConsumer;
import org.eclipse.lsp4j.jsonrpc.json.StreamMessageProducer;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * lsp4j's server launcher, with one difference: a message that is not JSON-RPC at all (broken JSON, a
 * missing {@code Content-Length}) is answered with a JSON-RPC parse error ({@code id: null}, as JSON-RPC 2.0
 * asks when the id cannot be read) and one log line, where lsp4j would log a stack trace and answer nothing.
 * A request lsp4j can read but not use (wrong parameter types) already gets its error from lsp4j.
 */
final class ServerLauncher extends LSPLauncher.Builder<LanguageClient> {
    private final PrintStream log;
    private MessageJsonHandler json;
    private RemoteEndpoint endpoint;
    private MessageConsumer outgoing;

    ServerLauncher(Object server, InputStream in, java.io.OutputStream out, PrintStream log) {
        this.log = log;
        setLocalService(server);
        setRemoteInterface(LanguageClient.class);
        setInput(in);
        setOutput(out);
    }

    @Override
    protected MessageJsonHandler createJsonHandler() {
        json = super.createJsonHandler();
        return json;
    }

    /** As lsp4j builds it, keeping the outgoing stream, which the parse errors are written to. */
    @Override
    protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
        outgoing = wrapMessageConsumer(new StreamMessageConsumer(output, jsonHandler));
        var local = ServiceEndpoints.toEndpoint(localServices);
        endpoint = exceptionHandler == null ? new RemoteEndpoint(outgoing, local)
                : new RemoteEndpoint(outgoing, local, exceptionHandler);
        jsonHandler.setMethodProvider(endpoint);
        endpoint.setJsonHandler(jsonHandler);
        return endpoint;
    }

    @Override
    protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer reader, MessageConsumer consumer,
                                                                LanguageClient remoteProxy) {
        return super.createMessageProcessor(new Producer(input, json, endpoint), consumer, remoteProxy);
    }

    private final class Producer extends StreamMessageProducer {
        Producer(InputStream input, MessageJsonHandler json, MessageIssueHandler issues) {
            super(input, json, issues);
        }

        @Override
        protected void fireError(Throwable error) {
            boolean unreadable = isUnreadable(error);
            log.println("lifeguard lsp: " + (unreadable ? "message could not be parsed: " : "error: ")
                    + ProtocolLog.firstLine(ProtocolLog.describe(error)));
            log.flush();
            if (unreadable) {
                ResponseMessage response = new ResponseMessage();
                response.setRawId(null); // JSON-RPC 2.0: "id": null when the request's id could not be read
                response.setError(new ResponseError(ResponseErrorCode.ParseError,
                        "Message could not be parsed: " + ProtocolLog.firstLine(ProtocolLog.describe(error)), null));
                try {
                    outgoing.consume(response);
                } catch (RuntimeException e) {
                    log.println("lifeguard lsp: error: could not answer: " + ProtocolLog.firstLine(ProtocolLog.describe(e)));
                }
            }
        }
    }

    /** Broken JSON, or framing lsp4j could not read (its header errors are IllegalStateExceptions). */
    static boolean isUnreadable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParseException || t instanceof com.google.gson.stream.MalformedJsonException) {
                return true;
            }
        }
        return error instanceof IllegalStateException;
    }
}
