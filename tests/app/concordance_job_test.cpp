// The Search, Concordance and Reader logic of app::Update: parse errors surface as messages, the concordance
// job builds and sorts in steps and honours Cancel, and the Reader finds the hits a concordance line points at.
#include <doctest/doctest.h>

#include "app/app_state.h"
#include "app/concordance_job.h"
#include "app/index_job.h"

namespace {

// The demo corpus, `copies` times over, indexed.
void OpenDemo(app::AppState& state, int copies = 1) {
    state.storage_ready = true;
    state.jobs.Add(app::MakeDemoIndexJob(state, copies));
    for (int frames = 0; state.jobs.Busy() && frames < 100000; ++frames) app::Update(state, 20.0);
    REQUIRE(state.corpus != nullptr);
}

// Pumps frames until no job runs; returns how many it took.
int RunJobs(app::AppState& state, double budget_ms = 5.0) {
    app::Update(state, budget_ms);   // starts what the state asks for
    int frames = 1;
    for (; state.jobs.Busy() && frames < 100000; ++frames) app::Update(state, budget_ms);
    app::Update(state, budget_ms);
    return frames;
}

}  // namespace

TEST_SUITE("app") {

TEST_CASE("a malformed query shows the parser's message with its column, not an FTS5 error") {
    app::AppState state;
    OpenDemo(state);
    state.query = "(lavrov OR";
    app::Update(state);
    CHECK(state.searched_query == "(lavrov OR");
    CHECK(!state.query_parsed);
    CHECK(state.query_error.find("column") != std::string::npos);
    CHECK(state.query_error.find("fts5") == std::string::npos);
    CHECK(state.last_error.empty());
    CHECK(app::StateJson(state).find("\"query_error\":\"") != std::string::npos);

    state.query = "lavrov OR лавров";
    app::Update(state);
    CHECK(state.query_error.empty());
    CHECK(state.results.document_count == 3);   // Lavrov in English, «Лавров» in both Russian texts
    CHECK(!state.results.by_year.empty());
    CHECK(!state.results.by_source.empty());
}

TEST_CASE("a subcorpus filter and exact case re-run the search") {
    app::AppState state;
    OpenDemo(state);
    state.query = "café";
    app::Update(state);
    CHECK(state.results.document_count == 1);
    app::SetSubcorpus(state, {.date_from = "2018", .date_to = "2018"}, "year 2018");
    app::Update(state);
    CHECK(state.results.document_count == 0);
    app::SetSubcorpus(state, {}, "");
    state.query = "STRASSE";
    app::Update(state);
    CHECK(state.results.document_count == 1);
    state.exact_case = true;
    app::Update(state);
    CHECK(state.results.document_count == 1);   // «STRASSE» is written so in the text
    state.query = "Strasse";
    app::Update(state);
    CHECK(state.results.document_count == 0);
}

TEST_CASE("the concordance job builds in steps, then sorts and filters; lines show before it is done") {
    app::AppState state;
    OpenDemo(state, 200);   // enough text that the build outlasts a 1 ms step, with tokenizing as fast as it is
    state.query = "the";
    state.view = app::View::Concordance;
    app::Update(state, 1.0);   // searches and starts the job
    REQUIRE(state.kwic != nullptr);
    REQUIRE(state.kwic->job_id != 0);
    for (int i = 0; i < 1000 && state.kwic->RowCount() == 0 && !state.kwic->built; ++i) app::Update(state, 1.0);
    CHECK(state.kwic->RowCount() > 0);   // the first lines are there …
    CHECK(!state.kwic->built);           // … before the build is done
    RunJobs(state, 1.0);
    const app::KwicSession& k = *state.kwic;
    REQUIRE(k.built);
    REQUIRE(k.sorted);
    CHECK(k.status.ok());
    CHECK(k.RowCount() == k.Lines()->lines.size());
    CHECK(static_cast<int64_t>(k.Lines()->documents.size()) == state.results.document_count);
    CHECK(app::StateJson(state).find("\"kwic_done\":true") != std::string::npos);

    state.kwic_sort = {analysis::SortKey::R1};
    app::Update(state, 1.0);
    CHECK(state.kwic->job_id != 0);   // a sort job
    RunJobs(state, 1.0);
    CHECK(state.kwic->sorted_keys == state.kwic_sort);
    CHECK(app::SortSpec(state.kwic->sorted_keys) == "R1");
    const analysis::Concordance& kwic = *state.kwic->Lines();
    for (size_t row = 1; row < state.kwic->RowCount(); ++row)
        CHECK(kwic.Word(kwic.lines[state.kwic->LineAt(row - 1)].right_words[0]) <=
              kwic.Word(kwic.lines[state.kwic->LineAt(row)].right_words[0]));

    state.kwic_filter = "talks";
    app::Update(state);
    CHECK(state.kwic->RowCount() == 200);   // «… that the talks would resume …», once per copy of the demo
    std::string tsv = app::ConcordanceTable(*state.kwic, state.documents, '\t');
    CHECK(tsv.rfind("document\tleft\thit\tright\tsource\tdate\tlanguage\tauthor\turl\n", 0) == 0);   // the demo has no extra fields
    CHECK(std::count(tsv.begin(), tsv.end(), '\n') == 201);
}

TEST_CASE("cancelling the concordance job keeps the lines so far; a new query starts over") {
    app::AppState state;
    OpenDemo(state, 100);
    state.query = "the";
    state.view = app::View::Concordance;
    // Steps of 10 µs (one unit of work or a few each) until the first lines show: whatever the machine's
    // speed, that is long before 800 documents are read.
    for (int frame = 0; frame < 100000 && (!state.kwic || state.kwic->RowCount() == 0); ++frame) app::Update(state, 0.01);
    REQUIRE(state.kwic != nullptr);
    REQUIRE(state.kwic->RowCount() > 0);
    REQUIRE(!state.kwic->built);
    state.jobs.Cancel(state.kwic->job_id);
    RunJobs(state);
    CHECK(state.kwic->cancelled);
    CHECK(!state.kwic->built);
    CHECK(state.kwic->job_id == 0);
    const size_t partial = state.kwic->RowCount();
    CHECK(partial > 0);
    CHECK(partial < 100 * 7u);
    app::Update(state);
    CHECK(state.kwic->RowCount() == partial);   // not restarted behind the user's back

    state.query = "talks";
    RunJobs(state);
    CHECK(state.kwic->built);
    CHECK(state.kwic->RowCount() == 100);
}

TEST_CASE("the reader marks the query's hits and opens at a concordance line's hit") {
    app::AppState state;
    OpenDemo(state);
    state.query = "\"sergey lavrov\" OR talks";
    state.view = app::View::Concordance;
    RunJobs(state);
    REQUIRE(state.kwic->RowCount() == 2);
    const analysis::ConcordanceLine& second = state.kwic->Lines()->lines[1];
    app::OpenConcordanceLine(state, second);
    app::Update(state);
    CHECK(state.view == app::View::Reader);
    REQUIRE(state.reader_hits.size() == 2);
    CHECK(state.reader_hit == 1);
    CHECK(state.reader_scroll_to_hit);
    const auto [offset, length] = state.reader_hits[1];
    CHECK(offset == second.byte_offset);
    CHECK(state.reader_text.substr(offset, length) == "talks");
    CHECK(state.reader_text.substr(state.reader_hits[0].first, state.reader_hits[0].second) == "Sergey Lavrov");

    state.query = "";
    app::Update(state);
    CHECK(state.reader_hits.empty());
    CHECK(state.reader_hit == -1);
}

}  // TEST_SUITE

TEST_SUITE("app") {

TEST_CASE("a concordance line's document is named with its year, in full and year first for the column") {
    analysis::ConcordanceDocument sotu{.title = "George Washington, 1790", .date = "1790"};
    CHECK(app::DocumentLabel(sotu) == "George Washington, 1790");
    CHECK(app::DocumentColumnLabel(sotu) == "1790 · George Washington");
    analysis::ConcordanceDocument interview{.title = "Interview", .date = "2016-03-01"};
    CHECK(app::DocumentLabel(interview) == "Interview (2016)");
    CHECK(app::DocumentColumnLabel(interview) == "2016 · Interview");
    analysis::ConcordanceDocument notes{.title = "Notes", .date = "--05-07"};
    CHECK(app::DocumentLabel(notes) == "Notes");
    CHECK(app::DocumentColumnLabel(notes) == "Notes");
}

}  // TEST_SUITE
