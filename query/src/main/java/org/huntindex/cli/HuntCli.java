package org.huntindex.cli;

/** Entry point of the {@code hunt} command line. */
public final class HuntCli {
  public static void main(String[] args) {
    System.exit(0);
  }
}
