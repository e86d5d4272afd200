package org.crmkit.core.servicelevel;

import java.util.List;
import java.util.function.Function;

import org.crmkit.core.event.CrmEvent;
import org.crmkit.core.internal.Checks;
import org.crmkit.core.json.EnumNames;
import org.crmkit.core.touchpoint.Touchpoint;

/**
 * How recorded touchpoints and case status changes become clock events. By default a touchpoint is the event named by
 * its kind's code (a {@code booking} touchpoint is the event {@code "booking"}) at the time it occurred, and a status
 * change is the event named by the new status ({@code "open"}, {@code "in-progress"}, {@code "waiting-on-customer"},
 * {@code "resolved"}, {@code "closed"}, {@code "reopened"}) at the time it was recorded. A touchpoint's events belong
 * to the touchpoint it relates to, or to itself when it relates to none; a status change's to its case. Immutable.
 */
public final class ClockMapping {
    private static final ClockMapping STANDARD = new ClockMapping(
            t -> List.of(ClockEvent.of(t.kind().code(), t.occurredAt())),
            c -> List.of(ClockEvent.of(EnumNames.of(c.to()), c.at())));

    private final Function<Touchpoint, List<ClockEvent>> touchpoints;
    private final Function<CrmEvent.CaseStatusChanged, List<ClockEvent>> statusChanges;

    private ClockMapping(Function<Touchpoint, List<ClockEvent>> touchpoints,
                         Function<CrmEvent.CaseStatusChanged, List<ClockEvent>> statusChanges) {
        this.touchpoints = touchpoints;
        this.statusChanges = statusChanges;
    }

    /** {@return the default mapping} */
    public static ClockMapping standard() {
        return STANDARD;
    }

    /**
     * A copy that maps touchpoints another way, such as a booking to a start and a move of the due instant.
     *
     * @param events a touchpoint's events, none for a touchpoint that is not measured
     * @return the copy
     */
    public ClockMapping touchpoints(Function<Touchpoint, List<ClockEvent>> events) {
        return new ClockMapping(Checks.notNull("events", events), statusChanges);
    }

    /**
     * A copy that maps case status changes another way.
     *
     * @param events a status change's events, none for a change that is not measured
     * @return the copy
     */
    public ClockMapping statusChanges(Function<CrmEvent.CaseStatusChanged, List<ClockEvent>> events) {
        return new ClockMapping(touchpoints, Checks.notNull("events", events));
    }

    /** {@return the touchpoint's clock events} */
    List<ClockEvent> of(Touchpoint touchpoint) {
        return Checks.list("clock events of touchpoint " + touchpoint.id(), touchpoints.apply(touchpoint));
    }

    /** {@return the status change's clock events} */
    List<ClockEvent> of(CrmEvent.CaseStatusChanged change) {
        return Checks.list("clock events of case " + change.caseId(), statusChanges.apply(change));
    }
}
