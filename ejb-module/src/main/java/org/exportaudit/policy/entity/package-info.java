/**
 * The policies' entities and events: an export policy, a requester's lock row, a policy changed.
 */
package org.exportaudit.policy.entity;
