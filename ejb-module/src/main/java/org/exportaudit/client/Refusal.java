package org.exportaudit.client;

import jakarta.ejb.ApplicationException;
import java.io.Serializable;
import java.util.Locale;

/**
 * Something Export Audit refuses to do: what kind of refusal it is ({@link Kind}, which the REST API
 * answers with a status), a short stable {@link #code()} for scripts (the API's {@code error}), and why
 * in the caller's language: the reason is a key of {@link Messages} with its arguments.
 * {@link #getMessage()} is the English text, as host applications have always read it; the REST API and
 * the pages ask for {@link #message(Locale)}. Nothing changed (the transaction rolls back).
 *
 * <p>A subclass only where a refusal carries data ({@link ExportBlocked}, {@link StepUpRequired}),
 * commits what it reports ({@link ApprovalExpired}), or is a type that the host API documents and host
 * applications catch ({@link ExportRefused}, {@link ExportNotFound}, …); every other refusal is made
 * by one of the factories here.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal it is; the REST API answers each with one status. */
    public enum Kind {
        /** The request cannot be run as asked; nothing was created or changed (400). */
        INVALID,
        /** The caller must sign in again, more recently (401). */
        UNAUTHENTICATED,
        /** Not the caller's to do (403). */
        FORBIDDEN,
        /** No such thing, or not the caller's to see: the same answer for both (404). */
        NOT_FOUND,
        /** The thing's state does not allow it (409). */
        CONFLICT,
        /** It cannot be had any more, or never could (410). */
        GONE
    }

    private final Kind kind;
    private final String code;
    private final String key;
    private final Serializable[] arguments;

    /** Refused as {@code kind}, for {@code code}; why, in words, is the text {@code key} of {@link Messages}. */
    protected Refusal(Kind kind, String code, String key, Serializable... arguments) {
        super(Messages.text(Locale.ENGLISH, key, (Object[]) arguments));
        this.kind = kind;
        this.code = code;
        this.key = key;
        this.arguments = arguments.clone();
    }

    /** Input that cannot be run as asked: {@code code} is {@code invalid-limit}, {@code unknown-source}, … */
    public static Refusal invalid(String code, String key, Serializable... arguments) {
        return new Refusal(Kind.INVALID, code, key, arguments);
    }

    public static Refusal forbidden(String code, String key, Serializable... arguments) {
        return new Refusal(Kind.FORBIDDEN, code, key, arguments);
    }

    /** Every thing not found answers {@code not-found}, whatever it is. */
    public static Refusal notFound(String key, Serializable... arguments) {
        return new Refusal(Kind.NOT_FOUND, "not-found", key, arguments);
    }

    public static Refusal conflict(String code, String key, Serializable... arguments) {
        return new Refusal(Kind.CONFLICT, code, key, arguments);
    }

    public static Refusal gone(String code, String key, Serializable... arguments) {
        return new Refusal(Kind.GONE, code, key, arguments);
    }

    /**
     * An argument that is itself a text of {@link Messages}, said in the refusal's language: {@code
     * file-gone.cancelled}, … (a refusal's maker need not know {@link Messages}: entities make refusals).
     */
    public static Serializable term(String key) {
        return Messages.term(key);
    }

    public Kind kind() {
        return kind;
    }

    /** A short, stable code for scripts, the same in every language: {@code invalid-file-name}, {@code not-found}, … */
    public String code() {
        return code;
    }

    /** The key of the text in {@link Messages}: {@code invalid-file-name.unsafe}, … */
    public String key() {
        return key;
    }

    /** Why, in {@code locale}'s language (English for one the texts are not written in). */
    public String message(Locale locale) {
        return Messages.text(locale, key, (Object[]) arguments);
    }
}
