// Import end to end in memory: each file type, archives, every refusal, duplicates, and the report.
#include <doctest/doctest.h>

#include <algorithm>

#include "text/import.h"
#include "text/zip_writer.h"

namespace {

const text::ImportedDocument* Find(const text::Importer& importer, std::string_view from) {
    for (const auto& doc : const_cast<text::Importer&>(importer).documents())
        if (doc.imported_from == from) return &doc;
    return nullptr;
}

bool HasNote(const text::ImportedDocument& doc, std::string_view prefix) {
    return std::any_of(doc.notes.begin(), doc.notes.end(), [&](const std::string& n) { return n.rfind(prefix, 0) == 0; });
}

std::string Refusal(const text::Importer& importer, std::string_view where) {
    for (const auto& p : importer.report().refused)
        if (p.where == where) return p.message;
    return "";
}

const char* kArticle =
    "All news\n\n"
    "Delegations agree on a new round of talks in Geneva\n\n"
    "GENEVA, May 7. /AGENCY/. The delegations agreed on Tuesday to hold a new round of talks next month, a "
    "spokesman said after the meeting ended late in the evening.\n\n"
    "\"We are satisfied with the progress we made,\" the spokesman told reporters outside the building.\n";

}  // namespace

TEST_SUITE("text") {

TEST_CASE("import: a scraped text page gets its headline, dateline source and trimmed furniture") {
    text::Importer importer;
    importer.AddFile("news/article.txt", kArticle);
    importer.Finish();
    REQUIRE(importer.documents().size() == 1);
    const text::ImportedDocument& doc = importer.documents()[0];
    CHECK(doc.title == "Delegations agree on a new round of talks in Geneva");
    CHECK(doc.source == "AGENCY");
    CHECK(doc.date == "--05-07");
    CHECK(doc.lang == "en");
    CHECK(doc.text.rfind("Delegations agree", 0) == 0);
    CHECK(doc.original_text == kArticle);
    CHECK(HasNote(doc, "encoding: UTF-8"));
    CHECK(HasNote(doc, "trimmed \"All news\""));
}

TEST_CASE("import: an html page gives title, source and date from its markup") {
    text::Importer importer;
    importer.AddFile("page.html",
                     "<html lang=\"en-GB\"><head><title>Talks resume in Geneva</title>"
                     "<meta property=\"og:site_name\" content=\"Example News\">"
                     "<meta property=\"article:published_time\" content=\"2019-05-07T10:00:00Z\"></head>"
                     "<body><nav>Home | World</nav><p>The delegations met again on Tuesday and agreed to continue.</p>"
                     "<script>var x = 1;</script></body></html>");
    importer.Finish();
    REQUIRE(importer.documents().size() == 1);
    const text::ImportedDocument& doc = importer.documents()[0];
    CHECK(doc.title == "Talks resume in Geneva");
    CHECK(doc.source == "Example News");
    CHECK(doc.date == "2019-05-07");
    CHECK(doc.lang == "en");
    CHECK(doc.text.find("Home") == std::string::npos);
    CHECK(doc.text.find("var x") == std::string::npos);
    CHECK(doc.text.find("The delegations met again") != std::string::npos);
}

TEST_CASE("import: csv rows become documents, known columns metadata, the rest fields") {
    text::Importer importer;
    importer.AddFile("speeches.csv",
                     "year,president,party,text\n"
                     "1801,Thomas Example,Democratic-Republican,\"Fellow citizens, the state of the union\nis strong.\"\n"
                     "1802,Thomas Example,Democratic-Republican,\"Another year, another address to Congress.\"\n");
    importer.Finish();
    REQUIRE(importer.documents().size() == 2);
    const text::ImportedDocument& first = importer.documents()[0];
    CHECK(first.date == "1801");
    CHECK(first.imported_from == "speeches.csv, line 2");
    CHECK(first.text == "Fellow citizens, the state of the union\nis strong.");
    CHECK(first.fields == std::vector<std::pair<std::string, std::string>>{
                              {"year", "1801"}, {"president", "Thomas Example"}, {"party", "Democratic-Republican"}});
    CHECK(HasNote(first, "encoding: UTF-8; text from column \"text\""));
    CHECK(importer.documents()[1].imported_from == "speeches.csv, line 4");
}

TEST_CASE("import: a broken csv is refused with the line of the problem") {
    text::Importer importer;
    importer.AddFile("broken.csv", "title,text\nA,\"never closed\nB,fine\n");
    importer.Finish();
    CHECK(importer.documents().empty());
    CHECK(Refusal(importer, "broken.csv").find("line") != std::string::npos);
    CHECK(Refusal(importer, "broken.csv").find("unterminated quote") != std::string::npos);
}

TEST_CASE("import: json lines records with a chosen text field") {
    text::ImportOptions options;
    options.text_field = "body";
    text::Importer importer(options);
    importer.AddFile("posts.jsonl",
                     "{\"title\": \"First\", \"body\": \"The first post talks about the weather today.\", \"likes\": 3}\n"
                     "{\"title\": \"Second\", \"body\": \"Второй пост о погоде.\"}\n");
    importer.Finish();
    REQUIRE(importer.documents().size() == 2);
    CHECK(importer.documents()[0].title == "First");
    CHECK(importer.documents()[0].fields == std::vector<std::pair<std::string, std::string>>{{"likes", "3"}});
    CHECK(importer.documents()[1].text == "Второй пост о погоде.");
    CHECK(importer.documents()[1].imported_from == "posts.jsonl, line 2");
}

TEST_CASE("import: a zip of mixed files, with nested folders, unsafe names and an archive inside") {
    using namespace zip_fixture;
    std::string inner = WriteZip({Stored("x.txt", "inside")});
    std::string archive = WriteZip({
        Deflated("corpus/2019/a.txt", "The first text of the archive is about trade and the economy in spring."),
        Stored("corpus/2019/", ""),
        Deflated("corpus/b.csv", "title,text\nB,\"The second text is a row of a table, about fishing rights.\"\n"),
        Stored("../escape.txt", "should never be read"),
        Stored("corpus/inner.zip", inner),
        Stored("__MACOSX/corpus/._a.txt", "resource fork"),
    });
    text::Importer importer;
    importer.AddFile("bundle.zip", archive);
    importer.Finish();
    CHECK(importer.documents().size() == 2);
    CHECK(Find(importer, "bundle.zip/corpus/2019/a.txt") != nullptr);
    CHECK(Find(importer, "bundle.zip/corpus/b.csv, line 2") != nullptr);
    CHECK(Refusal(importer, "bundle.zip/../escape.txt").find("unsafe") != std::string::npos);
    CHECK(Refusal(importer, "bundle.zip/corpus/inner.zip") == "archives inside archives are not opened");
    CHECK(importer.report().files == 1);
}

TEST_CASE("import: empty, blank, binary, oversized and damaged files are refused with reasons") {
    text::ImportOptions options;
    options.max_file_bytes = 1000;
    text::Importer importer(options);
    importer.AddFile("empty.txt", "");
    importer.AddFile("blank.txt", " \n\t\n");
    importer.AddFile("image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    importer.AddFile("huge.txt", std::string(2000, 'a'));
    importer.AddFile("cut.zip", zip_fixture::WriteZip({zip_fixture::Stored("a.txt", "text")}).substr(0, 40));
    importer.AddFile("fine.txt", "A short but real text about nothing in particular, for the record.");
    importer.Finish();
    CHECK(importer.documents().size() == 1);
    CHECK(Refusal(importer, "empty.txt") == "the file is empty");
    CHECK(Refusal(importer, "blank.txt") == "the file holds only white space");
    CHECK(Refusal(importer, "image.png").find("binary file") != std::string::npos);
    CHECK(Refusal(importer, "huge.txt").rfind("the file is 2 KB; the limit is 1 KB per file", 0) == 0);
    CHECK(Refusal(importer, "cut.zip").find("truncated") != std::string::npos);
    CHECK(importer.report().files == 6);
}

TEST_CASE("import: legacy encodings are detected and said so") {
    text::Importer importer;
    importer.AddFile("ru.txt", "\xcc\xe8\xed\xe8\xf1\xf2\xf0\x20\xf1\xee\xee\xe1\xf9\xe8\xeb\x2c\x20\xf7\xf2\xee\x20\xef\xe5\xf0\xe5\xe3\xee\xe2\xee\xf0\xfb\x20\xef\xf0\xee\xe4\xee\xeb\xe6\xe0\xf2\xf1\xff\x20\xe2\x20\xc6\xe5\xed\xe5\xe2\xe5\x20\xed\xe0\x20\xf1\xeb\xe5\xe4\xf3\xfe\xf9\xe5\xe9\x20\xed\xe5\xe4\xe5\xeb\xe5\x2e");
    importer.Finish();
    REQUIRE(importer.documents().size() == 1);
    CHECK(importer.documents()[0].text == "Министр сообщил, что переговоры продолжатся в Женеве на следующей неделе.");
    CHECK(HasNote(importer.documents()[0], "encoding: windows-1251"));
    CHECK(importer.documents()[0].lang == "ru");
}

TEST_CASE("import: exact duplicates are skipped, near duplicates flagged") {
    std::string text = "The committee met on Monday and discussed the budget for the coming year in great detail, "
                       "with many members asking for more money for schools, roads and the new hospital in town.";
    text::Importer importer;
    importer.AddFile("a.txt", text);
    importer.AddFile("b.txt", "  " + text + "\n");   // same words, other spacing
    importer.AddFile("c.txt", text + " One sentence was added at the end.");
    importer.Finish();
    CHECK(importer.documents().size() == 2);
    REQUIRE(importer.report().duplicates.size() == 1);
    CHECK(importer.report().duplicates[0] == "b.txt: the same text as a.txt (skipped)");
    REQUIRE(importer.report().near_duplicates.size() == 1);
    CHECK(importer.report().near_duplicates[0].rfind("a.txt and c.txt share about", 0) == 0);
}

TEST_CASE("import: finishing in many short steps gives what finishing at once gives") {
    // 60 texts: every tenth repeats an earlier one (other spacing), every seventh is an earlier one plus a line.
    auto fill = [](text::Importer& importer) {
        for (int i = 0; i < 60; ++i) {
            int base = i % 10 == 9 ? i - 9 : i % 7 == 6 ? i - 6 : i;
            std::string text = "Report number " + std::to_string(base) + " says the council met and spoke about the "
                               "harbour, the bridge " + std::to_string(base * 7) + " and the schools for a long time today.";
            if (i % 10 == 9) text = "\n  " + text + "  \n";
            else if (i % 7 == 6) text += " A later line was added to this copy.";
            importer.AddFile("doc" + std::to_string(i) + ".txt", text);
        }
    };
    text::Importer at_once, stepped;
    fill(at_once);
    fill(stepped);
    at_once.Finish();
    int steps = 1;
    while (!stepped.FinishStep(core::Deadline::In(0))) ++steps;   // one unit of work per step
    CHECK(steps > 60);
    REQUIRE(stepped.documents().size() == at_once.documents().size());
    CHECK(at_once.documents().size() == 55);   // doc9, 19, 39, 49, 59 skipped (doc20 is base 14 plus a line)
    for (size_t i = 0; i < at_once.documents().size(); ++i) {
        CHECK(stepped.documents()[i].imported_from == at_once.documents()[i].imported_from);
        CHECK(stepped.documents()[i].notes == at_once.documents()[i].notes);
    }
    CHECK(stepped.report().duplicates == at_once.report().duplicates);
    CHECK(stepped.report().near_duplicates == at_once.report().near_duplicates);
    CHECK(at_once.report().duplicates.front() == "doc9.txt: the same text as doc0.txt (skipped)");
    CHECK_FALSE(at_once.report().near_duplicates.empty());
}

}  // TEST_SUITE
