/**
 * What the policies page sends and shows: a policy's request and its view.
 */
package org.exportaudit.policy.view;
