/** Who is signed in, and with which application roles. */
package org.exportaudit.identity;
