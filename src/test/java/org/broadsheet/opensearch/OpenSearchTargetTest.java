package org.broadsheet.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code --opensearch URL} means: the cluster, the index name, credentials only from the environment. */
class OpenSearchTargetTest {
  @Test
  void theLastPathSegmentIsTheIndex() {
    OpenSearchTarget t = OpenSearchTarget.parse("http://127.0.0.1:9200/news", Map.of());
    assertEquals("http://127.0.0.1:9200/", t.cluster().toString());
    assertEquals("news", t.index());
    assertEquals("http://127.0.0.1:9200/news", t.location());
    assertNull(t.authorization());
    OpenSearchTarget behindAProxy = OpenSearchTarget.parse("https://search.example/os/archive/", Map.of());
    assertEquals("https://search.example/os/", behindAProxy.cluster().toString());
    assertEquals("archive", behindAProxy.index());
  }

  @Test
  void withoutAPathTheIndexIsBroadsheet() {
    assertEquals("broadsheet", OpenSearchTarget.parse("http://localhost:9200", Map.of()).index());
    assertEquals("broadsheet", OpenSearchTarget.parse("http://localhost:9200/", Map.of()).index());
  }

  @Test
  void credentialsComeFromTheEnvironmentOnly() {
    OpenSearchTarget t = OpenSearchTarget.parse("http://localhost:9200/a",
        Map.of(OpenSearchTarget.AUTH_VARIABLE, "admin:s3cret"));
    assertEquals("Basic YWRtaW46czNjcmV0", t.authorization());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OpenSearchTarget.parse("http://admin:s3cret@localhost:9200/a", Map.of()));
    assertTrue(e.getMessage().contains(OpenSearchTarget.AUTH_VARIABLE), e.getMessage());
  }

  @Test
  void theUrlMaySayHowManyShardsAndReplicas() {
    OpenSearchTarget t = OpenSearchTarget.parse("http://localhost:9200/news?shards=4&replicas=2", Map.of());
    assertEquals(List.of("news", 4, 2), List.of(t.index(), t.shards(), t.replicas()));
    OpenSearchTarget plain = OpenSearchTarget.parse("http://localhost:9200/news", Map.of());
    assertEquals(List.of(1, 1), List.of(plain.shards(), plain.replicas()));
    assertThrows(IllegalArgumentException.class, () -> OpenSearchTarget.parse("http://localhost:9200/a?shards=0", Map.of()));
    assertThrows(IllegalArgumentException.class, () -> OpenSearchTarget.parse("http://localhost:9200/a?shards=x", Map.of()));
    assertThrows(IllegalArgumentException.class, () -> OpenSearchTarget.parse("http://localhost:9200/a?size=3", Map.of()));
  }

  @Test
  void badUrlsAndIndexNamesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> OpenSearchTarget.parse("localhost:9200", Map.of()));
    assertThrows(IllegalArgumentException.class, () -> OpenSearchTarget.parse("ftp://localhost/a", Map.of()));
    assertThrows(IllegalArgumentException.class, () -> OpenSearchTarget.parse("http://localhost:9200/News", Map.of()));
    assertThrows(IllegalArgumentException.class, () -> OpenSearchTarget.parse("http://localhost:9200/_x", Map.of()));
  }
}
