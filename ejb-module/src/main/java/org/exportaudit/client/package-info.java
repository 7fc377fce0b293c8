/**
 * What host applications compile against: the ejb-client jar holds this package only.
 */
package org.exportaudit.client;
