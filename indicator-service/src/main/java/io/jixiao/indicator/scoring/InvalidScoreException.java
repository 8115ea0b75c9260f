package io.jixiao.indicator.scoring;

import java.util.List;

/** The inputs cannot be scored under the policy; each problem names what is wrong, with the figures. */
public class InvalidScoreException extends RuntimeException {

    private final String field;
    private final List<String> problems;

    public InvalidScoreException(String field, List<String> problems) {
        super(String.join("; ", problems));
        this.field = field;
        this.problems = problems;
    }

    public String field() {
        return field;
    }

    public List<String> problems() {
        return problems;
    }
}
