package dev.tender.summary;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.tender.report.Summary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** Writes {@code summary.json}: the {@link Summary} record as indented JSON, keys in a stable order. */
public final class SummaryJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Instant.class, ToStringSerializer.instance))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private SummaryJson() {}

    public static void write(Summary summary, Path file) throws IOException {
        JSON.writeValue(file.toFile(), summary);
    }
}
