package org.exportaudit.web.pages;

import static org.exportaudit.platform.Jsonp.JSON;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.exportaudit.audit.boundary.AuditChain;
import org.exportaudit.audit.boundary.AuditRecords;
import org.exportaudit.audit.entity.AuditKind;
import org.exportaudit.audit.view.AuditAnchor;
import org.exportaudit.audit.view.AuditPage;
import org.exportaudit.audit.view.AuditQuery;
import org.exportaudit.audit.view.AuditRecordView;
import org.exportaudit.audit.view.AuditVerdict;
import org.exportaudit.client.ExportLogQuery;
import org.exportaudit.client.Refusal;
import org.exportaudit.siem.boundary.AuditReceivers;
import org.exportaudit.siem.view.ReceiverView;

/**
 * The audit trail page (super admins): the records newest first, filtered, a page at a time by the
 * trail's cursor (Older follows it, Newer goes back to the cursor that opened the page before); the
 * chain's verification, the last anchor and a button that publishes one; the CSV download of what
 * the filters select. The boundaries read, check and refuse; this bean only remembers where the page
 * stands.
 */
@Named
@ViewScoped
public class AuditTrailPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 20;

    @Inject
    AuditRecords records;

    @Inject
    ViewerTime time;

    @Inject
    AuditChain chain;

    @Inject
    AuditReceivers deliveries;

    private String kind;
    private String user;
    private Long export;
    private LocalDate from;
    private LocalDate to;
    private AuditQuery filters = AuditQuery.newest(PAGE);
    /** The cursor that opened each page up to the one shown (null for the newest): Newer goes back one. */
    private final List<String> cursors = new ArrayList<>(Collections.singletonList(null));
    private AuditPage page;
    /** Verified again when the view is restored elsewhere (another node): a verdict is only as good as its moment. */
    private transient AuditVerdict verdict;
    private transient List<ReceiverView> receivers;

    public AuditPage getPage() {
        if (page == null) {
            read();
        }
        return page;
    }

    /** Applies the filters, from the newest record; a refusal is shown and the table keeps what it showed. */
    public void search() {
        try {
            AuditQuery asked = new AuditQuery(blankToNull(kind), blankToNull(user), export, time.startOf(from),
                    time.endOf(to), PAGE, null);
            page = records.page(asked);
            filters = asked;
            cursors.clear();
            cursors.add(null);
        } catch (Refusal refused) {
            message(FacesMessage.SEVERITY_ERROR, Texts.of(PageRefusals.expected(refused, Refusal.Kind.INVALID)));
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    public void older() {
        if (getPage().next() != null) {
            cursors.add(page.next());
            read();
        }
    }

    public void newer() {
        if (cursors.size() > 1) {
            cursors.remove(cursors.size() - 1);
            read();
        }
    }

    public boolean isNewerShown() {
        return cursors.size() > 1;
    }

    public boolean isOlderShown() {
        return getPage().next() != null;
    }

    private void read() {
        page = records.page(filters.after(cursors.get(cursors.size() - 1)));
    }

    /** The chain's verification, made when the panel first shows (it loads after the table). */
    public AuditVerdict getVerdict() {
        if (verdict == null) {
            verdict = chain.verify();
        }
        return verdict;
    }

    /** "Chain valid — 1,234 records checked, head #1234", or where and why it is broken. */
    public String getChainState() {
        AuditVerdict chain = getVerdict();
        return chain.valid()
                ? Texts.of("audit.chain.valid", chain.checked(), chain.headSeq())
                : Texts.of("audit.chain.broken", chain.firstBadSeq(), chain.problem());
    }

    public String getLastAnchor() {
        AuditAnchor anchor = getVerdict().lastAnchor();
        return anchor == null ? Texts.of("audit.anchor.none")
                : Texts.of("audit.anchor.last", anchor.seq(), time.when(anchor.at()));
    }

    public void verifyAgain() {
        verdict = null;
        receivers = null;
    }

    /** The SIEM receivers and how far each has got, read with the verification. */
    public List<ReceiverView> getReceivers() {
        if (receivers == null) {
            receivers = deliveries.all();
        }
        return receivers;
    }

    /** "SIEM: 2 receivers, all receiving", "SIEM: 3 receivers, 1 failing", or that none is configured. */
    public String getReceiversSummary() {
        List<ReceiverView> all = getReceivers();
        long failing = all.stream().filter(ReceiverView::isFailing).count();
        return all.isEmpty() ? Texts.of("audit.siem.none")
                : Texts.of("audit.siem.summary", all.size(), failing);
    }

    public boolean isAnyReceiverFailing() {
        return getReceivers().stream().anyMatch(ReceiverView::isFailing);
    }

    /** "Receiving", or since when it fails, how often, why, and when it is tried again. */
    public String receiverState(ReceiverView receiver) {
        return receiver.isFailing()
                ? Texts.of("audit.receiver.failing", time.when(receiver.failingSince()), receiver.attempts(),
                        receiver.lastError(), time.when(receiver.nextAttemptAt()))
                : Texts.of("audit.receiver.receiving");
    }

    /** Publishes the chain's head now; the anchor's own record is the newest, so the newest page shows it. */
    public void anchor() {
        AuditAnchor anchor = chain.anchor();
        message(FacesMessage.SEVERITY_INFO, Texts.of("audit.anchor.published", anchor.seq(), anchor.hash()));
        verdict = null;
        if (cursors.size() == 1) {
            page = null;
        }
    }

    /** The download of what the filters select, through the API (the session cookie may read there). */
    public String getCsvAddress() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("kind", filters.kind());
        parameters.put("user", filters.user());
        parameters.put("export", filters.exportId() == null ? null : filters.exportId().toString());
        parameters.put("from", filters.from() == null ? null : filters.from().toString());
        parameters.put("to", filters.to() == null ? null : filters.to().toString());
        StringBuilder address = new StringBuilder("/api/v1/audit/csv");
        parameters.forEach((name, value) -> {
            if (value != null) {
                address.append(address.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return address.toString();
    }

    /** A record's detail as "key: value" pairs; nested objects and lists stay JSON. */
    public List<Map.Entry<String, String>> detailOf(AuditRecordView record) {
        try (JsonReader reader = JSON.createReader(new StringReader(record.detail()))) {
            return reader.readObject().entrySet().stream()
                    .map(entry -> Map.entry(entry.getKey(), text(entry.getValue()))).toList();
        }
    }

    private static String text(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NULL -> Texts.of("audit.detail.none");
            default -> value.toString();
        };
    }

    public List<AuditKind> getKinds() {
        return Arrays.asList(AuditKind.values());
    }

    /** A kind as people say it: "Export requested" for EXPORT_REQUESTED. */
    public String kindLabel(String kind) {
        return Texts.of("kind." + kind);
    }

    public String count(long number) {
        return Texts.of("number", number);
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public Long getExport() {
        return export;
    }

    public void setExport(Long export) {
        this.export = export;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
