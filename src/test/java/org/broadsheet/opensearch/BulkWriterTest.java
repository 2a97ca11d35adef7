package org.broadsheet.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Back-pressure: an operation the cluster refuses with 429 is sent again, alone with the others
 * refused, and a whole request answered 429 is retried; any other refusal fails the batch with the
 * cluster's reason. Against a stand-in HTTP server that answers as OpenSearch's bulk API does.
 */
class BulkWriterTest {
  private HttpServer server;
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  /** What the stand-in answers to each bulk request, in turn (the last one again after that). */
  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();

  private record Answer(int status, String body) {
  }

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/_bulk", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      Answer a = answers.get(Math.min(requests.getAndIncrement(), answers.size() - 1));
      byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(a.status(), out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private OpenSearchClient client() {
    return new OpenSearchClient(OpenSearchTarget.parse("http://127.0.0.1:" + server.getAddress().getPort() + "/idx",
        Map.of()));
  }

  private static String item(String id, int status) {
    String error = status < 300 ? "" : ",\"error\":{\"type\":\"" + (status == 429 ? "es_rejected_execution_exception"
        : "mapper_parsing_exception") + "\",\"reason\":\"failed to parse\"}";
    return "{\"index\":{\"_id\":\"" + id + "\",\"status\":" + status + error + "}}";
  }

  private static String items(List<String> items) {
    return "{\"errors\":true,\"items\":[" + String.join(",", items) + "]}";
  }

  @Test
  void refusedOperationsAreSentAgainAlone() throws IOException {
    answers.add(new Answer(200, items(List.of(item("a", 201), item("b", 429), item("c", 201)))));
    answers.add(new Answer(200, items(List.of(item("b", 201)))));
    try (OpenSearchClient client = client()) {
      BulkWriter w = new BulkWriter(client, "idx");
      for (String id : List.of("a", "b", "c")) {
        w.index(id, client.json().createObjectNode().put("title", id));
      }
      w.flush();
    }
    assertEquals(2, bodies.size());
    assertEquals(6, bodies.get(0).lines().count());
    assertEquals(List.of("{\"index\":{\"_index\":\"idx\",\"_id\":\"b\"}}", "{\"title\":\"b\"}"),
        bodies.get(1).lines().toList());
  }

  @Test
  void aBusyClusterIsAskedAgain() throws IOException {
    answers.add(new Answer(429, "{\"error\":{\"type\":\"es_rejected_execution_exception\",\"reason\":\"busy\"}}"));
    answers.add(new Answer(200, items(List.of(item("a", 201)))));
    try (OpenSearchClient client = client()) {
      BulkWriter w = new BulkWriter(client, "idx");
      w.index("a", client.json().createObjectNode());
      w.flush();
    }
    assertEquals(2, requests.get());
  }

  @Test
  void otherRefusalsFailWithTheClustersReason() throws IOException {
    answers.add(new Answer(200, items(List.of(item("a", 400)))));
    try (OpenSearchClient client = client()) {
      BulkWriter w = new BulkWriter(client, "idx");
      w.index("a", client.json().createObjectNode());
      OpenSearchException e = assertThrows(OpenSearchException.class, w::flush);
      assertEquals(400, e.status());
      assertEquals("mapper_parsing_exception", e.type());
      assertTrue(e.getMessage().contains("failed to parse"), e.getMessage());
    }
  }

  @Test
  void aFullBatchGoesAtOnce() throws IOException {
    List<String> ok = new ArrayList<>();
    for (int i = 0; i < BulkWriter.MAX_OPERATIONS; i++) {
      ok.add(item("d" + i, 201));
    }
    answers.add(new Answer(200, items(ok)));
    try (OpenSearchClient client = client()) {
      BulkWriter w = new BulkWriter(client, "idx");
      for (int i = 0; i < BulkWriter.MAX_OPERATIONS; i++) {
        w.index("d" + i, client.json().createObjectNode());
      }
      assertEquals(1, requests.get());
      w.flush(); // nothing pending: no request
      assertEquals(1, requests.get());
    }
  }
}
