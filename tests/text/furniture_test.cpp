// Furniture trimming on page shapes written here: agency pages, ministry transcripts, link lists after the
// article, headlines repeated, lines shared by a site's pages; and what must survive.
#include <doctest/doctest.h>

#include "text/furniture.h"

namespace {
const char* kAgencyPage =
    "All news\n\n"
    "Ministers agree to resume consultations on trade\n\n"
    "Ministers agree to resume consultations on trade\n\n"
    "KYIV, June 5. /UKRINFORM/. Ministers agreed on Tuesday to resume consultations on trade, the spokesman said.\n\n"
    "\"We are ready to continue the work we started last year,\" he said.\n\n"
    "Most Visited in Other Media\n"
    "Top Other Media stories\n"
    "Top Stories\n";

std::string TrimSpaceForTest(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

bool Removed(const text::TrimResult& r, const std::string& line, const std::string& reason) {
    for (const auto& removed : r.removed)
        if (removed.line == line && removed.reason == reason) return true;
    return false;
}
}  // namespace

TEST_SUITE("text") {

TEST_CASE("navigation above and link lists below the article are trimmed, with reasons") {
    text::FurnitureTrimmer trimmer;
    trimmer.AddDocument(kAgencyPage, "UKRINFORM");
    text::TrimResult r = trimmer.Trim(kAgencyPage, "UKRINFORM");
    CHECK(r.text ==
          "Ministers agree to resume consultations on trade\n\n"
          "KYIV, June 5. /UKRINFORM/. Ministers agreed on Tuesday to resume consultations on trade, the spokesman said.\n\n"
          "\"We are ready to continue the work we started last year,\" he said.");
    CHECK(Removed(r, "All news", "navigation or page furniture"));
    CHECK(Removed(r, "Ministers agree to resume consultations on trade", "headline repeated"));
    CHECK(Removed(r, "Top Stories", "navigation or page furniture"));
    CHECK(Removed(r, "Top Other Media stories", "navigation or page furniture"));
    CHECK(r.removed.size() == 5);
}

TEST_CASE("mastheads, breadcrumbs, times, phones and codes at the top of a page go") {
    const char* page =
        "THE MINISTRY OF CULTURE\nOF THE REPUBLIC OF EXAMPLE\nofficial site\n\nHome \\ Statements and speeches \\\n\n"
        "24 March 2018\nMoscow: 18:40\n\nConsular queries:\n+44 (0) 203 555 0199\xC2\xA0\xC2\xA0\n\n"
        "Remarks by the Minister at the opening of the library\n\n512-07-05-2014\n\n"
        "    Ladies and gentlemen, it is an honour to open this library with you today.\n";
    text::FurnitureTrimmer trimmer;
    trimmer.AddDocument(page, "");
    text::TrimResult r = trimmer.Trim(page, "");
    CHECK(r.text == "Remarks by the Minister at the opening of the library\n\n"
                    "Ladies and gentlemen, it is an honour to open this library with you today.");
    CHECK(Removed(r, "THE MINISTRY OF CULTURE", "site masthead"));
    CHECK(Removed(r, "Consular queries:", "page label"));
    CHECK(Removed(r, "+44 (0) 203 555 0199", "navigation or page furniture"));
}

TEST_CASE("lines repeated across pages of one site are trimmed anywhere, other sites untouched") {
    std::string footer = "Copyright Example Agency, all rights reserved worldwide";
    std::string a = "The first report says the talks went well and will continue next month.\n\n" + footer + "\n";
    std::string b = "The second report says the delegations met again and agreed on a plan.\n\n" + footer + "\n";
    std::string c = "A third page from another site ends with the same words by chance today.\n\n" + footer + "\n";
    text::FurnitureTrimmer trimmer;
    trimmer.AddDocument(a, "Agency");
    trimmer.AddDocument(b, "Agency");
    trimmer.AddDocument(c, "Other");
    text::TrimResult ra = trimmer.Trim(a, "Agency");
    CHECK(ra.text == "The first report says the talks went well and will continue next month.");
    CHECK(Removed(ra, footer, "repeated on 2 pages of Agency"));
    // The other site has one page, so there is nothing to compare: its line stays (eight words is more than
    // a link in a list after the article).
    text::TrimResult rc = trimmer.Trim(c, "Other");
    CHECK(rc.text.find("A third page") == 0);
    CHECK(rc.text.find(footer) != std::string::npos);
}

TEST_CASE("a page whose every prose line repeats on the site keeps its text") {
    std::string article = "The same article was posted twice on this site, word for word, as sites sometimes do.\n";
    text::FurnitureTrimmer trimmer;
    trimmer.AddDocument(article, "Site");
    trimmer.AddDocument(article, "Site");
    CHECK(trimmer.Trim(article, "Site").text == TrimSpaceForTest(article));
}

TEST_CASE("transcripts keep speaker labels and the body of the text") {
    const char* transcript =
        "Question: What do you expect from the meeting?\n\n"
        "Minister:\n\n"
        "We expect a frank discussion of every point on the agenda, as agreed last year.\n\n"
        "Question: Thank you.\n";
    text::FurnitureTrimmer trimmer;
    trimmer.AddDocument(transcript, "Ministry");
    text::TrimResult r = trimmer.Trim(transcript, "Ministry");
    CHECK(r.text.find("Question: What do you expect") == 0);
    CHECK(r.text.find("We expect a frank discussion") != std::string::npos);
    CHECK(r.text.find("Question: Thank you.") != std::string::npos);
}

TEST_CASE("a text with no prose loses only unmistakable furniture") {
    const char* poem = "Autumn\n\nLeaves fall slow\nrain on the roof\nAll news\n";
    text::FurnitureTrimmer trimmer;
    trimmer.AddDocument(poem, "");
    text::TrimResult r = trimmer.Trim(poem, "");
    CHECK(r.text == "Autumn\n\nLeaves fall slow\nrain on the roof");
    CHECK(r.removed.size() == 1);
}

}  // TEST_SUITE
