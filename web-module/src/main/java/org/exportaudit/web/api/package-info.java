/**
 * The REST API under {@code /export-audit/api/v1}: JSON, bearer tokens from Keycloak, errors as
 * {@code {"error", "message"}}. Resources are thin: the EJBs they call carry transactions and roles.
 */
package org.exportaudit.web.api;
