package org.exportaudit.web.node;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.exportaudit.platform.NodeName;

/**
 * Every response names the node that served it (X-Export-Audit-Node), pages, API and downloads alike:
 * behind the balancer, an operator or a test sees where a request went and where a session moved
 * after a node failed. Set before the chain runs, so that it is on responses the security layer ends
 * early too (401, the redirect to the sign-in).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ServingNodeHeader extends HttpFilter {

    public static final String HEADER = "X-Export-Audit-Node";

    @Inject
    NodeName node;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(HEADER, node.value());
        chain.doFilter(request, response);
    }
}
