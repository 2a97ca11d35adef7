package org.broadsheet.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hand-written wire stories and the kinds of copy a wire archive holds of them: a changed
 * headline, a dropped or added paragraph, a few words changed, an "UPDATE 1-" re-top with a new
 * lead. Every story is long enough to be a story (five paragraphs), and the stories share a topic
 * and its vocabulary, so that telling copies from same-topic articles is the point.
 */
final class StoryVariants {
  private StoryVariants() {
  }

  static final List<String> STORIES = List.of(
      story("Cocoa growers expect late harvest after dry spell",
          "Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought since early January and improving prospects for the coming harvest, although normal humidity levels have not been restored, the Comissaria Smith review said.",
          "Arrivals for the week ended February 22 were 155,221 bags of 60 kilos, making a cumulative total for the season of 5.93 million against 5.81 at the same stage last year.",
          "The dry period means the temporao harvest will be late this year, and traders said farmers were holding back sales while prices recover from their January lows.",
          "Exporters are experiencing difficulties in obtaining superior certificates because the quality of recent arrivals has been poor, shippers in Salvador said on Thursday.",
          "With total crop estimates around 6.4 million bags and sales standing at almost 6.2 million, a few hundred thousand bags are still in the hands of farmers and middlemen."),
      story("Cocoa prices fall in London as Ivory Coast sales resume",
          "London cocoa futures fell sharply on Monday as dealers reported that Ivory Coast had resumed forward sales of its main crop to European grinders after a pause of several weeks.",
          "The May position closed 35 sterling lower at 1,402 a tonne, its lowest level since the autumn, on volume of about 4,800 lots, according to dealers at the London exchange.",
          "Grinders in the Netherlands and West Germany were said to have bought substantial tonnages for shipment in the second and third quarters at prices below market expectations.",
          "Analysts said the return of Ivory Coast sales removed one of the main props under the market, which had rallied on fears of a tight supply of good quality West African beans.",
          "The International Cocoa Organization buffer stock manager has not yet started buying, although prices are now below the level at which the agreement allows purchases."),
      story("Coffee exporters meet in Brazil to discuss quotas",
          "Coffee producing countries will meet in Rio de Janeiro next week to try to agree a common position on export quotas before talks resume with consumers in London next month.",
          "Brazil, the largest producer, wants its share of the market to be based on its historical exports, while Colombia and the Central American producers favour a system of verifiable stocks.",
          "The talks in London broke down in February when producers and consumers failed to agree how quotas should be distributed, and prices have since fallen to four year lows.",
          "Officials of the Brazilian Coffee Institute said they were optimistic that a compromise could be found, but delegates from African producers said positions remained far apart.",
          "Without quotas, exporters fear a flood of coffee onto the market that would push prices down further and cut the foreign exchange earnings of many poor countries."),
      story("Sugar output in Thailand seen lower on drought",
          "Thai sugar production in the current season is expected to fall to about 2.3 million tonnes from 2.6 million last season because of drought in the main cane growing areas, industry officials said.",
          "The drought hit the northeast of the country hardest, where many farmers switched from cane to cassava, which needs less water and fetches better prices at current levels.",
          "Exports are likely to drop to about 1.5 million tonnes, and the government has asked mills to give priority to domestic needs before signing new export contracts this year.",
          "Traders in Bangkok said the lower output would reduce pressure on world prices, which have been depressed by large surpluses in the European Community and Brazil.",
          "The Thai Sugar Millers Association said mills would pay farmers a provisional price of 260 baht a tonne of cane, unchanged from last season, despite the smaller crop."));

  private static String story(String title, String... paragraphs) {
    return title + "\n\n" + String.join("\n\n", paragraphs);
  }

  static String title(String story) {
    return story.substring(0, story.indexOf("\n\n"));
  }

  static List<String> paragraphs(String story) {
    return new ArrayList<>(List.of(story.substring(story.indexOf("\n\n") + 2).split("\n\n")));
  }

  static String join(String title, List<String> paragraphs) {
    return title + "\n\n" + String.join("\n\n", paragraphs);
  }

  static String newHeadline(String story) {
    return join("UPDATE 1-" + title(story).toLowerCase() + " in early trade", paragraphs(story));
  }

  static String dropParagraph(String story) {
    List<String> p = paragraphs(story);
    p.remove(p.size() - 2);
    return join(title(story), p);
  }

  static String addParagraph(String story) {
    List<String> p = paragraphs(story);
    p.add("Further details were not immediately available, and officials declined to comment when reached by telephone late on Friday evening.");
    return join(title(story), p);
  }

  /** Changes {@code n} words, chosen by the seed, to other words. */
  static String changeWords(String story, int n, long seed) {
    String[] words = story.split(" ");
    Random random = new Random(seed);
    for (int i = 0; i < n; i++) {
      int at = 3 + random.nextInt(words.length - 3);
      words[at] = "changed" + i;
    }
    return String.join(" ", words);
  }

  /** A re-top: a new lead paragraph, the old lead reworded, the rest kept. */
  static String retop(String story) {
    List<String> p = paragraphs(story);
    p.add(0, "Officials gave new figures on Friday that confirmed the trend described earlier in the week, and market participants said they expected further revisions before the end of the month.");
    p.set(1, p.get(1).replace(" said", " had said earlier"));
    return join("UPDATE 2-" + title(story), p);
  }
}
