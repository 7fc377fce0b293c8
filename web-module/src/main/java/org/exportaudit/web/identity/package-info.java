/**
 * Who the pages and the API are serving: the sign-in as the web module sees it, and what it tells the components
 * (a super admin seen signed in becomes known for approval requests).
 */
package org.exportaudit.web.identity;
