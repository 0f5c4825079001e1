package pullquote.index.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import pullquote.testing.SolrCluster;
import pullquote.testing.SolrTestCluster;

@ExtendWith(SolrCluster.class)
class SolrConfigsetTest {

  private static final Path CONF = Path.of("solr", "configset", "pullquote", "conf");

  @TempDir Path dir;

  @Test
  void theBundledConfigsetIsTheConfDirectoryNamedByItsContent() throws Exception {
    SolrConfigset bundled = SolrConfigset.bundled();
    SolrConfigset fromDir = SolrConfigset.of(CONF);
    assertThat(bundled.paths()).containsExactlyElementsOf(fromDir.paths());
    assertThat(bundled.paths()).contains("solrconfig.xml", "managed-schema.xml");
    assertThat(bundled.name()).isEqualTo(fromDir.name()).matches("pullquote-[0-9a-f]{12}");

    Map<String, byte[]> changed = files(CONF);
    changed.put("solrconfig.xml", (new String(changed.get("solrconfig.xml")) + " ").getBytes());
    assertThat(new SolrConfigset(changed).name()).isNotEqualTo(bundled.name());
    assertThat(new SolrConfigset(files(CONF)).name()).isEqualTo(bundled.name());
  }

  @Test
  void itsZipHoldsTheFilesAtTheRoot() throws Exception {
    SolrConfigset configset = SolrConfigset.bundled();
    List<String> entries = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(configset.zip()))) {
      for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        entries.add(entry.getName());
        assertThat(zip.readAllBytes()).isEqualTo(Files.readAllBytes(CONF.resolve(entry.getName())));
      }
    }
    assertThat(entries).containsExactlyElementsOf(configset.paths());
  }

  @Test
  void theConfigsetIsReadFromAJarAsFromADirectory() throws Exception {
    Path jar = dir.resolve("pullquote.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry(SolrConfigset.RESOURCE));
      for (Map.Entry<String, byte[]> file : files(CONF).entrySet()) {
        out.putNextEntry(new JarEntry(SolrConfigset.RESOURCE + file.getKey()));
        out.write(file.getValue());
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      SolrConfigset fromJar = SolrConfigset.fromClassPath(loader);
      assertThat(fromJar.paths()).containsExactlyElementsOf(SolrConfigset.of(CONF).paths());
      assertThat(fromJar.name()).isEqualTo(SolrConfigset.of(CONF).name());
    }
  }

  @Test
  void anUploadIsSkippedWhenTheClusterHasTheConfigset(SolrTestCluster cluster) throws Exception {
    // A configset of its own (one more file), so no other test has uploaded it before.
    Map<String, byte[]> files = files(CONF);
    files.put("marker.txt", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    SolrConfigset configset = new SolrConfigset(files);
    try (var client = SolrConnection.of(cluster.baseUrl(), "unused").client(60)) {
      SolrCollections admin = new SolrCollections(client);
      assertThat(admin.hasConfigset(configset.name())).isFalse();
      assertThat(admin.ensureConfigset(configset)).isTrue();
      assertThat(admin.hasConfigset(configset.name())).isTrue();
      assertThat(admin.ensureConfigset(configset)).isFalse();

      // What was uploaded is a working configset.
      admin.create("configset_check", configset.name(), 1, 1);
      assertThat(admin.count("configset_check")).isZero();
      CollectionAdminRequest.deleteCollection("configset_check").process(client);
    }
  }

  private static Map<String, byte[]> files(Path conf) throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    try (var list = Files.list(conf)) {
      for (Path file : list.toList()) {
        files.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }
}
