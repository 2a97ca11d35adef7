package org.broadsheet.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Guesses made on several threads at once are the ones made one at a time: no thread reads another's text. */
class LanguageGuesserTest {
  private static final String[] TEXTS = {
      "The central bank raised interest rates on Tuesday, saying inflation had not slowed as much as expected.",
      "La banque centrale a relevé ses taux mardi, estimant que l'inflation n'avait pas ralenti comme prévu.",
      "Die Zentralbank hat am Dienstag die Zinsen erhöht, weil sich die Inflation nicht wie erwartet abgeschwächt hat.",
      "El banco central subió los tipos de interés el martes, al considerar que la inflación no se había moderado.",
      "De centrale bank verhoogde dinsdag de rente omdat de inflatie minder snel daalde dan verwacht werd."};

  @Test
  void threadsGuessAsOneThreadDoes() throws Exception {
    LanguageGuesser guesser = new LanguageGuesser();
    List<String> alone = new ArrayList<>();
    for (String t : TEXTS) {
      alone.add(guesser.guess(t));
    }
    assertEquals(List.of("en", "fr", "de", "es", "nl"), alone);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int offset = thread;
        runs.add(pool.submit(() -> {
          List<String> wrong = new ArrayList<>();
          for (int i = 0; i < 300; i++) {
            int k = (i + offset) % TEXTS.length;
            String g = guesser.guess(TEXTS[k]);
            if (!alone.get(k).equals(g)) {
              wrong.add(k + " guessed " + g);
            }
          }
          return wrong;
        }));
      }
      for (Future<List<String>> run : runs) {
        assertEquals(List.of(), run.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
