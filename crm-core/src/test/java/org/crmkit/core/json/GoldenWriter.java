package org.crmkit.core.json;

import java.nio.file.Files;
import java.nio.file.Path;

import org.crmkit.core.Fixtures;

/** Rewrites the golden files; run by hand after a deliberate format change, then review the diff. */
public final class GoldenWriter {
    private GoldenWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "crm-core/src/test/resources/golden");
        Files.writeString(dir.resolve("customer.json"), CrmJson.write(Fixtures.fullGuest()) + "\n");
        Files.writeString(dir.resolve("touchpoint.json"),
                CrmJson.write(Fixtures.purchase("tp-1", Fixtures.fullGuest().id(), Fixtures.T0)) + "\n");
        Files.writeString(dir.resolve("service-case.json"), CrmJson.write(Fixtures.vanillaCase()) + "\n");
        Files.writeString(dir.resolve("customer-export.json"), CrmJson.write(Fixtures.export()) + "\n");
        Files.writeString(dir.resolve("erasure-certificate.json"), CrmJson.write(Fixtures.certificate()) + "\n");
        Files.writeString(dir.resolve("partner-data-set.json"), CrmJson.write(Fixtures.partnerData()) + "\n");
        Files.writeString(dir.resolve("standard.json"), CrmJson.write(Fixtures.standard()) + "\n");
        Files.writeString(dir.resolve("item-clock.json"), CrmJson.write(Fixtures.itemClock()) + "\n");
        Files.writeString(dir.resolve("merge-record.json"), CrmJson.write(Fixtures.mergeRecord()) + "\n");
        Files.writeString(dir.resolve("events.json"), CrmJson.mapper().writerFor(CrmJsonTest.EVENTS)
                .writeValueAsString(Fixtures.everyEvent()) + "\n");
    }
}
