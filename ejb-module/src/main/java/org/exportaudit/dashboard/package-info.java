/**
 * The super admins' dashboard: how many records were exported per day and source, who exported
 * most this month, and how many exports were large, cancelled or failed, read as aggregates from
 * the export log.
 */
package org.exportaudit.dashboard;
