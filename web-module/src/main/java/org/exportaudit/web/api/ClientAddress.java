package org.exportaudit.web.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The address a download is recorded with. {@code X-Forwarded-For} is believed only when the
 * request comes from a trusted proxy, configured as addresses or CIDR ranges in the system
 * property {@value #TRUSTED_PROXIES} (none by default): anyone else could write anything there.
 * Behind trusted proxies, the client is the rightmost forwarded address that is not itself a
 * trusted proxy; the ones left of it were written by the client and prove nothing.
 */
final class ClientAddress {

    static final String TRUSTED_PROXIES = "export-audit.trusted-proxies";

    private final List<Range> trustedProxies;

    private ClientAddress(List<Range> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** Trusts the proxies listed, comma-separated, such as {@code 10.0.0.5, 192.168.0.0/16}. */
    static ClientAddress trusting(String proxies) {
        List<Range> ranges = new ArrayList<>();
        if (proxies != null) {
            for (String proxy : proxies.split(",")) {
                if (!proxy.isBlank()) {
                    ranges.add(Range.parse(proxy.strip()));
                }
            }
        }
        return new ClientAddress(List.copyOf(ranges));
    }

    static ClientAddress configured() {
        return trusting(System.getProperty(TRUSTED_PROXIES));
    }

    /** The client's address, given the peer of the connection and the X-Forwarded-For header, if any. */
    String of(String peer, String forwardedFor) {
        if (forwardedFor == null || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int hop = hops.length - 1; hop >= 0; hop--) {
            String address = hops[hop].strip();
            if (!isLiteralAddress(address)) {
                return peer; // a proxy would not write this: do not believe any of it
            }
            if (!isTrusted(address)) {
                return address;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trustedProxies.stream().anyMatch(range -> range.contains(bytes));
    }

    private static boolean isLiteralAddress(String address) {
        return literal(address) != null;
    }

    /** The bytes of an IPv4 or IPv6 literal; null for anything else (never a DNS lookup). */
    private static byte[] literal(String address) {
        if (address == null || address.isEmpty() || address.length() > 45
                || !address.matches("[0-9a-fA-F:.]+") || !(address.contains(".") || address.contains(":"))) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address or a CIDR range of addresses. */
    private record Range(byte[] network, int prefixBits) {

        static Range parse(String text) {
            String[] parts = text.split("/", 2);
            byte[] network = literal(parts[0]);
            if (network == null) {
                throw new IllegalStateException(TRUSTED_PROXIES + ": '" + text + "' is not an IP address or CIDR range");
            }
            int bits = parts.length == 1 ? network.length * 8 : prefix(parts[1]);
            if (bits < 0 || bits > network.length * 8) {
                throw new IllegalStateException(TRUSTED_PROXIES + ": '" + text + "' has an impossible prefix length");
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
