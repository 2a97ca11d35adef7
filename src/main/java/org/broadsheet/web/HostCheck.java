package org.broadsheet.web;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which {@code Host} headers the server answers. A page on another site can make a browser send
 * requests to this machine under a name of the attacker's that resolves to 127.0.0.1 (DNS
 * rebinding); those requests carry the attacker's name in {@code Host}, so answering only to the
 * names this server is known by keeps other sites from reading the archive through the browser.
 *
 * <p>Allowed: {@code localhost} (and names under {@code .localhost}, which resolve to this
 * machine by definition), any IP address literal (an address cannot be rebound), the address the
 * server listens on, and the names the operator adds ({@code serve --allow-host}).
 */
final class HostCheck {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private final Set<String> names = new HashSet<>();

  HostCheck(List<String> allowed) {
    names.add("localhost");
    allowed.forEach(this::allow);
  }

  void allow(String name) {
    names.add(name.toLowerCase(Locale.ROOT));
  }

  /** True when a request with this {@code Host} header (null when it has none) may be answered. */
  boolean allows(String hostHeader) {
    if (hostHeader == null || hostHeader.isEmpty()) {
      return true; // HTTP/1.0 without Host: not a browser, and so not a rebinding attack
    }
    String host = hostOf(hostHeader.strip().toLowerCase(Locale.ROOT));
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    return names.contains(host) || host.endsWith(".localhost") || host.startsWith("[") || IPV4.matcher(host).matches();
  }

  /** The name in a Host header, without its port: {@code example.org:7070} → {@code example.org}, {@code [::1]:7070} → {@code [::1]}. */
  static String hostOf(String header) {
    if (header.startsWith("[")) {
      int end = header.indexOf(']');
      return end < 0 ? header : header.substring(0, end + 1);
    }
    int colon = header.lastIndexOf(':');
    return colon < 0 ? header : header.substring(0, colon);
  }
}
