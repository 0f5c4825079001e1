package pullquote.index.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The configset a rebuild's collections are created with: its files, and a name taken from their
 * content ({@code pullquote-} and the first 12 hex digits of a SHA-256 over every file's name and
 * bytes). A changed configset is therefore uploaded under a new name, and never overwrites the one
 * a live collection was created with; the same files always give the same name, so a cluster that
 * has them is not sent them again.
 */
public final class SolrConfigset {

  /** Where the build puts {@code solr/configset/pullquote/conf/*} on the class path. */
  static final String RESOURCE = "pullquote/solr/configset/";

  private static final String SOLRCONFIG = "solrconfig.xml";

  private final SortedMap<String, byte[]> files;
  private final String name;

  /**
   * @param files the configset's files by path inside it ({@code solrconfig.xml}, {@code
   *     lang/stopwords.txt}); it must have a {@code solrconfig.xml}
   */
  public SolrConfigset(Map<String, byte[]> files) {
    if (!files.containsKey(SOLRCONFIG)) {
      throw new IllegalArgumentException("a configset needs a " + SOLRCONFIG);
    }
    TreeMap<String, byte[]> copy = new TreeMap<>();
    files.forEach((path, bytes) -> copy.put(path, bytes.clone()));
    this.files = Collections.unmodifiableSortedMap(copy);
    this.name = "pullquote-" + contentHash(this.files).substring(0, 12);
  }

  /** The configset built into pullquote (a copy of {@code solr/configset/pullquote/conf}). */
  public static SolrConfigset bundled() throws IOException {
    return fromClassPath(SolrConfigset.class.getClassLoader());
  }

  /** The configset under {@value #RESOURCE} on a class path: in a jar, or in a directory. */
  static SolrConfigset fromClassPath(ClassLoader loader) throws IOException {
    URL anchor = loader.getResource(RESOURCE + SOLRCONFIG);
    if (anchor == null) {
      throw new IOException("the Solr configset is missing from pullquote's class path");
    }
    if ("jar".equals(anchor.getProtocol())) {
      return fromJar(anchor);
    }
    try {
      return of(Path.of(anchor.toURI()).getParent());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IOException("cannot read the Solr configset at " + anchor, e);
    }
  }

  /** The configset in a directory, every file below it (such as {@code conf/}). */
  public static SolrConfigset of(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return new SolrConfigset(files);
  }

  private static SolrConfigset fromJar(URL anchor) throws IOException {
    JarURLConnection connection = (JarURLConnection) anchor.openConnection();
    // Uncached, so the JarFile is ours to close and no other reader's is closed under it.
    connection.setUseCaches(false);
    Map<String, byte[]> files = new TreeMap<>();
    try (JarFile jar = connection.getJarFile()) {
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (!entry.isDirectory() && entry.getName().startsWith(RESOURCE)) {
          try (InputStream in = jar.getInputStream(entry)) {
            files.put(entry.getName().substring(RESOURCE.length()), in.readAllBytes());
          }
        }
      }
    }
    return new SolrConfigset(files);
  }

  /** The name it is uploaded under: {@code pullquote-} and 12 hex digits of its content hash. */
  public String name() {
    return name;
  }

  /** The files' paths, in order. */
  public java.util.Set<String> paths() {
    return files.keySet();
  }

  /** The files zipped with their paths at the zip's root, as the Configset API takes them. */
  public byte[] zip() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        ZipEntry entry = new ZipEntry(file.getKey());
        entry.setTime(0); // the same files, the same zip
        zip.putNextEntry(entry);
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  /** Over names and contents, each length-prefixed, so no two configsets share an input. */
  private static String contentHash(SortedMap<String, byte[]> files) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        byte[] path = file.getKey().getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(path.length).array());
        sha.update(path);
        sha.update(ByteBuffer.allocate(8).putLong(file.getValue().length).array());
        sha.update(file.getValue());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
