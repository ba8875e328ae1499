// The Search list's "Show more" and Export CSV of every match (a job when not all are listed).
#include <doctest/doctest.h>

#include <set>

#include "app/app_state.h"
#include "app/index_job.h"
#include "app/search_export.h"
#include "text/csv.h"

namespace {

void RunJobs(app::AppState& state) {
    for (int frames = 0; (state.jobs.Busy() || !state.deferred.empty()) && frames < 100000; ++frames) app::Update(state, 2.0);
    app::Update(state, 2.0);
}

}  // namespace

TEST_SUITE("app") {

TEST_CASE("show more lists the next hits, and Export CSV holds every matching document, best first") {
    app::AppState state;
    state.jobs.Add(app::MakeDemoIndexJob(state, 40));   // 320 documents, 120 of them with "the"
    RunJobs(state);
    REQUIRE(state.corpus != nullptr);
    state.query = "the";
    app::Update(state, 2.0);
    const int64_t matches = state.results.document_count;
    REQUIRE(matches > 2 * app::kSearchHitLimit);
    REQUIRE(state.results.hits.size() == static_cast<size_t>(app::kSearchHitLimit));
    const int64_t first_id = state.results.hits[0].doc_id;

    REQUIRE(app::RunCommand(state, "search-more", "").ok());
    REQUIRE(state.results.hits.size() == static_cast<size_t>(2 * app::kSearchHitLimit));
    CHECK(state.results.hits[0].doc_id == first_id);
    std::set<int64_t> ids;
    for (const store::SearchHit& hit : state.results.hits) {
        ids.insert(hit.doc_id);
        CHECK_FALSE(hit.snippet.empty());
    }
    CHECK(ids.size() == state.results.hits.size());   // no document twice

    REQUIRE(app::RunCommand(state, "search-export", "").ok());
    CHECK(state.downloads.empty());                      // a job makes the rest
    REQUIRE(state.jobs.Busy());
    RunJobs(state);
    REQUIRE(state.downloads.size() == 1);
    CHECK(state.downloads[0].name == "search.csv");
    auto table = text::ParseCsv(state.downloads[0].content, {.delimiter = ','});
    REQUIRE(table.ok());
    CHECK(table->header == std::vector<std::string>{"rank", "title", "date", "source", "snippet", "language", "author", "url"});
    REQUIRE(table->rows.size() == static_cast<size_t>(matches));
    CHECK(table->rows[0][0] == "1");
    CHECK(table->rows[0][1] == state.results.hits[0].title);
    for (const auto& row : table->rows) {
        CHECK_FALSE(row[4].empty());
        CHECK(row[4].find(store::kHighlightBegin) == std::string::npos);
    }
}

}  // TEST_SUITE
