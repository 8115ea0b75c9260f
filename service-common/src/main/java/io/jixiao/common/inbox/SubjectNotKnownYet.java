package io.jixiao.common.inbox;

/**
 * Thrown by an {@link EventHandler} for an event about something it has not seen registered yet (a project's
 * disbursement before the project): the inbox parks the event, and applies it once an event registering that
 * subject is applied ({@link EventHandler#registers}).
 */
public final class SubjectNotKnownYet extends RuntimeException {

    private final String subject;

    public SubjectNotKnownYet(String subject) {
        super(subject + " is not known yet", null, false, false);
        this.subject = subject;
    }

    /** e.g. {@code project/<id>}. */
    public String subject() {
        return subject;
    }
}
