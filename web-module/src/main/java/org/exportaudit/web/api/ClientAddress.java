package org.exportaudit.web.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.exportaudit.platform.Settings;

/**
 * The address a download is recorded with. {@code X-Forwarded-For} is believed only when the
 * request comes from a trusted proxy, configured as addresses or CIDR ranges in the setting
 * {@code export-audit.trusted-proxies} (none by default): anyone else could write anything there.
 * Behind trusted proxies, the client is the rightmost forwarded address that is not itself a
 * trusted proxy; the ones left of it were written by the client and prove nothing. A header may
 * come as several lines (a proxy may append its own line rather than extend the client's): the
 * lines are read in order, as one list, so a forged first line is just another hop on the left.
 * Addresses are read as literals only ({@link IpLiteral}), never looked up.
 */
final class ClientAddress {

    private final List<Range> trustedProxies;

    private ClientAddress(List<Range> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** Trusts the proxies listed, comma-separated, such as {@code 10.0.0.5, 192.168.0.0/16}. */
    static ClientAddress trusting(String proxies) {
        return trustingEach(Settings.TRUSTED_PROXIES.read(proxies));
    }

    /** Trusts the proxies listed, each an address or a CIDR range. */
    static ClientAddress trustingEach(List<String> proxies) {
        List<Range> ranges = new ArrayList<>();
        for (String proxy : proxies) {
            ranges.add(Range.parse(proxy));
        }
        return new ClientAddress(List.copyOf(ranges));
    }

    /** The client's address, given the peer of the connection and the X-Forwarded-For header lines, in order. */
    String of(String peer, Enumeration<String> forwardedFor) {
        return of(peer, forwardedFor == null ? List.of() : Collections.list(forwardedFor));
    }

    String of(String peer, List<String> forwardedFor) {
        if (forwardedFor.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",", -1)) {
                hops.add(hop.strip());
            }
        }
        for (int hop = hops.size() - 1; hop >= 0; hop--) {
            String address = hops.get(hop);
            if (IpLiteral.parse(address) == null) {
                return peer; // a proxy would not write this: do not believe any of it
            }
            if (!isTrusted(address)) {
                return address;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = IpLiteral.parse(address);
        return bytes != null && trustedProxies.stream().anyMatch(range -> range.contains(bytes));
    }

    /** An address or a CIDR range of addresses. */
    private record Range(byte[] network, int prefixBits) {

        static Range parse(String text) {
            String[] parts = text.split("/", 2);
            byte[] network = IpLiteral.parse(parts[0]);
            if (network == null) {
                throw new IllegalStateException(Settings.TRUSTED_PROXIES.property() + ": '" + text + "' is not an IP address or CIDR range");
            }
            int bits = parts.length == 1 ? network.length * 8 : prefix(parts[1]);
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalStateException(Settings.TRUSTED_PROXIES.property() + ": '" + text + "' has an impossible prefix length");
            }
            return new Range(network, bits);
        }

        private static int prefix(String bits) {
            return bits.matches("[0-9]{1,3}") ? Integer.parseInt(bits) : -1;
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefixBits; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
