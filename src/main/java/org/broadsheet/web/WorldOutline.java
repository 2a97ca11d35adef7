package org.broadsheet.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Build step: turns Natural Earth's countries at 1:110 million, as TopoJSON from the npm package
 * {@code world-atlas} (installed by the build, see pom.xml), into the SVG paths the page's map draws:
 * {@code geo/world.json}, {@code {"viewBox", "source", "countries": [{"name", "d"}]}}, in an
 * equirectangular projection where x is longitude + 180 and y is 90 − latitude, so the page places
 * a point with no projection code of its own. Antarctica is left out (no news happens on the map's
 * bottom edge) and the view stops at 84° N and 60° S. Nothing of it is committed.
 *
 * <p>Usage: {@code WorldOutline countries-110m.json OUTPUT_DIR}
 */
public final class WorldOutline {
  /** The part of the world the map shows, in the projected units (degrees from 180° W and 90° N). */
  static final String VIEW_BOX = "0 6 360 144";

  private WorldOutline() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: WorldOutline countries-110m.json OUTPUT_DIR");
      System.exit(2);
    }
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode out = outline(mapper.readTree(Path.of(args[0]).toFile()), mapper);
    Path dir = Files.createDirectories(Path.of(args[1]));
    Files.writeString(dir.resolve("world.json"), mapper.writeValueAsString(out));
  }

  static ObjectNode outline(JsonNode topo, ObjectMapper mapper) {
    List<double[][]> arcs = arcs(topo);
    ObjectNode out = mapper.createObjectNode();
    out.put("viewBox", VIEW_BOX);
    out.put("source", "Natural Earth 1:110m countries, via the npm package world-atlas (public domain)");
    ArrayNode countries = out.putArray("countries");
    for (JsonNode g : topo.path("objects").path("countries").path("geometries")) {
      String name = g.path("properties").path("name").asText("");
      if (name.equals("Antarctica")) {
        continue;
      }
      StringBuilder d = new StringBuilder();
      switch (g.path("type").asText()) {
        case "Polygon" -> polygon(g.path("arcs"), arcs, d);
        case "MultiPolygon" -> g.path("arcs").forEach(p -> polygon(p, arcs, d));
        default -> { }
      }
      if (!d.isEmpty()) {
        countries.addObject().put("name", name).put("d", d.toString());
      }
    }
    return out;
  }

  /** The arcs in degrees: quantized, delta-encoded positions decoded with the topology's transform. */
  private static List<double[][]> arcs(JsonNode topo) {
    JsonNode t = topo.path("transform");
    double sx = t.path("scale").path(0).asDouble(1);
    double sy = t.path("scale").path(1).asDouble(1);
    double tx = t.path("translate").path(0).asDouble(0);
    double ty = t.path("translate").path(1).asDouble(0);
    boolean quantized = t.isObject();
    List<double[][]> arcs = new ArrayList<>();
    for (JsonNode arc : topo.path("arcs")) {
      double[][] points = new double[arc.size()][];
      double x = 0;
      double y = 0;
      for (int i = 0; i < arc.size(); i++) {
        if (quantized) {
          x += arc.get(i).get(0).asDouble();
          y += arc.get(i).get(1).asDouble();
          points[i] = new double[] {x * sx + tx, y * sy + ty};
        } else {
          points[i] = new double[] {arc.get(i).get(0).asDouble(), arc.get(i).get(1).asDouble()};
        }
      }
      arcs.add(points);
    }
    return arcs;
  }

  private static void polygon(JsonNode rings, List<double[][]> arcs, StringBuilder d) {
    for (JsonNode ring : rings) {
      List<double[]> points = new ArrayList<>();
      for (JsonNode index : ring) {
        int i = index.asInt();
        double[][] arc = arcs.get(i >= 0 ? i : ~i);
        for (int k = 0; k < arc.length; k++) {
          double[] p = arc[i >= 0 ? k : arc.length - 1 - k];
          if (k > 0 || points.isEmpty()) {
            points.add(p);
          }
        }
      }
      ring(points, d);
    }
  }

  /**
   * One ring as "M x y L ... Z", one decimal (a tenth of a degree: finer than the data), repeats
   * dropped. A ring that crosses the antimeridian (Fiji, Chukotka) is kept continuous, running past
   * the map's edge where the view clips it, instead of a line drawn across the whole world.
   */
  private static void ring(List<double[]> points, StringBuilder d) {
    String last = null;
    int n = 0;
    StringBuilder r = new StringBuilder();
    double shift = 0;
    double previous = Double.NaN;
    for (double[] p : points) {
      double lon = p[0] + shift;
      if (!Double.isNaN(previous) && lon - previous > 180) {
        shift -= 360;
        lon -= 360;
      } else if (!Double.isNaN(previous) && lon - previous < -180) {
        shift += 360;
        lon += 360;
      }
      previous = lon;
      String xy = String.format(Locale.ROOT, "%.1f %.1f", lon + 180, 90 - p[1]);
      if (xy.equals(last)) {
        continue;
      }
      r.append(n == 0 ? "M" : "L").append(xy);
      last = xy;
      n++;
    }
    if (n >= 3) {
      d.append(r).append('Z');
    }
  }
}
