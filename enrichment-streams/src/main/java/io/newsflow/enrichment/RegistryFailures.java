package io.newsflow.enrichment;

import com.microsoft.kiota.ApiException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Tells a registry that cannot answer now from a record that can never be read. The first is retried: the schema
 * id in the record is fine, only the lookup failed. The second is a poison pill.
 */
final class RegistryFailures {

    private RegistryFailures() {
    }

    static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
            // The Apicurio client reports HTTP errors as Kiota ApiExceptions: 404 is an unknown schema id (the
            // record is bad), 5xx and 429 are the registry or its database in trouble.
            if (cause instanceof ApiException api) {
                int status = api.getResponseStatusCode();
                return status >= 500 || status == 429;
            }
        }
        return false;
    }
}
