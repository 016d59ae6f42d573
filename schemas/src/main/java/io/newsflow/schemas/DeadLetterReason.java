package io.newsflow.schemas;

import com.microsoft.kiota.ApiException;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Why a record went to the dead-letter topic, in plain words: the value of the {@value #HEADER} header, and of the
 * one log line about the record. For a value that could not be read, {@link #unreadable} tells what is wrong with
 * its bytes from the bytes themselves and the registry serde's failure: values are expected in the Confluent wire
 * format the pipeline writes (magic byte 0, a 4-byte schema id, Avro binary).
 */
public final class DeadLetterReason {

    /** The dead-letter header that carries the reason, UTF-8 text. */
    public static final String HEADER = "newsflow.error.reason";

    /**
     * On a dead letter republished to its source topic by an operator (the web view's replay): where it was in the
     * dead-letter topic, {@code news.deadletter-P@O}. The enrichment app lets such a record through its duplicate
     * filter, which remembers the failed attempt.
     */
    public static final String REPLAYED_FROM_HEADER = "newsflow.replayed.from";

    private static final byte MAGIC_BYTE = 0;
    private static final int SCHEMA_ID_END = 5;
    private static final int MAX_CAUSE_CHARS = 200;
    private static final int NOT_FOUND = 404;

    private DeadLetterReason() {
    }

    /**
     * @param value   the record's value bytes (null counts as empty)
     * @param failure what the registry deserializer threw for them
     * @return e.g. {@code not Avro in the Confluent wire format (first byte 0x7b, expected 0x00)},
     *         {@code too short for a schema id (3 bytes)}, {@code unknown schema id 42},
     *         {@code does not match the schema (id 7): the value ends before the schema's last field}
     */
    public static String unreadable(byte[] value, Throwable failure) {
        int length = value == null ? 0 : value.length;
        if (length > 0 && value[0] != MAGIC_BYTE) {
            return String.format(Locale.ROOT, "not Avro in the Confluent wire format (first byte 0x%02x, expected 0x00)",
                    value[0] & 0xff);
        }
        if (length < SCHEMA_ID_END) {
            return "too short for a schema id (" + length + (length == 1 ? " byte)" : " bytes)");
        }
        int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
        if (isUnknownSchemaId(failure)) {
            return "unknown schema id " + schemaId;
        }
        ApiException refused = registryAnswer(failure);
        if (refused != null) {
            return "schema id " + schemaId + " could not be looked up: the registry answered HTTP "
                    + refused.getResponseStatusCode();
        }
        return "does not match the schema (id " + schemaId + "): " + shortCause(failure);
    }

    /** Whether the registry answered that it has no schema under the id the record names. */
    public static boolean isUnknownSchemaId(Throwable failure) {
        ApiException answer = registryAnswer(failure);
        return answer != null && answer.getResponseStatusCode() == NOT_FOUND;
    }

    private static ApiException registryAnswer(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return api;
            }
        }
        return null;
    }

    /** The innermost cause, on one line: the serdes wrap Avro's own words in two or three layers. */
    private static String shortCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text;
        if (root instanceof EOFException) {
            text = "the value ends before the schema's last field";
        } else if (root.getMessage() == null || root.getMessage().isBlank()) {
            text = root.getClass().getSimpleName();
        } else {
            text = root.getMessage().strip().replaceAll("\\s+", " ");
        }
        return text.length() <= MAX_CAUSE_CHARS ? text : text.substring(0, MAX_CAUSE_CHARS - 1) + "…";
    }
}
