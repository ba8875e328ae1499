// Metadata guesses on the kinds of lines scraped news pages and transcripts really have (written here in
// their shape: datelines, glued times, mastheads, breadcrumbs, phone lines).
#include <doctest/doctest.h>

#include "text/metadata.h"

TEST_SUITE("text") {

TEST_CASE("dates are read in the forms news pages use") {
    CHECK(text::FindDate("Published 11 December 2015 by the press office").iso == "2015-12-11");
    CHECK(text::FindDate("December 11, 2015").iso == "2015-12-11");
    CHECK(text::FindDate("March 3rd 2019 was cold").iso == "2019-03-03");
    CHECK(text::FindDate("30 ноября 2015 года").iso == "2015-11-30");
    CHECK(text::FindDate("30 НОЯБРЯ 2015").iso == "2015-11-30");
    CHECK(text::FindDate("1 ФЕВРАЛЯ 2001").iso == "2001-02-01");
    CHECK(text::FindDate("14 JUILLET 1789").iso == "1789-07-14");
    CHECK(text::FindDate("3 DÉCEMBRE 1999").iso == "1999-12-03");
    CHECK(text::FindDate("le 14 juillet 1789").iso == "1789-07-14");
    CHECK(text::FindDate("Stand: 3. März 2020").iso == "2020-03-03");
    CHECK(text::FindDate("Updated 23.03.2018, 14:05").iso == "2018-03-23");
    CHECK(text::FindDate("ref 512-23-04-2013").iso == "2013-04-23");
    CHECK(text::FindDate("2018-03-23T10:00").iso == "2018-03-23");
    CHECK(text::FindDate("04/23/2013").iso == "2013-04-23");   // month first when the day cannot be 23
}

TEST_CASE("a time glued to the year does not hide the date") {
    text::FoundDate d = text::FindDate("9 June 201712:30");
    CHECK(d.iso == "2017-06-09");
    CHECK(d.has_year);
}

TEST_CASE("the note for a date with a time glued to the year quotes the text as it was") {
    text::FoundDate d = text::FindDate("Posted 11 December 201518:47 by the press office");
    CHECK(d.iso == "2015-12-11");
    CHECK(d.evidence == "11 December 201518:47");
    CHECK(text::FindDate("December 11, 201518:47").evidence == "December 11, 201518:47");
    CHECK(text::FindDate("11 December 2015 18:47").evidence == "11 December 2015");   // not glued: the date alone
    text::GuessedMetadata m = text::GuessMetadata("11 December 201518:47\n\nThe minister spoke to the press today about it.");
    CHECK(m.date == "2015-12-11");
    CHECK(m.date_note == "read from \"11 December 201518:47\"");
}

TEST_CASE("a dateline without a year gives month and day only") {
    text::FoundDate d = text::FindDate("KYIV, June 5. /AGENCY/. The talks resumed");
    CHECK(d.iso == "--06-05");
    CHECK_FALSE(d.has_year);
    CHECK(d.evidence == "June 5");
}

TEST_CASE("impossible dates and non-dates are not dates") {
    CHECK(text::FindDate("31 February 2015").iso.empty());
    CHECK(text::FindDate("we may 2015 things").iso.empty());
    CHECK(text::FindDate("version 12.34.5678").iso.empty());
    CHECK(text::FindDate("").iso.empty());
}

TEST_CASE("page furniture lines are recognised, content lines are not") {
    for (const char* line : {"All news", "Top Stories", "Most Visited in Other Media", "Home \\ Speeches \\",
                             "+44 (0) 203 555 0199", "+44 (0) 203 555 0199\xC2\xA0\xC2\xA0", "Moscow: 18:40", "11 December 201518:47", "512-23-04-2013",
                             "\xE2\x80\xA2 en-GB ru-RU", "Advanced settings", "  all messages  "}) {
        CAPTURE(line);
        CHECK(text::IsFurnitureLine(line));
    }
    for (const char* line : {"The minister answered questions about the talks.", "Question: What comes next?",
                             "Pseudo-liberal values", "Sergey Lavrov: Thank you.", ""}) {
        CAPTURE(line);
        CHECK_FALSE(text::IsFurnitureLine(line));
    }
}

TEST_CASE("a news agency page: title after navigation, agency and date from the dateline") {
    const char* page =
        "All news\n\n"
        "Ministers agree to resume consultations on trade — spokesman\n\n"
        "The spokesman comments on the outcome of the meeting\n\n"
        "KYIV, June 5. /UKRINFORM/. Ministers agreed on Tuesday to resume consultations on trade, the spokesman "
        "said in an interview with a regional newspaper.\n\n"
        "\"We are ready to continue,\" he said.\n";
    text::GuessedMetadata m = text::GuessMetadata(page);
    CHECK(m.title == "Ministers agree to resume consultations on trade — spokesman");
    CHECK(m.source == "UKRINFORM");
    CHECK(m.source_note == "dateline \"KYIV, June 5. /UKRINFORM/.\"");
    CHECK(m.date == "--06-05");
    CHECK(m.date_note == "read from \"June 5\" (no year given)");
    CHECK(m.lang == "en");
}

TEST_CASE("a ministry page: masthead as source, breadcrumbs skipped, date from the title") {
    const char* page =
        "THE MINISTRY OF CULTURE\n"
        "OF THE REPUBLIC OF EXAMPLE\n"
        "official site\n\n"
        "Home \\ Statements and speeches \\\n\n"
        "Remarks by the Minister of Culture at the opening of the national library, Lisbon, 7 May 2014\n\n"
        "512-07-05-2014\n\n"
        "    Ladies and gentlemen, it is an honour to open this library with you today.\n";
    text::GuessedMetadata m = text::GuessMetadata(page);
    CHECK(m.title == "Remarks by the Minister of Culture at the opening of the national library, Lisbon, 7 May 2014");
    CHECK(m.source == "The Ministry of Culture of the Republic of Example");
    CHECK(m.date == "2014-05-07");
    CHECK(m.lang == "en");
}

TEST_CASE("a page that opens with date, times and a phone line") {
    const char* page =
        "24 March 2018\nMoscow: 18:40\nLondon: 15:40\n\nConsular queries:\n+44 (0) 203 555 0199\n\n\n"
        "The Ambassador's interview with a national daily\n\nQuestion: What will you discuss at the forum?\n";
    text::GuessedMetadata m = text::GuessMetadata(page);
    CHECK(m.title == "The Ambassador's interview with a national daily");
    CHECK(m.date == "2018-03-24");
    CHECK(m.source.empty());
}

TEST_CASE("a markdown heading is a title without its marks") {
    CHECK(text::GuessMetadata("## Notes from the annual meeting\n\nThe members met in the town hall on Friday.").title ==
          "Notes from the annual meeting");
    CHECK(text::GuessMetadata("###\n\nA rule, then the real headline of this page\n").title ==
          "A rule, then the real headline of this page");
}

TEST_CASE("an agency name in parentheses after the city") {
    text::GuessedMetadata m = text::GuessMetadata(
        "Talks to continue next week\n\nGENEVA (Agence Example) – Delegations said on Thursday that the talks "
        "would continue next week in the same format.");
    CHECK(m.source == "Agence Example");
}

TEST_CASE("the language is told by its common words") {
    CHECK(text::GuessLanguage("Министр сообщил, что переговоры возобновятся в Женеве, и эксперты встретятся на следующей неделе.") == "ru");
    CHECK(text::GuessLanguage("Die Straße des 17. Juni führt vom Tor zum Platz, und am Wochenende ist sie für Autos gesperrt.") == "de");
    CHECK(text::GuessLanguage("Le café était fermé et nous avons lu dans le jardin pour la journée.") == "fr");
    CHECK(text::GuessLanguage("Η Σοφία και ο Νίκος περπάτησαν στην Πλάκα και είδαν το θέατρο της πόλης.") == "el");
    std::string note;
    CHECK(text::GuessLanguage("12345 67890", &note).empty());
    CHECK(note == "too few common words to tell");
}

}  // TEST_SUITE
