import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the class files of a jar older than Java 6 (picocli's are Java 5) as Java 8 class files with stack maps, so
 * the JDK's start-up cache can hold them: it skips old classes, and loading them from the jar costs every command
 * ~50 ms. Code is rebuilt instruction for instruction; each rewritten class must pass the JDK's verifier or the build
 * fails. Run as {@code java UpgradeOldClasses.java JAR} on JDK 24 or newer (the class-file API).
 */
public final class UpgradeOldClasses {
  private static final int JAVA_6 = 50;
  private static final int JAVA_8 = 52;

  public static void main(String[] args) throws IOException {
    Path jar = Path.of(args[0]);
    Path out = jar.resolveSibling(jar.getFileName() + ".tmp");
    int upgraded = 0;
    try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        InputStream raw = Files.newInputStream(jar);
        ZipInputStream in = new ZipInputStream(raw);
        OutputStream sink = Files.newOutputStream(out);
        ZipOutputStream zip = new ZipOutputStream(sink)) {
      ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
          .orElse(ClassHierarchyResolver.ofResourceParsing(classes))));
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] bytes = in.readAllBytes();
        if (e.getName().endsWith(".class") && !e.getName().endsWith("module-info.class")) {
          ClassModel model = cf.parse(bytes);
          if (model.majorVersion() < JAVA_6) {
            bytes = upgrade(cf, model, e.getName());
            upgraded++;
          }
        }
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTime(e.getTime());
        zip.putNextEntry(copy);
        zip.write(bytes);
        zip.closeEntry();
      }
    }
    Files.move(out, jar, StandardCopyOption.REPLACE_EXISTING);
    System.out.println("UpgradeOldClasses: " + upgraded + " class files of " + jar.getFileName() + " now Java 8");
  }

  private static byte[] upgrade(ClassFile cf, ClassModel model, String name) {
    ClassTransform toJava8 = (builder, element) -> {
      if (element instanceof ClassFileVersion) {
        builder.withVersion(JAVA_8, 0);
      } else {
        builder.with(element);
      }
    };
    byte[] bytes = cf.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
        .andThen(toJava8));
    List<VerifyError> errors = cf.verify(bytes);
    if (!errors.isEmpty()) {
      throw new IllegalStateException(name + " does not verify after the upgrade: " + errors);
    }
    return bytes;
  }
}
