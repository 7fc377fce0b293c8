/**
 * What the SIEM page shows: one receiver and how its delivery goes.
 */
package org.exportaudit.siem.view;
