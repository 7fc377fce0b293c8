/**
 * The SIEM's entry points: the receivers super admins see, and the timer that streams the trail to them.
 */
package org.exportaudit.siem.boundary;
