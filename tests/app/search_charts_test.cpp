// The Search charts' state (app/search_charts.h): measures, the group-by choices read from the corpus, counts
// per field value made by Update for the search, and the start page's facts counted from the data.
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/app_state.h"
#include "app/corpora.h"
#include "app/search_charts.h"

namespace {

// A corpus of three speeches with president and party fields, open in `state`.
void OpenSpeeches(app::AppState& state) {
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    REQUIRE(corpus->AddDocument({.title = "A", .date = "1861", .text = "war and war and war",
                                 .fields = {{"president", "Lincoln"}, {"party", "Republican"}}}).ok());
    REQUIRE(corpus->AddDocument({.title = "B", .date = "1862", .text = "war then peace",
                                 .fields = {{"president", "Lincoln"}, {"party", "Republican"}}}).ok());
    REQUIRE(corpus->AddDocument({.title = "C", .date = "1914", .text = "peace at last, war never",
                                 .fields = {{"president", "Wilson"}, {"party", "Democratic"}}}).ok());
    state.storage_ready = true;
    state.corpus = std::make_shared<store::Corpus>(std::move(*corpus));
    state.corpus_name = "Speeches";
    state.documents = *state.corpus->ListDocuments();
    ++state.documents_version;
}

}  // namespace

TEST_SUITE("app") {

TEST_CASE("a chart's measure is documents, hits, or hits per million words of all the documents kept") {
    const store::KeyCount c{.key = "1861", .documents = 2, .occurrences = 5, .all_documents = 4, .words = 2000000};
    CHECK(app::MeasureValue(c, app::ChartMeasure::Documents) == 2);
    CHECK(app::MeasureValue(c, app::ChartMeasure::Occurrences) == 5);
    CHECK(app::MeasureValue(c, app::ChartMeasure::PerMillionWords) == doctest::Approx(2.5));
    CHECK(app::MeasureValue({.key = "x", .occurrences = 3}, app::ChartMeasure::PerMillionWords) == 0);   // no words
}

TEST_CASE("Update offers the corpus's fields to group by and counts the search per value of the chosen one") {
    app::AppState state;
    OpenSpeeches(state);
    state.query = "war";
    app::Update(state);
    REQUIRE(state.query_parsed);
    CHECK(state.results.occurrences == 5);
    CHECK(state.search_charts.fields == std::vector<std::string>{"party", "president"});
    CHECK(&app::GroupCounts(state) == &state.results.by_source);   // source until the user picks a field

    state.search_charts.group = "president";
    app::Update(state);
    const std::vector<store::KeyCount>& by_president = app::GroupCounts(state);
    REQUIRE(by_president.size() == 2);
    CHECK(by_president[0].key == "Lincoln");
    CHECK(by_president[0].documents == 2);
    CHECK(by_president[0].occurrences == 4);
    CHECK(by_president[1].key == "Wilson");
    CHECK(by_president[1].occurrences == 1);

    state.query = "peace";   // a new search counts again, for the same field
    app::Update(state);
    REQUIRE(app::GroupCounts(state).size() == 2);
    CHECK(app::GroupCounts(state)[0].occurrences == 1);

    state.search_charts.group = "no such field";   // e.g. left over from another corpus
    app::Update(state);
    CHECK(state.search_charts.group == app::kGroupBySource);
}

TEST_CASE("the start page describes the State of the Union with the years and count of the data it ships") {
    const std::filesystem::path dir = CL_SOTU_DIR;
    if (dir.empty() || !std::filesystem::exists(dir)) return;   // a build without the data (ASan build)
    int speeches = 0, first = 9999, last = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();   // "2021_joseph_r_biden_d.json"
        if (entry.path().extension() != ".json") continue;
        const int year = std::stoi(name.substr(0, 4));
        ++speeches;
        first = std::min(first, year);
        last = std::max(last, year);
    }
    const app::ShippedCorpus* sotu = app::FindShipped("sotu");
    REQUIRE(sotu != nullptr);
    const std::string description = sotu->description;
    CHECK(description.find(std::to_string(speeches) + " speeches") == 0);
    CHECK(description.find(std::to_string(first) + "–" + std::to_string(last)) != std::string::npos);
    CHECK(last >= 2021);
}

}  // TEST_SUITE
