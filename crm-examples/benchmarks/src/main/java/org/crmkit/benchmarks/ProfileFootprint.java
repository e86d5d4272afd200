package org.crmkit.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.customer.Customer;
import org.crmkit.core.memory.InMemoryCustomerRepository;
import org.openjdk.jol.info.GraphLayout;

/**
 * Measures the retained heap of typical profiles (2 contact points, 5 preferences, 2 consents) with JOL: the
 * object graph of many profiles divided by their number, so that objects profiles share (enum constants, interned
 * literals) count once, as they do in a running application. Also measures the in-memory store holding them,
 * indexes included. Run: {@code java -cp crm-examples/target/benchmarks.jar
 * org.crmkit.benchmarks.ProfileFootprint [count]}.
 */
public final class ProfileFootprint {
    private ProfileFootprint() {
    }

    /**
     * Prints the bytes per profile.
     *
     * @param args optionally, how many profiles to measure (default 20,000)
     */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<Customer> profiles = new ArrayList<>(count);
        InMemoryCustomerRepository store = new InMemoryCustomerRepository();
        for (int n = 0; n < count; n++) {
            Customer c = TypicalProfiles.profile(n);
            profiles.add(c);
            store.save(c.withVersion(0));
        }
        // The profiles are the roots, so the array passing them is not counted.
        long profilesBytes = GraphLayout.parseInstance(profiles.toArray()).totalSize();
        long storeBytes = GraphLayout.parseInstance(store).totalSize();
        double perProfile = (double) profilesBytes / count;
        double perStored = (double) storeBytes / count;
        System.out.printf("profiles measured: %d%n", count);
        System.out.printf("retained heap per typical profile: %.0f bytes (%.2f KiB)%n", perProfile,
                perProfile / 1024);
        System.out.printf("in-memory store per profile, indexes included: %.0f bytes (%.2f KiB)%n", perStored,
                perStored / 1024);
        System.out.println(GraphLayout.parseInstance(profiles.get(0)).toFootprint());
    }
}
