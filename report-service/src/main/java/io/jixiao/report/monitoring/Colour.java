package io.jixiao.report.monitoring;

/** In-year monitoring colours (双监控, DESIGN §6.4), worst first: sorting by them lists red first. */
public enum Colour {
    RED,
    YELLOW,
    /** ahead of plan: needs a look too */
    BLUE,
    GREEN,
    /** nothing to judge (a qualitative indicator, a project without budget) */
    NONE;

    public Colour worse(Colour other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
