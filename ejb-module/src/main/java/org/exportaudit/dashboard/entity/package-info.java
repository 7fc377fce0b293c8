/**
 * The dashboard's values: records per day and source, top exporters, counts by outcome.
 */
package org.exportaudit.dashboard.entity;
