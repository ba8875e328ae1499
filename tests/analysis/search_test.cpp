// Simple search: user words to a safe FTS5 expression, and results with counts.
#include <doctest/doctest.h>

#include "analysis/search.h"

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

}  // TEST_SUITE
