// The Reader's selection: the word and sentence a double- or triple-click selects (UAX #29 over the line
// around the byte), in ASCII and non-ASCII text, at line ends and in long lines, and the text it copies.
#include <doctest/doctest.h>

#include <string>

#include "app/reader_selection.h"

namespace {

// The text `range` covers in `text`.
std::string Cut(const std::string& text, app::TextRange range) { return app::SelectedText(text, range); }

uint32_t At(const std::string& text, const char* needle) { return static_cast<uint32_t>(text.find(needle)); }

}  // namespace

TEST_SUITE("app") {

TEST_CASE("a double-click selects the word under it, in any script, and a space or a mark alone") {
    const std::string text = "СЕРГЕЙ ЛАВРОВ: Мы готовы продолжить диалог. Η σοφία, είπε.";
    CHECK(Cut(text, app::WordAt(text, At(text, "ЛАВРОВ") + 4)) == "ЛАВРОВ");   // a byte inside «А»
    CHECK(Cut(text, app::WordAt(text, At(text, "готовы"))) == "готовы");
    CHECK(Cut(text, app::WordAt(text, At(text, "σοφία") + 3)) == "σοφία");
    CHECK(Cut(text, app::WordAt(text, At(text, ":"))) == ":");
    CHECK(Cut(text, app::WordAt(text, At(text, " Мы"))) == " ");
    // Past the line's last character: the last segment of the line.
    CHECK(Cut(text, app::WordAt(text, static_cast<uint32_t>(text.size()))) == ".");
}

TEST_CASE("a word ends at the line, and a click past a line's end selects that line's last word") {
    const std::string text = "first line ends here\nsecond line";
    CHECK(Cut(text, app::WordAt(text, At(text, "\n"))) == "here");
    CHECK(Cut(text, app::WordAt(text, At(text, "second"))) == "second");
    const std::string empty_line = "a\n\nb";
    CHECK(app::WordAt(empty_line, 2).empty());
}

TEST_CASE("a triple-click selects the sentence without its trailing space, and never crosses a line break") {
    const std::string text = "СЕРГЕЙ ЛАВРОВ: Мы готовы продолжить диалог. Министр иностранных дел Сергей Лавров сообщил, "
                             "что переговоры возобновятся в Женеве.\nNext paragraph. Its second sentence.";
    CHECK(Cut(text, app::SentenceAt(text, At(text, "Лавров"))) ==
          "Министр иностранных дел Сергей Лавров сообщил, что переговоры возобновятся в Женеве.");
    CHECK(Cut(text, app::SentenceAt(text, At(text, "готовы"))) == "СЕРГЕЙ ЛАВРОВ: Мы готовы продолжить диалог.");
    CHECK(Cut(text, app::SentenceAt(text, At(text, "paragraph"))) == "Next paragraph.");
    CHECK(Cut(text, app::SentenceAt(text, At(text, "second"))) == "Its second sentence.");
}

TEST_CASE("in a line of megabytes a click segments only the text near it") {
    std::string text;
    while (text.size() < 1000000) text += "Über alles. ";
    const uint32_t middle = At(text, "Über") + 12 * 40000;
    CHECK(Cut(text, app::WordAt(text, middle + 1)) == "Über");   // a byte inside «Ü»
    CHECK(Cut(text, app::SentenceAt(text, middle)) == "Über alles.");
}

TEST_CASE("the selected text is the byte range, whichever way the drag went, clamped to the text") {
    const std::string text = "Straße des 17. Juni";
    app::ReaderSelection sel{.anchor = At(text, " des"), .caret = 0};
    CHECK(sel.range() == app::TextRange{0, At(text, " des")});
    CHECK(Cut(text, sel.range()) == "Straße");
    CHECK(Cut(text, {At(text, "Juni"), 999}) == "Juni");
    CHECK(Cut(text, {5, 5}).empty());
}

}  // TEST_SUITE
