// The job queue: budgets, progress, cancel mid-way, failures; and the indexing job's all-or-nothing result.
#include <doctest/doctest.h>

#include "app/app_state.h"
#include "app/index_job.h"
#include "app/job.h"

namespace {

// Counts to `total`, `per_step` at most per Step; fails at `fail_at` if set.
class CountingJob : public app::Job {
public:
    CountingJob(int64_t total, int64_t per_step, int64_t fail_at = -1)
        : Job("counting"), PerStep(per_step), FailAt(fail_at) { Progress.total = total; }
    app::JobState Step(core::Deadline) override {
        ++Steps;
        for (int64_t i = 0; i < PerStep && Progress.done < Progress.total; ++i) {
            if (Progress.done == FailAt) { Error = core::Error(core::StatusCode::InvalidInput, "bad item"); return app::JobState::Failed; }
            ++Progress.done;
        }
        return Progress.done == Progress.total ? app::JobState::Done : app::JobState::Running;
    }
    void Finish(app::AppState& state) override { state.corpus_name = "finished"; }
    void Abandon() override { ++*Abandoned; }
    int64_t PerStep, FailAt;
    int Steps = 0;
    int* Abandoned = &AbandonedStorage;
    int AbandonedStorage = 0;
};

}  // namespace

TEST_SUITE("app") {

TEST_CASE("a job runs step by step until done, then publishes its result once") {
    app::AppState state;
    auto job = std::make_unique<CountingJob>(100, 10);
    CountingJob* raw = job.get();
    state.jobs.Add(std::move(job));
    int frames = 0;
    while (state.jobs.Busy() && frames < 1000) { state.jobs.Pump(5.0, state); ++frames; }
    CHECK(frames == 10);
    CHECK(state.corpus_name == "finished");
    auto snapshot = state.jobs.Snapshot();
    REQUIRE(snapshot.size() == 1);
    CHECK(snapshot[0].state == app::JobState::Done);
    CHECK(snapshot[0].done == 100);
    (void)raw;
}

TEST_CASE("cancel stops a job mid-way and abandons its partial work") {
    app::AppState state;
    int abandoned = 0;
    auto job = std::make_unique<CountingJob>(1000, 10);
    job->Abandoned = &abandoned;
    uint64_t id = state.jobs.Add(std::move(job));
    for (int i = 0; i < 3; ++i) state.jobs.Pump(5.0, state);
    auto running = state.jobs.Snapshot();
    REQUIRE(running.size() == 1);
    CHECK(running[0].state == app::JobState::Running);
    CHECK(running[0].done == 30);
    state.jobs.Cancel(id);
    state.jobs.Pump(5.0, state);
    CHECK_FALSE(state.jobs.Busy());
    CHECK(abandoned == 1);
    CHECK(state.jobs.Snapshot()[0].state == app::JobState::Cancelled);
    CHECK(state.jobs.Snapshot()[0].done == 30);
    CHECK(state.corpus_name.empty());
}

TEST_CASE("a failing job reports its error and is abandoned") {
    app::AppState state;
    state.jobs.Add(std::make_unique<CountingJob>(100, 10, 42));
    for (int i = 0; i < 20 && state.jobs.Busy(); ++i) state.jobs.Pump(5.0, state);
    auto info = state.jobs.Snapshot().at(0);
    CHECK(info.state == app::JobState::Failed);
    CHECK(info.message == "bad item");
}

TEST_CASE("jobs take turns across frames and the history keeps the latest few") {
    app::AppState state;
    for (int i = 0; i < 6; ++i) state.jobs.Add(std::make_unique<CountingJob>(20, 10));
    int frames = 0;
    while (state.jobs.Busy() && frames < 100) { state.jobs.Pump(5.0, state); ++frames; }
    CHECK(frames == 2);  // each job gets one step per frame while budget remains: 2 steps each
    CHECK(state.jobs.Snapshot().size() == app::JobQueue::kHistory);
}

TEST_CASE("the indexing job builds a corpus; cancelling it keeps the open one") {
    app::AppState state;
    app::InitApp(state);
    while (state.jobs.Busy()) app::Update(state, 5.0);
    REQUIRE(state.corpus != nullptr);
    REQUIRE(state.documents.size() == 8);
    store::Corpus* before = state.corpus.get();

    uint64_t id = state.jobs.Add(app::MakeDemoIndexJob(state, 500));  // 4000 documents: many steps of 1 ms
    for (int frame = 0; frame < 1000 && state.jobs.Snapshot().at(0).done == 0; ++frame) app::Update(state, 1.0);
    auto info = state.jobs.Snapshot().at(0);
    REQUIRE(info.state == app::JobState::Running);
    CHECK(info.done > 0);
    CHECK(info.done < 4000);
    state.jobs.Cancel(id);
    app::Update(state, 1.0);
    CHECK(state.jobs.Snapshot().at(0).state == app::JobState::Cancelled);
    CHECK(state.corpus.get() == before);
    CHECK(state.documents.size() == 8);

    state.jobs.Add(app::MakeDemoIndexJob(state, 3));
    while (state.jobs.Busy()) app::Update(state, 5.0);
    CHECK(state.documents.size() == 24);
    CHECK(state.corpus_name == "Demo corpus ×3");
    CHECK(state.documents[0].word_count > 0);
}

TEST_CASE("an endless stress job keeps indexing past its texts until it is cancelled, then leaves nothing") {
    app::AppState state;
    app::InitApp(state);
    while (state.jobs.Busy()) app::Update(state, 5.0);
    REQUIRE(state.documents.size() == 8);
    REQUIRE(app::RunCommand(state, "stress", "endless").ok());
    // Past three rounds of the demo's 8 texts: a job sized by a count would have finished by now.
    for (int frame = 0; frame < 100000 && state.jobs.Snapshot().at(0).done <= 24; ++frame) app::Update(state, 1.0);
    auto info = state.jobs.Snapshot().at(0);
    CHECK(info.state == app::JobState::Running);
    CHECK(info.done > 24);
    CHECK(info.total == 0);   // unknown: the bar shows activity
    state.jobs.Cancel(info.id);
    app::Update(state, 1.0);
    CHECK(state.jobs.Snapshot().at(0).state == app::JobState::Cancelled);
    CHECK(state.documents.size() == 8);
    CHECK(state.corpus_name == "Demo corpus");
}

TEST_CASE("commands switch views and themes, start and cancel jobs, and refuse bad input") {
    app::AppState state;
    CHECK(app::RunCommand(state, "view", "concordance").ok());
    CHECK(state.view == app::View::Concordance);
    CHECK(app::RunCommand(state, "theme", "dark").ok());
    CHECK(app::DarkThemeActive(state));
    CHECK(app::RunCommand(state, "stress", "2").ok());
    CHECK(state.jobs.Busy());
    CHECK_FALSE(app::RunCommand(state, "view", "nowhere").ok());
    CHECK_FALSE(app::RunCommand(state, "stress", "-1").ok());
    CHECK_FALSE(app::RunCommand(state, "stress", "forever").ok());
    CHECK_FALSE(app::RunCommand(state, "explode", "").ok());
}

TEST_CASE("the state json names the view, jobs and status") {
    app::AppState state;
    app::InitApp(state);
    std::string json = app::StateJson(state);
    CHECK(json.find("\"view\":\"library\"") != std::string::npos);
    CHECK(json.find("\"name\":\"Indexing Demo corpus\"") != std::string::npos);
    while (state.jobs.Busy()) app::Update(state, 5.0);
    state.query = "lavrov";
    app::Update(state);
    CHECK(app::StatusLine(state) == "Demo corpus · 8 documents · 1 document matches «lavrov»");
}

}  // TEST_SUITE
