// Guesses a document's title, date, source and language from its text, the way a reader would from the top
// of a scraped page: the first line that reads as a headline, the first date with a year (else a dateline
// without one), the agency in a dateline ("MOSCOW, November 30. /TASS/.") or the site's masthead, and the
// language whose common words dominate. Every guess comes with the evidence, for the import report, and is
// editable in the Library.
#pragma once
#include <string>
#include <string_view>

namespace text {

struct FoundDate {
    std::string iso;          // "2015-12-11"; "--11-30" when the year is not stated (ISO 8601 month-day)
    std::string evidence;     // the text it was read from
    bool has_year = false;
};

// The first date with a year in `text`, else the first day-and-month without one; empty iso when none.
// Reads "11 December 2015", "December 11, 2015", "30 ноября 2015", "23.03.2018", "23-04-2013",
// "2018-03-23", "11 December 201518:47" (a time glued to the year), "November 30" (no year).
FoundDate FindDate(std::string_view text);

// A date as a user or a metadata column writes it, read in full: "1790", "1790-03", "1790-03-15", "--11-30"
// (a day without a year, as import stores it) or any date FindDate reads with its year when nothing else
// but punctuation and spaces surrounds it ("11 December 2015", "23.03.2018", "December 11, 2015."). Returns
// the ISO form ("2015-12-11"), or "" when it is not a date we can read ("2015-13-01", "next week").
std::string ReadDate(std::string_view text);

struct GuessedMetadata {
    std::string title, date, source, lang;
    std::string title_note, date_note, source_note, lang_note;   // evidence, empty when nothing was found
};

// Guesses from plain text (HTML already extracted). Looks at the first ~60 lines for title and source and
// the first 4 KB for the date; the language comes from common words in the first 20 KB.
GuessedMetadata GuessMetadata(std::string_view text);

// A BCP 47 language tag ("en", "ru", "de", "fr", "es", "it", "el", "uk") from common-word counts, or "" when
// too few common words are found to say. `note` (optional) receives the evidence.
std::string GuessLanguage(std::string_view text, std::string* note = nullptr);

// True for a line that is page furniture rather than content: navigation ("All news", "Home \ Statements"),
// times and dates alone ("Moscow: 18:40"), phone numbers, language switchers, reference codes. Shared with
// the boilerplate trimmer so both agree on what furniture looks like.
bool IsFurnitureLine(std::string_view line);

}  // namespace text
