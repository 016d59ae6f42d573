package io.newsflow.schemas;

import com.microsoft.kiota.ApiException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a registry that cannot answer now from a record that can never be read. The first is waited out: the schema
 * id in the record is fine, only the lookup failed. The second is a poison pill.
 *
 * <p>Only network failures count as the first kind, not every {@code IOException}: a truncated Avro body fails
 * with an {@code EOFException}, and retrying that would stall the partition on a poison pill forever. The registry
 * client talks HTTP through Vert.x and Netty, which read no record: their exceptions (a connection closed before
 * the answer, as by a registry going down) are always the transport's.
 */
public final class RegistryFailures {

    private RegistryFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RegistryUnavailableException
                    || cause instanceof SocketException || cause instanceof SocketTimeoutException
                    || cause instanceof UnknownHostException || cause instanceof HttpTimeoutException
                    || cause instanceof ClosedChannelException || cause instanceof TimeoutException
                    || cause.getClass().getName().startsWith("io.vertx.")
                    || cause.getClass().getName().startsWith("io.netty.")) {
                return true;
            }
            // The Apicurio client reports HTTP errors as Kiota ApiExceptions: 5xx and 429 are the registry or its
            // database in trouble. A 404 is an unknown schema id, which the readers judge apart: it is the record's
            // fault only where the registry knows the pipeline's subjects.
            if (cause instanceof ApiException api) {
                int status = api.getResponseStatusCode();
                return status >= 500 || status == 429;
            }
        }
        return false;
    }
}
