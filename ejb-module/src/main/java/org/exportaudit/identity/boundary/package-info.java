/**
 * The identity boundary: who is signed in and with which roles, for the other components.
 */
package org.exportaudit.identity.boundary;
