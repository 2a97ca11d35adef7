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

  /** News paragraphs of 30 words or more, English first. */
  private static final String[] LONG = {
      "The central bank raised interest rates on Tuesday for the third time this year, saying that inflation had not "
          + "slowed as much as it had expected and that it would act again if prices kept rising, its governor told "
          + "lawmakers in the capital.",
      "La banque centrale a relevé ses taux mardi pour la troisième fois cette année, estimant que l'inflation n'avait "
          + "pas ralenti autant que prévu et qu'elle agirait de nouveau si les prix continuaient de monter, a déclaré son "
          + "gouverneur devant les députés.",
      "Die Zentralbank hat am Dienstag zum dritten Mal in diesem Jahr die Zinsen erhöht, weil sich die Inflation nicht "
          + "so stark abgeschwächt hat wie erwartet, und sie will erneut handeln, wenn die Preise weiter steigen, sagte "
          + "der Präsident vor den Abgeordneten. Was die Regierung will, war unklar.",
      "De centrale bank verhoogde dinsdag voor de derde keer dit jaar de rente, omdat de inflatie minder snel daalde "
          + "dan verwacht, en zij zal opnieuw ingrijpen als de prijzen blijven stijgen, zei de president tegen de "
          + "parlementsleden. Het was een moeilijke beslissing.",
      "El banco central subió los tipos de interés el martes por tercera vez este año, al considerar que la inflación "
          + "no se había moderado tanto como esperaba y que volvería a actuar si los precios siguen subiendo, dijo su "
          + "gobernador ante los diputados.",
      "Nationalbanken hævede tirsdag renten for tredje gang i år, fordi inflationen ikke var faldet så meget som "
          + "ventet, og den vil gribe ind igen, hvis priserne fortsat stiger, sagde direktøren til folketingets "
          + "medlemmer, og det var at forvente.",
      "A banca central subiu as taxas de juro na terça-feira pela terceira vez este ano, considerando que a inflação "
          + "não tinha abrandado tanto como esperava e que voltaria a agir se os preços continuarem a subir, disse o "
          + "governador aos deputados."};

  @Test
  void englishNewsIsKnownByItsCommonestWordsAndNothingElseIs() {
    assertEquals(true, LanguageGuesser.plainlyEnglish(LONG[0]));
    assertEquals("en", new org.apache.tika.langdetect.optimaize.OptimaizeLangDetector().loadModels().detect(LONG[0])
        .getLanguage(), "Optimaize says the same");
    for (int i = 1; i < LONG.length; i++) {
      assertEquals(false, LanguageGuesser.plainlyEnglish(LONG[i]), LONG[i]);
    }
    assertEquals(false, LanguageGuesser.plainlyEnglish(TEXTS[0]), "too few words to judge by");
    LanguageGuesser guesser = new LanguageGuesser();
    assertEquals(List.of("en", "fr", "de", "nl", "es", "da", "pt"),
        java.util.Arrays.stream(LONG).map(guesser::guess).toList());
  }

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
