package org.broadsheet.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a socket that sends the request target exactly as given:
 * unlike HTTP client libraries it does not normalise {@code /../} or re-encode {@code %2e},
 * so a test sees what the server does with the hostile form itself.
 */
final class RawHttp {
  record Response(int status, Map<String, String> headers, String body, Duration took) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {
  }

  static Response request(int port, String method, String target, String... extraHeaders) throws IOException {
    long start = System.nanoTime();
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(60_000);
      StringBuilder req = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
          .append("Connection: close\r\n");
      if (java.util.Arrays.stream(extraHeaders).noneMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5))) {
        req.append("Host: 127.0.0.1\r\n");
      }
      for (String h : extraHeaders) {
        req.append(h).append("\r\n");
      }
      if (!method.equals("GET") && !method.equals("HEAD")) {
        req.append("Content-Length: 0\r\n");
      }
      req.append("\r\n");
      OutputStream out = s.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      byte[] all = readAll(s.getInputStream());
      String text = new String(all, StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      if (split < 0) {
        throw new IOException("no complete response (" + all.length + " bytes): " + text);
      }
      String[] lines = text.substring(0, split).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new HashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
      String body = text.substring(split + 4);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = unchunk(body);
      }
      return new Response(status, headers, body, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  static Response get(int port, String target, String... extraHeaders) throws IOException {
    return request(port, "GET", target, extraHeaders);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] b = new byte[8192];
    for (int n; (n = in.read(b)) > 0; ) {
      buf.write(b, 0, n);
    }
    return buf.toByteArray();
  }

  private static String unchunk(String body) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      int eol = body.indexOf("\r\n", i);
      int size = Integer.parseInt(body.substring(i, eol).split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      out.append(body, eol + 2, eol + 2 + size);
      i = eol + 2 + size + 2;
    }
    return out.toString();
  }
}
