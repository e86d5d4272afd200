package org.crmkit.core.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import org.crmkit.core.Fixtures;
import org.crmkit.core.RuleViolationException;
import org.crmkit.core.common.AttributeValue;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.touchpoint.TouchpointId;

class ServiceCaseProperties {
    /** The model of the status machine, written out as a table independent of CaseStatus#next. */
    private static final Map<CaseStatus, Set<CaseStatus>> ALLOWED = Map.of(
            CaseStatus.OPEN, Set.of(CaseStatus.IN_PROGRESS, CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.RESOLVED,
                    CaseStatus.CLOSED),
            CaseStatus.IN_PROGRESS, Set.of(CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.RESOLVED),
            CaseStatus.WAITING_ON_CUSTOMER, Set.of(CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED, CaseStatus.CLOSED),
            CaseStatus.RESOLVED, Set.of(CaseStatus.CLOSED, CaseStatus.REOPENED),
            CaseStatus.CLOSED, Set.of(CaseStatus.REOPENED),
            CaseStatus.REOPENED, Set.of(CaseStatus.IN_PROGRESS, CaseStatus.WAITING_ON_CUSTOMER, CaseStatus.RESOLVED));

    @Property
    void randomMovesFollowTheStatusMachineAndRefusedMovesChangeNothing(
            @ForAll @Size(max = 25) List<CaseStatus> attempts) {
        ServiceCase c = Fixtures.vanillaCase();
        CaseStatus modelStatus = CaseStatus.OPEN;
        int modelHistory = 1;
        Instant at = Fixtures.T0;
        for (CaseStatus to : attempts) {
            at = at.plusSeconds(60);
            boolean allowed = ALLOWED.get(modelStatus).contains(to);
            if (allowed) {
                c = to == CaseStatus.RESOLVED ? c.resolve("fixed", null, at, null) : c.transition(to, at, null, null);
                modelStatus = to;
                modelHistory++;
            } else {
                ServiceCase before = c;
                Instant when = at;
                RuleViolationException e = assertThrows(RuleViolationException.class,
                        () -> before.transition(to, when, null, null));
                assertTrue(e.getMessage().startsWith("case case-1 cannot move from " + modelStatus + " to " + to),
                        e.getMessage());
            }
            assertEquals(modelStatus, c.status());
            assertEquals(modelHistory, c.history().size());
        }
    }

    @Example
    void resolvingNeedsAResolution_andAStatusChangeCannotGoBackInTime() {
        ServiceCase c = Fixtures.vanillaCase();
        assertEquals("resolution must be given for resolved case case-1", assertThrows(RuleViolationException.class,
                () -> c.transition(CaseStatus.RESOLVED, Fixtures.T0.plusSeconds(5), null, null)).getMessage());
        assertThrows(RuleViolationException.class,
                () -> c.transition(CaseStatus.IN_PROGRESS, Fixtures.T0.minusSeconds(5), null, null));
    }

    @Example
    void C2c_observationsAccumulateUntilTheRootCauseIsFound() {
        ServiceCase c = Fixtures.vanillaCase();
        for (int evening = 2; evening <= 4; evening++) {
            c = c.withObservation(new org.crmkit.core.service.Observation(Fixtures.T0.plusSeconds(evening * 86_400L),
                    StaffId.of("engineer-1"), "evening " + evening,
                    Map.of("stop-minutes", AttributeValue.number(evening == 3 ? 12 : 4))));
        }
        c = c.transition(CaseStatus.IN_PROGRESS, Fixtures.T0.plusSeconds(5 * 86_400L), null, null)
                .resolve("Advised a longer stop or a cooler fuel line", "vapour lock on short stops",
                        Fixtures.T0.plusSeconds(6 * 86_400L), StaffId.of("engineer-1"))
                .withLinkedTouchpoint(TouchpointId.of("letter-1"))
                .withLinkedTouchpoint(TouchpointId.of("letter-1"));
        assertEquals(4, c.observations().size());
        assertEquals("vapour lock on short stops", c.rootCause().orElseThrow());
        assertEquals(List.of(TouchpointId.of("letter-1")), c.linkedTouchpoints());
        assertEquals(CaseStatus.RESOLVED, c.status());
    }

    @Example
    void theStatusMachineAllowsWhatTheTableSays() {
        for (CaseStatus from : CaseStatus.values()) {
            assertEquals(ALLOWED.get(from), from.next(), from.name());
        }
        assertTrue(Arbitraries.of(CaseStatus.class).allValues().orElseThrow().count() == 6);
    }
}
