/** Which node of a cluster served a request: a response header for scripts and tests, a footer for people. */
package org.exportaudit.web.node;
