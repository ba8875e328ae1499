// Counting for the Search charts (store/corpus_search.cpp): hits per document from FTS5 (cl_hits), the
// words under each key that relative frequencies divide by, and counts per metadata field value.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "store/corpus.h"

namespace {

// Four speeches: 1861 twice (war 3 times in the text, once in a title), 1862 once, one undated.
store::Corpus Speeches() {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE_MESSAGE(corpus.ok(), corpus.status().ToString());
    REQUIRE(corpus->Begin().ok());
    const store::DocumentInput docs[] = {
        {.title = "War message", .source = "Congress", .date = "1861-07-04",
         .text = "The war began. War is upon us, and the war must end.",   // 12 words, 3 hits
         .fields = {{"president", "Lincoln"}, {"party", "Republican"}}},
        {.title = "Annual message", .source = "Congress", .date = "1861-12-03",
         .text = "Peace and commerce.",                                     // 3 words, no hit
         .fields = {{"president", "Lincoln"}, {"party", "Republican"}}},
        {.title = "Annual message", .source = "Congress", .date = "1862-12-01",
         .text = "The war continues; wars cost dearly.",                     // 6 words, 1 hit (wars is another word)
         .fields = {{"president", "Lincoln"}, {"party", "Republican"}, {"party", "Republican"}}},
        {.title = "Note", .source = "Archive",
         .text = "A war note without a date.",                               // 6 words, 1 hit
         .fields = {{"president", "Unknown"}}},
    };
    for (const auto& d : docs) REQUIRE(corpus->AddDocument(d).ok());
    REQUIRE(corpus->Commit().ok());
    return std::move(*corpus);
}

const store::KeyCount* Find(const std::vector<store::KeyCount>& counts, const std::string& key) {
    for (const store::KeyCount& c : counts)
        if (c.key == key) return &c;
    return nullptr;
}

}  // namespace

TEST_SUITE("store") {

TEST_CASE("counts per year and source include hits in the text and the words of every document kept") {
    store::Corpus corpus = Speeches();
    auto counts = corpus.CountDocuments("\"war\"", {});
    REQUIRE_MESSAGE(counts.ok(), counts.status().ToString());
    CHECK(counts->documents == 3);        // the 1861 annual message has no war
    CHECK(counts->occurrences == 5);      // 3 + 1 + 1; the title's "War" is not counted
    REQUIRE(counts->by_year.size() == 3);
    CHECK(counts->by_year[0].key == "");  // the undated note first
    const store::KeyCount* y1861 = Find(counts->by_year, "1861");
    REQUIRE(y1861);
    CHECK(y1861->documents == 1);
    CHECK(y1861->occurrences == 3);
    CHECK(y1861->all_documents == 2);     // both 1861 speeches, matching or not …
    CHECK(y1861->words == 12 + 3);        // … and all their words: what "per million words" divides by
    const store::KeyCount* y1862 = Find(counts->by_year, "1862");
    REQUIRE(y1862);
    CHECK(y1862->occurrences == 1);
    CHECK(y1862->words == 6);
    const store::KeyCount* congress = Find(counts->by_source, "Congress");
    REQUIRE(congress);
    CHECK(congress->documents == 2);
    CHECK(congress->occurrences == 4);
    CHECK(congress->all_documents == 3);
    CHECK(congress->words == 21);
}

TEST_CASE("hits count phrases and prefixes in the text only; filters restrict the denominators too") {
    store::Corpus corpus = Speeches();
    auto prefix = corpus.CountDocuments("\"war\"*", {});
    REQUIRE(prefix.ok());
    CHECK(prefix->occurrences == 6);   // wars too
    auto phrase = corpus.CountDocuments("\"the war\"", {});
    REQUIRE(phrase.ok());
    CHECK(phrase->occurrences == 3);   // "The war began", "the war must", "The war continues"
    auto title_only = corpus.CountDocuments("title : \"war\"", {});
    REQUIRE(title_only.ok());
    CHECK(title_only->documents == 1);
    CHECK(title_only->occurrences == 0);
    const store::DocFilter only_1861{.date_from = "1861", .date_to = "1861"};
    auto filtered = corpus.CountDocuments("\"war\"", std::span(&only_1861, 1));
    REQUIRE(filtered.ok());
    REQUIRE(filtered->by_year.size() == 1);
    CHECK(filtered->by_year[0].all_documents == 2);
    CHECK(filtered->by_year[0].words == 15);
}

TEST_CASE("counts per field value: each value once per document, missing fields under \"\", most first") {
    store::Corpus corpus = Speeches();
    auto keys = corpus.FieldKeys();
    REQUIRE(keys.ok());
    CHECK(*keys == std::vector<std::string>{"party", "president"});
    auto party = corpus.CountDocumentsByField("\"war\"", {}, "party");
    REQUIRE_MESSAGE(party.ok(), party.status().ToString());
    REQUIRE(party->size() == 2);
    CHECK((*party)[0].key == "Republican");   // repeated in one document's fields: counted once
    CHECK((*party)[0].documents == 2);
    CHECK((*party)[0].occurrences == 4);
    CHECK((*party)[0].all_documents == 3);
    CHECK((*party)[0].words == 21);
    CHECK((*party)[1].key == "");             // the note has no party
    CHECK((*party)[1].occurrences == 1);
    auto president = corpus.CountDocumentsByField("\"peace\"", {}, "president");
    REQUIRE(president.ok());
    REQUIRE(president->size() == 1);
    CHECK((*president)[0].key == "Lincoln");
    CHECK((*president)[0].documents == 1);
    auto none = corpus.CountDocumentsByField("\"war\"", {}, "no such field");
    REQUIRE(none.ok());
    REQUIRE(none->size() == 1);
    CHECK((*none)[0].key == "");
    CHECK((*none)[0].documents == 3);
}

}  // TEST_SUITE
