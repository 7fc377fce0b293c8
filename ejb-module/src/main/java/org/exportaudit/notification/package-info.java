/** Large-export notifications: each super admin's own threshold, and the notices it triggers. */
package org.exportaudit.notification;
