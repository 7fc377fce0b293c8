/**
 * The dashboard's work: aggregates read from the export log in a few queries.
 */
package org.exportaudit.dashboard.control;
