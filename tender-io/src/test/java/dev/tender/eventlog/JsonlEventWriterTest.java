package dev.tender.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tender.agreement.AgreementId;
import dev.tender.agreement.RouteKind;
import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.demand.TenantId;
import dev.tender.event.OfferId;
import dev.tender.event.OfferKind;
import dev.tender.event.ResponseOutcome;
import dev.tender.event.TenderEvent;
import dev.tender.event.TerminalState;
import dev.tender.event.UnmetCause;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log is a public interface: these are its exact bytes. */
class JsonlEventWriterTest {

    static final Instant AT = Instant.parse("2025-01-21T00:00:00Z");
    static final RequestId ID = new RequestId("training-7");
    static final OfferId OFFER = OfferId.parse("training-7.o1").orElseThrow();
    static final ProviderId AZURE = new ProviderId("azure");

    static final Request REQUEST = new Request(
            ID,
            new TenantId("openai"),
            new WorkloadClass("training"),
            new AcceleratorId("GB200"),
            40000,
            Instant.parse("2025-02-20T06:30:00Z"),
            720,
            Duration.ofDays(60),
            List.of(new Region("us-east"), new Region("us-central")),
            Money.ofDollars("14"));

    static final List<TenderEvent> STORY = List.of(
            new TenderEvent.Submitted(1, AT, REQUEST),
            new TenderEvent.Routed(
                    2,
                    AT,
                    ID,
                    RouteKind.ROFR_FIRST_LOOK,
                    List.of(new AgreementId("azure-rofr")),
                    List.of(AZURE, new ProviderId("oracle")),
                    "azure-rofr gives azure the first look"),
            new TenderEvent.Offered(
                    3,
                    AT,
                    ID,
                    OFFER,
                    AZURE,
                    OfferKind.ROFR,
                    40000,
                    AT.plus(Duration.ofDays(5)),
                    new AgreementId("azure-rofr"),
                    null),
            new TenderEvent.Responded(
                    4,
                    AT.plus(Duration.ofDays(3)),
                    ID,
                    OFFER,
                    AZURE,
                    ResponseOutcome.PARTIAL,
                    100,
                    Money.ofDollars("9.475"),
                    new SiteId("azure-us-east"),
                    Instant.parse("2025-02-20T06:30:00Z"),
                    null),
            new TenderEvent.Awarded(
                    5,
                    AT.plus(Duration.ofDays(3)),
                    ID,
                    AZURE,
                    new SiteId("azure-us-east"),
                    new AcceleratorId("GB200"),
                    100,
                    Money.ofDollars("9.475"),
                    Instant.parse("2025-02-20T06:30:00Z"),
                    Instant.parse("2025-03-22T06:30:00Z"),
                    Money.ofDollars("682200"),
                    OFFER),
            new TenderEvent.Closed(
                    6,
                    AT.plus(Duration.ofDays(3)),
                    ID,
                    TerminalState.PARTIAL,
                    100,
                    "first look \"azure-rofr\": 100 of 40000 — rest unmet",
                    UnmetCause.NO_CAPACITY));

    static final String EXPECTED = """
            {"seq":1,"at":"2025-01-21T00:00:00Z","type":"SUBMITTED","request":"training-7","tenant":"openai",\
            "workload":"training","accelerator":"GB200","units":40000,"start":"2025-02-20T06:30:00Z",\
            "hours":720,"flex":"P60D","regions":["us-east","us-central"],"maxPrice":14.00}
            {"seq":2,"at":"2025-01-21T00:00:00Z","type":"ROUTED","request":"training-7",\
            "route":"ROFR_FIRST_LOOK","agreements":["azure-rofr"],"eligible":["azure","oracle"],\
            "reason":"azure-rofr gives azure the first look"}
            {"seq":3,"at":"2025-01-21T00:00:00Z","type":"OFFERED","request":"training-7",\
            "offer":"training-7.o1","provider":"azure","kind":"ROFR","units":40000,\
            "deadline":"2025-01-26T00:00:00Z","agreement":"azure-rofr","matchPrice":null}
            {"seq":4,"at":"2025-01-24T00:00:00Z","type":"RESPONDED","request":"training-7",\
            "offer":"training-7.o1","provider":"azure","outcome":"PARTIAL","units":100,"unitPrice":9.475,\
            "site":"azure-us-east","start":"2025-02-20T06:30:00Z","reason":null}
            {"seq":5,"at":"2025-01-24T00:00:00Z","type":"AWARDED","request":"training-7","provider":"azure",\
            "site":"azure-us-east","accelerator":"GB200","units":100,"unitPrice":9.475,\
            "start":"2025-02-20T06:30:00Z","end":"2025-03-22T06:30:00Z","cost":682200.00,\
            "offer":"training-7.o1"}
            {"seq":6,"at":"2025-01-24T00:00:00Z","type":"CLOSED","request":"training-7","outcome":"PARTIAL",\
            "units":100,"reason":"first look \\"azure-rofr\\": 100 of 40000 — rest unmet","cause":"no-capacity"}
            """;

    @Test
    void writesEveryEventTypeWithTheFieldsOfTheDesign() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonlEventWriter writer = new JsonlEventWriter(bytes)) {
            STORY.forEach(writer::accept);
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(EXPECTED);
    }

    @Test
    void whatItWritesReadsBackAsTheSameEvents(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.jsonl");
        try (JsonlEventWriter writer = JsonlEventWriter.to(file)) {
            STORY.forEach(writer::accept);
        }

        assertThat(EventLogFiles.events(file)).isEqualTo(STORY);
        assertThat(Files.readString(file)).isEqualTo(EXPECTED);
    }

    @Test
    void timestampsWithFractionsAndControlCharactersStayValidJson() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonlEventWriter writer = new JsonlEventWriter(bytes)) {
            writer.accept(new TenderEvent.Closed(
                    9,
                    Instant.parse("2025-01-21T00:00:00.250Z"),
                    ID,
                    TerminalState.CANCELLED,
                    0,
                    "tab\there, line\nbreak",
                    UnmetCause.WITHDRAWN));
        }

        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .contains("\"at\":\"2025-01-21T00:00:00.250Z\"")
                .contains("\"reason\":\"tab\\u0009here, line\\u000abreak\"");
    }

    @Test
    void aFailingDiskIsReportedWithItsCause() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        JsonlEventWriter writer = new JsonlEventWriter(full);
        STORY.forEach(writer::accept);

        assertThatThrownBy(writer::close).hasMessageContaining("No space left on device");
    }
}
