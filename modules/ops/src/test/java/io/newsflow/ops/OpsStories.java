/*
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
package io.newsflow.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.newsflow.model.RawArticle;

/** Ten short, unrelated local-news items written for the ops tests, plus ways to copy and break them. */
final class OpsStories {

    record Story(String id, String source, String title, String body) {

        String url() {
            return "https://" + source + "/" + id;
        }
    }

    static final List<Story> TEN = List.of(
            new Story("ops-1", "riverside.example", "Ferry timetable changes",
                    "The ferry between Oldquay and Saltmarsh will run every forty minutes from next month instead "
                            + "of every half hour, the operator said, blaming a shortage of trained deck crew. "
                            + "Commuters who rely on the early crossing asked for the first boat to stay at six."),
            new Story("ops-2", "riverside.example", "Orchard festival draws record crowd",
                    "More than twelve thousand visitors came to the apple orchard festival at Pellham on Sunday. "
                            + "Growers sold out of cider by mid afternoon and a brass band played until dusk "
                            + "beside the old pressing barn, which reopened after a long restoration."),
            new Story("ops-3", "uplands.example", "Mountain road closed by rockfall",
                    "Engineers closed the pass road above Kernwick after boulders the size of cars came down "
                            + "overnight. Nobody was hurt. Drivers heading to the ski villages face a detour of "
                            + "ninety kilometres while netting is fixed to the cliff face."),
            new Story("ops-4", "uplands.example", "Observatory opens to schools",
                    "The hilltop observatory at Brennock will host free evening sessions for pupils this winter. "
                            + "Its restored refracting telescope, built in the eighteen nineties, can show Saturn's "
                            + "rings on a clear night, according to the volunteer astronomers."),
            new Story("ops-5", "coastal.example", "Lifeboat crew rescues kayakers",
                    "Volunteers from the Tarnmouth lifeboat station pulled three kayakers from choppy water near "
                            + "the lighthouse on Saturday evening. The paddlers had been swept past the breakwater "
                            + "by a strong ebb tide and were treated for cold on the slipway."),
            new Story("ops-6", "coastal.example", "Fish market moves indoors",
                    "Traders at the Harlow fish market will move into a refrigerated hall next spring after "
                            + "health inspectors raised concerns about the open quay stalls. Some stallholders "
                            + "worry that higher rents will push small family boats out of the trade."),
            new Story("ops-7", "metro.example", "Night trams return",
                    "Trams will again run all night on weekends along the Cathedral line from the first of "
                            + "December. The transit authority suspended the service three years ago and says "
                            + "new sensors now let it inspect the track during weekday closures instead."),
            new Story("ops-8", "metro.example", "Rooftop gardens approved",
                    "Planners approved rooftop vegetable gardens on four municipal car parks in the Eastgate "
                            + "district. Residents can rent raised beds for a small yearly fee, and rainwater "
                            + "tanks will supply the irrigation during dry summer weeks."),
            new Story("ops-9", "valley.example", "Textile mill becomes museum",
                    "The derelict wool mill at Cranford reopened as a museum of weaving on Friday, with working "
                            + "looms powered once more by the restored water wheel. Former mill hands guided the "
                            + "first visitors and demonstrated how blankets were made a century ago."),
            new Story("ops-10", "valley.example", "Beekeepers report strong honey harvest",
                    "Beekeepers across the Dunlow valley reported their best honey harvest in a decade after a "
                            + "warm, still summer with late heather bloom. The regional association will hold a "
                            + "tasting fair in the village hall and judge the darkest heather honey."));

    private OpsStories() {
    }

    static RawArticle article(Story story) {
        return article(story.id(), story.url(), story);
    }

    /** The same story re-sent under a new id with a tracking parameter on its URL: an exact duplicate. */
    static RawArticle trackedCopy(Story story, String copyId) {
        return article(copyId, story.url() + "?utm_source=newsletter", story);
    }

    /** Valid Avro, but nothing to process: the validate stage sends it to the dead-letter topic. */
    static RawArticle emptyBody(String id) {
        return RawArticle.newBuilder()
                .setId(id).setUrl(null).setSource("riverside.example").setTitle("Empty").setBody(" ")
                .setFetchedAt(Instant.now())
                .setHeaders(Map.of())
                .build();
    }

    private static RawArticle article(String id, String url, Story story) {
        return RawArticle.newBuilder()
                .setId(id).setUrl(url).setSource(story.source()).setTitle(story.title()).setBody(story.body())
                .setLanguage("en")
                .setPublishedAt(Instant.now().minusSeconds(3_600))
                .setFetchedAt(Instant.now())
                .setHeaders(Map.of())
                .build();
    }
}
