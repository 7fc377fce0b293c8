/** Backing beans of the Faces pages, each named for what its page is for. */
package org.exportaudit.web.pages;
