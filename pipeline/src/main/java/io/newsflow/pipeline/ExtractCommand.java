package io.newsflow.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.extraction.EntityMention;
import io.newsflow.extraction.Extraction;
import io.newsflow.extraction.Extractor;
import io.newsflow.extraction.FigureKind;
import io.newsflow.extraction.FigureMention;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The extraction library alone, as a filter: JSON Lines documents in, one JSON line of entities and figures out per
 * document, in input order, and nothing else on standard output. One JVM serves the whole stream.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Extract entities and figures.",
                "Reads JSON Lines {\"id\": ..., \"text\": ..., \"lang\": \"ar\"|\"en\" (optional)} from standard input,",
                "or the files given (each file one document whose id is its path).",
                "Writes one JSON line per document; a bad input line yields {\"id\": ..., \"error\": ...}."})
final class ExtractCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Story files; standard input when none.")
    List<Path> files = List.of();

    @Override
    public Integer call() throws IOException {
        Extractor extractor = Extractor.load();
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        if (files.isEmpty()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    out.write(processLine(extractor, line));
                    out.write('\n');
                }
                // Flush only when the next line is not already waiting, so piping a big file stays fast and an
                // interactive caller still sees each answer at once.
                if (!in.ready()) {
                    out.flush();
                }
            }
        } else {
            for (Path file : files) {
                String id = file.toString();
                String result;
                try {
                    result = render(id, extractor.extract(Files.readString(file, StandardCharsets.UTF_8), null, null));
                } catch (IOException | RuntimeException e) {
                    result = error(id, describe(e));
                }
                out.write(result);
                out.write('\n');
            }
        }
        out.flush();
        return 0;
    }

    static String processLine(Extractor extractor, String line) {
        JsonNode doc;
        try {
            doc = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return error(null, "not a JSON document: " + e.getOriginalMessage());
        }
        String id = doc.path("id").isValueNode() && !doc.path("id").isNull() ? doc.path("id").asText() : null;
        if (!doc.isObject()) {
            return error(id, "expected a JSON object");
        }
        JsonNode text = doc.get("text");
        if (text == null || !text.isTextual()) {
            return error(id, "missing string field \"text\"");
        }
        JsonNode lang = doc.get("lang");
        String hint = lang != null && lang.isTextual() && !lang.asText().isBlank() ? lang.asText() : null;
        try {
            return render(id, extractor.extract(text.asText(), hint, null));
        } catch (RuntimeException e) {
            return error(id, describe(e));
        }
    }

    static String render(String id, Extraction extraction) {
        try {
            var buffer = new java.io.StringWriter(256);
            try (JsonGenerator json = JSON.getFactory().createGenerator(buffer)) {
                json.writeStartObject();
                json.writeStringField("id", id);
                json.writeStringField("language", extraction.language());
                json.writeArrayFieldStart("entities");
                for (EntityMention e : extraction.entities()) {
                    json.writeStartObject();
                    json.writeStringField("type", e.type().name());
                    json.writeStringField("text", e.text());
                    json.writeNumberField("start", e.start());
                    json.writeNumberField("end", e.end());
                    json.writeStringField("id", e.canonicalId());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeArrayFieldStart("figures");
                for (FigureMention f : extraction.figures()) {
                    json.writeStartObject();
                    json.writeStringField("kind", f.kind().name());
                    json.writeFieldName("value");
                    if (f.kind() == FigureKind.DATE || (f.value() == null && f.isoValue() != null)) {
                        json.writeString(f.isoValue());
                    } else {
                        writeNumber(json, f.value());
                    }
                    json.writeFieldName("min");
                    writeNumber(json, f.min());
                    json.writeFieldName("max");
                    writeNumber(json, f.max());
                    json.writeStringField("unit", f.unit());
                    json.writeStringField("currency", f.currency());
                    json.writeStringField("text", f.text());
                    json.writeNumberField("start", f.start());
                    json.writeNumberField("end", f.end());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            return buffer.toString();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to memory failed", e);
        }
    }

    /** Whole numbers print without a fraction ({@code 771}, not {@code 771.0}), as a reader of the output expects. */
    private static void writeNumber(JsonGenerator json, Double value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            json.writeNumber(value.longValue());
        } else {
            json.writeNumber(value);
        }
    }

    private static String error(String id, String message) {
        try {
            var node = JSON.createObjectNode();
            node.put("id", id);
            node.put("error", message);
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
