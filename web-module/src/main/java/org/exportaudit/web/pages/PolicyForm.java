package org.exportaudit.web.pages;

import java.io.Serializable;
import org.exportaudit.client.PolicyAction;
import org.exportaudit.client.PolicyMeasure;
import org.exportaudit.client.Refusal;
import org.exportaudit.policy.view.PolicyRequest;

/**
 * The policies page's add form as typed (PolicyPage): text, so that a limit that is no number is refused with
 * the limit's message; the change dialog reads its limit the same way.
 */
public class PolicyForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String source;
    private String appliesTo;
    private String action = PolicyAction.APPROVE.key();
    private String limit;
    private String window;
    private String measure = PolicyMeasure.RECORDS.key();
    private String message;

    PolicyRequest request() {
        return new PolicyRequest(source, appliesTo, action, limit(limit), window, measure, message);
    }

    /**
     * The limit as a number; text that is none is refused here with the boundary's words (an empty
     * field is the boundary's to refuse).
     */
    static Long limit(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(typed.strip().replace(",", "").replace("_", ""));
        } catch (NumberFormatException notANumber) {
            throw Refusal.invalid("invalid-limit", "policy.limit.typed", typed.strip());
        }
    }

    void clear() {
        limit = null;
        message = null;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getAppliesTo() {
        return appliesTo;
    }

    public void setAppliesTo(String appliesTo) {
        this.appliesTo = appliesTo;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getLimit() {
        return limit;
    }

    public void setLimit(String limit) {
        this.limit = limit;
    }

    public String getWindow() {
        return window;
    }

    public void setWindow(String window) {
        this.window = window;
    }

    public String getMeasure() {
        return measure;
    }

    public void setMeasure(String measure) {
        this.measure = measure;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
