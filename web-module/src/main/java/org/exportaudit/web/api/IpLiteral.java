package org.exportaudit.web.api;

/**
 * IPv4 and IPv6 address literals, read as text and nothing else. {@code InetAddress.getByName}
 * would do it, but it takes anything that is not a literal for a host name and asks DNS:
 * {@code cafe.de} or {@code dead.beef} look like hex digits and dots, and a forwarded header must
 * never make the server resolve names an attacker chose. This parser has no lookup path at all
 * (it uses nothing from {@code java.net}), and {@code IpLiteralTest} keeps it so.
 */
final class IpLiteral {

    private static final int LONGEST = 45; // ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255

    private IpLiteral() {
    }

    /**
     * The address's bytes: 4 for IPv4 (also for an IPv4-mapped IPv6 address such as
     * {@code ::ffff:10.0.0.5}, so that IPv4 ranges match it), 16 for IPv6; null if the text is not
     * exactly a literal (no zone, no port, no brackets, no leading zeros in IPv4 parts).
     */
    static byte[] parse(String text) {
        if (text == null || text.isEmpty() || text.length() > LONGEST) {
            return null;
        }
        byte[] address = text.indexOf(':') >= 0 ? ipv6(text) : ipv4(text);
        return address == null ? null : unmapped(address);
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = decimalOctet(parts[i]);
            if (value < 0) {
                return null;
            }
            address[i] = (byte) value;
        }
        return address;
    }

    private static int decimalOctet(String part) {
        if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
            return -1; // a leading zero reads as octal to some parsers: refuse the ambiguity
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    private static byte[] ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null; // only one run of zero groups may be left out
        }
        String head = gap >= 0 ? text.substring(0, gap) : text;
        String tail = gap >= 0 ? text.substring(gap + 2) : "";
        int[] headGroups = groups(head, gap < 0); // an IPv4 part only ends the whole address
        int[] tailGroups = gap >= 0 ? groups(tail, true) : new int[0];
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int written = headGroups.length + tailGroups.length;
        if (gap < 0 ? written != 8 : written > 7) {
            return null;
        }
        byte[] address = new byte[16];
        put(address, 0, headGroups);
        put(address, 8 - tailGroups.length, tailGroups);
        return address;
    }

    /**
     * The 16-bit groups of one side of an IPv6 literal; an IPv4 literal may end the address (as
     * two groups) when {@code last}. Null if malformed.
     */
    private static int[] groups(String side, boolean last) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        boolean endsInIpv4 = last && parts[parts.length - 1].indexOf('.') >= 0;
        int[] groups = new int[parts.length + (endsInIpv4 ? 1 : 0)];
        for (int i = 0; i < parts.length; i++) {
            if (endsInIpv4 && i == parts.length - 1) {
                byte[] ipv4 = ipv4(parts[i]);
                if (ipv4 == null) {
                    return null;
                }
                groups[i] = (ipv4[0] & 0xff) << 8 | (ipv4[1] & 0xff);
                groups[i + 1] = (ipv4[2] & 0xff) << 8 | (ipv4[3] & 0xff);
            } else {
                groups[i] = hexGroup(parts[i]);
                if (groups[i] < 0) {
                    return null;
                }
            }
        }
        return groups;
    }

    private static int hexGroup(String part) {
        if (part.isEmpty() || part.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            int digit = Character.digit(part.charAt(i), 16);
            if (digit < 0 || part.charAt(i) > 'f') { // Character.digit also takes full-width digits
                return -1;
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static void put(byte[] address, int group, int[] groups) {
        for (int value : groups) {
            address[group * 2] = (byte) (value >> 8);
            address[group * 2 + 1] = (byte) value;
            group++;
        }
    }

    /** {@code ::ffff:a.b.c.d} is the IPv4 address a.b.c.d as a dual-stack socket reports it. */
    private static byte[] unmapped(byte[] address) {
        if (address.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (address[i] != 0) {
                return address;
            }
        }
        if (address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
            return address;
        }
        return new byte[] {address[12], address[13], address[14], address[15]};
    }
}
