/**
 * The export policies: limits on what a user may export (at once or over a window), and what reaching one does
 * (notify, step-up, approve, block); the gate every export request passes, deciding under the user's lock.
 */
package org.exportaudit.policy;
