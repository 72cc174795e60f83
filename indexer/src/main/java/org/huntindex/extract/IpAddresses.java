package org.huntindex.extract;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Placeholder until the extract branch lands: strict literal parsing to 16 bytes. */
public final class IpAddresses {
  private IpAddresses() {}

  public static byte[] parse(String s) {
    if (s == null || s.isEmpty() || s.length() > 45) {
      return null;
    }
    boolean colon = s.indexOf(':') >= 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
        return null;
      }
    }
    if (!colon && s.chars().filter(c -> c == '.').count() != 3) {
      return null;
    }
    try {
      byte[] a = InetAddress.getByName(s).getAddress();
      if (a.length == 16) {
        return a;
      }
      byte[] m = new byte[16];
      m[10] = (byte) 0xff;
      m[11] = (byte) 0xff;
      System.arraycopy(a, 0, m, 12, 4);
      return m;
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
