/**
 * What the audit pages show: a page of the trail and its query, a record, the chain's verdict and anchor, a download.
 */
package org.exportaudit.audit.view;
