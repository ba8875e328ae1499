// Folding for filters: case and accents ignored in every script, punctuation kept, ASCII's fast path equal
// to ICU's result; and reading a date the metadata editor is given.
#include <doctest/doctest.h>

#include "text/fold.h"
#include "text/metadata.h"

TEST_SUITE("text") {

TEST_CASE("folding for filters ignores case and accents in every script and keeps punctuation") {
    CHECK(text::FoldForFilter("Democratic-Republican") == "democratic-republican");
    CHECK(text::FoldForFilter("République Française") == "republique francaise");
    CHECK(text::FoldForFilter("JOSÉ MARTÍ") == "jose marti");
    CHECK(text::FoldForFilter("Straße") == "strasse");
    CHECK(text::FoldForFilter("СЕРГЕЙ Лавров") == "сергеи лавров");   // «й» loses its breve too: both sides alike
    CHECK(text::FoldForFilter("Ἀθῆναι") == "αθηναι");
    CHECK(text::FoldForFilter("ﬁnance 1990-05") == "finance 1990-05");
    CHECK(text::FoldForFilter("") == "");
    // The ASCII fast path gives what ICU gives (a non-ASCII character forces the ICU path for the rest).
    CHECK(text::FoldForFilter("Pt-BR, 1861. é").substr(0, 12) == text::FoldForFilter("Pt-BR, 1861."));
}

TEST_CASE("a date is read in full as ISO, or refused") {
    CHECK(text::ReadDate("1790") == "1790");
    CHECK(text::ReadDate("1790-03") == "1790-03");
    CHECK(text::ReadDate("2016-02-29") == "2016-02-29");
    CHECK(text::ReadDate("2015-02-29") == "");
    CHECK(text::ReadDate("--11-30") == "--11-30");
    CHECK(text::ReadDate("11 December 2015") == "2015-12-11");
    CHECK(text::ReadDate("30 ноября 2015") == "2015-11-30");
    CHECK(text::ReadDate("December 11, 2015.") == "2015-12-11");
    CHECK(text::ReadDate("23.03.2018") == "2018-03-23");
    CHECK(text::ReadDate("1790-13") == "");
    CHECK(text::ReadDate("Published 11 December 2015") == "");   // more than a date
    CHECK(text::ReadDate("November 30") == "");                  // no year: type --11-30
    CHECK(text::ReadDate("soon") == "");
}

}  // TEST_SUITE
