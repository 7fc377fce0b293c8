package org.exportaudit.web.pages;

import java.util.List;
import org.exportaudit.client.Refusal;

/**
 * What a page does with a boundary's refusal: it says the kinds it expects in its own words (an input refused next to
 * its field, a policy deleted meanwhile as a warning, a decision that is not the caller's), and lets any other go on
 * to the error page as the error it is: a page that showed every refusal as a message would hide a broken rule.
 */
final class PageRefusals {

    private PageRefusals() {
    }

    /** The refusal, when it is of a kind the page expects (and says); any other is thrown on. */
    static Refusal expected(Refusal refused, Refusal.Kind... kinds) {
        if (!List.of(kinds).contains(refused.kind())) {
            throw refused;
        }
        return refused;
    }
}
