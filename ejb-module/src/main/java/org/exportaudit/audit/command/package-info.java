/**
 * What an operator runs without the server: bin/verify-audit's check of the chain over JDBC.
 */
package org.exportaudit.audit.command;
