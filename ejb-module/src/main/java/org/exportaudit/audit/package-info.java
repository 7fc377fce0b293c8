/**
 * The audit trail: every change to exports, files and thresholds as an append-only record written
 * in the change's own transaction, and the downloads of export files with who, from where and when.
 */
package org.exportaudit.audit;
