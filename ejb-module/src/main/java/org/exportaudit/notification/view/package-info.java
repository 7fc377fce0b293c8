/**
 * What the notices page shows: one notice.
 */
package org.exportaudit.notification.view;
