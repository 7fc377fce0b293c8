package org.exportaudit.policy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.exportaudit.export.entity.Export;

/**
 * A user who asked for an export that a policy governs. Its row is the lock that serialises their
 * requests while each is counted against their rolling limits and recorded.
 */
@Entity
@Table(name = "requester")
public class Requester {

    @Id
    @Column(name = "username", length = Export.USER_LENGTH)
    private String username;

    protected Requester() {
        // for JPA
    }

    public Requester(String username) {
        this.username = username;
    }
}
