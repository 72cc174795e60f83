package org.huntindex.normalize;

/** Maps the fields of one kind of Windows event (Security 4688, Sysmon 3, ...) onto the event schema. */
@FunctionalInterface
interface Profile {
  void apply(WindowsRecord record, Event event);
}
