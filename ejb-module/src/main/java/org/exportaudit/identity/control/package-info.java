/**
 * How the identity is read: the caller's roles, and when they last entered their password (for a step-up).
 */
package org.exportaudit.identity.control;
