// The Topics jobs in small steps: saving and opening a model take many bounded steps, whatever the frame
// budget the same bytes are saved and the same map and coherence derived, a cancel while saving leaves no row,
// and the Reader does not colour a document whose text changed since training. These check structure, not
// time (timing in unit tests is flaky): the small budget, 0.001 ms, is over after any piece of work, so each
// frame's step does exactly one piece (every step does at least one) on a fast machine as on a slow one (Debug
// with ASan), and the tests wait on the job's state, never on time. The last case measures the longest step
// per phase on a real corpus named by CL_TOPICS_STEPS_CORPUS (e.g. the State of the Union packed by
// `corpuslens pack`); it is skipped unless asked for:
//
//     CL_TOPICS_STEPS_CORPUS=/tmp/sotu.sqlite CL_TOPICS_STEPS_K=20,100 \
//         build/native/corpuslens_tests -ts=topics-steps --no-skip
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <time.h>

#include "app/app_state.h"
#include "app/corpora.h"
#include "app/document_edits.h"
#include "app/topics_job.h"
#include "core/deadline.h"

namespace {

// `count` documents of 100 words from 600 (war, trade and farming words in turn, so topics can form).
std::vector<store::DocumentInput> Documents(int count) {
    const char* stems[3] = {"army", "trade", "farm"};
    std::vector<store::DocumentInput> docs;
    uint32_t x = 99;
    for (int d = 0; d < count; ++d) {
        std::string text;
        for (int w = 0; w < 100; ++w) {
            x = x * 1103515245u + 12345u;
            text += std::string(stems[(d + ((x >> 30) == 0)) % 3]) + std::to_string((x >> 12) % 200) + " ";
        }
        docs.push_back({.title = "Doc " + std::to_string(d), .date = std::to_string(1950 + d % 7), .text = text});
    }
    return docs;
}

std::unique_ptr<app::AppState> OpenCorpus(const std::vector<store::DocumentInput>& docs) {
    auto state = std::make_unique<app::AppState>();
    auto corpus = store::Corpus::Create(":memory:");
    REQUIRE(corpus.ok());
    REQUIRE(corpus->Begin().ok());
    for (const auto& d : docs) REQUIRE(corpus->AddDocument(d).ok());
    REQUIRE(corpus->Commit().ok());
    auto list = corpus->ListDocuments();
    REQUIRE(list.ok());
    state->storage_ready = true;
    app::ShowCorpus(*state, std::make_shared<store::Corpus>(std::move(*corpus)), "", "Steps", std::move(*list));
    app::Update(*state);
    return state;
}

void Train(app::AppState& state, int k, int sweeps) {
    state.topics.settings.topics = k;
    state.topics.settings.sweeps = sweeps;
    state.topics.settings.seed = 5;
    state.topics.settings.burn_in = 2;
    state.topics.settings.optimize_interval = 2;
    state.topics.request.train = true;
}

// Pumps frames of `budget_ms` until no job runs; returns how many frames began in each phase.
std::map<std::string, int> Pump(app::AppState& state, double budget_ms) {
    std::map<std::string, int> frames;
    app::Update(state, budget_ms);
    for (int n = 0; state.jobs.Busy(); ++n) {
        REQUIRE(n < 10000000);
        ++frames[state.topics.training.phase];
        app::Update(state, budget_ms);
    }
    app::Update(state, budget_ms);
    return frames;
}

// CPU time of this thread, ms: what a step costs whatever else the machine runs (wall time on a shared
// machine also counts the other processes).
double ThreadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// The longest Update (jobs pumped for `budget_ms`) per phase the Topics job was in when it began, in CPU and
// wall time, until no job runs; prints them and the queue's own longest step (wall).
void MeasureSteps(app::AppState& state, const char* what, double budget_ms = 6.0) {
    std::map<std::string, std::pair<double, double>> longest;   // phase → (CPU, wall)
    app::Update(state, budget_ms);
    for (int frames = 0; state.jobs.Busy() && frames < 10000000; ++frames) {
        const std::string phase = state.topics.training.phase;
        const double start = core::NowMs(), start_cpu = ThreadCpuMs();
        app::Update(state, budget_ms);
        auto& [cpu, wall] = longest[phase];
        cpu = std::max(cpu, ThreadCpuMs() - start_cpu);
        wall = std::max(wall, core::NowMs() - start);
    }
    app::Update(state, budget_ms);
    const auto jobs = state.jobs.Snapshot();   // the job just ended comes first
    std::printf("%s: job's longest step %.1f ms wall; longest frame by phase, CPU/wall ms:", what,
                jobs.empty() ? 0.0 : jobs[0].longest_step_ms);
    for (const auto& [phase, ms] : longest) std::printf(" %s %.1f/%.1f;", phase.c_str(), ms.first, ms.second);
    std::printf("\n");
    CHECK(state.topics.training.error == "");
}

}  // namespace

TEST_SUITE("topics-steps") {

TEST_CASE("a topics model saves and opens in many small steps, the same bytes and charts whatever the budget") {
    const auto docs = Documents(1500);   // 150,000 tokens: a saved model of about 0.6 MB
    std::string first_bytes;
    std::shared_ptr<const app::TopicsView> first_view;
    for (double budget_ms : {0.001, 30.0}) {
        auto state = OpenCorpus(docs);
        Train(*state, 6, 4);
        const auto frames = Pump(*state, budget_ms);
        REQUIRE(state->topics.training.error == "");
        REQUIRE(state->topics.view);
        auto record = state->corpus->LoadTopicModel(state->topics.model_id);
        REQUIRE(record.ok());
        CHECK(record->data.size() > 300000);
        if (budget_ms < 1) {
            // serialising, encoding (3 pieces), the row, its data (3 pieces) and the commit: a frame each
            CHECK(frames.at("saving") >= 3);
            first_bytes = record->data;
            first_view = state->topics.view;
            // Opening it again: decoding, restoring and deriving over frames, to the same view.
            state->topics.view = nullptr;
            state->topics.run = nullptr;
            REQUIRE(app::RunCommand(*state, "topics-open", std::to_string(state->topics.model_id)).ok());
            const auto open_frames = Pump(*state, budget_ms);
            CHECK(open_frames.at("opening") >= 3);
            REQUIRE(state->topics.view);
            CHECK(state->topics.view->map == first_view->map);
            CHECK(state->topics.view->coherence.umass == first_view->coherence.umass);
        } else {
            CHECK(record->data == first_bytes);
            CHECK(state->topics.view->map == first_view->map);
            CHECK(state->topics.view->coherence.umass == first_view->coherence.umass);
            CHECK(state->topics.view->coherence.npmi == first_view->coherence.npmi);
            CHECK(state->topics.view->correlations == first_view->correlations);
        }
    }
}

TEST_CASE("cancelling a topics training while it saves leaves no row and shows the previous model") {
    auto state = OpenCorpus(Documents(900));   // a saved model of about 0.4 MB: two pieces of its data
    Train(*state, 3, 2);
    Pump(*state, 30.0);
    REQUIRE(state->topics.saved.size() == 1);
    const auto shown = state->topics.view;
    // The row is in (the job's progress counts its bytes) and none of them is written yet: two pieces and the
    // commit to go, a step each at this budget (the cancel is taken after the next frame's step, which writes
    // the first piece). Every step, sampling's too, does at least a piece even when its deadline passed before
    // it began, as it often does here under ASan (sampling used to stand still then: this loop ran to its cap).
    auto writing = [&] {
        for (const app::JobInfo& job : state->jobs.Snapshot())
            if (job.id == state->topics.training.job && job.phase == "saving" && job.total > 0 && job.done == 0) return true;
        return false;
    };
    Train(*state, 4, 2);
    app::Update(*state, 0.001);
    for (int n = 0; !writing() && state->jobs.Busy(); ++n) {
        REQUIRE(n < 10000000);
        app::Update(*state, 0.001);
    }
    REQUIRE(writing());
    const uint64_t job = state->topics.training.job;
    REQUIRE(app::RunCommand(*state, "topics-cancel", "").ok());
    Pump(*state, 0.001);
    const auto jobs = state->jobs.Snapshot();
    auto ended = std::find_if(jobs.begin(), jobs.end(), [&](const app::JobInfo& j) { return j.id == job; });
    REQUIRE(ended != jobs.end());
    CHECK(ended->state == app::JobState::Cancelled);   // not Done: the cancel came before the commit
    CHECK(ended->phase == "saving");
    CHECK(ended->done < ended->total);                  // with data still to write
    CHECK(state->topics.view == shown);
    auto models = state->corpus->ListTopicModels();
    REQUIRE(models.ok());
    CHECK(models->size() == 1);
    CHECK(state->topics.saved.size() == 1);
    CHECK_FALSE(state->corpus->TransactionOpen());
}

TEST_CASE("a topics training whose every step begins past its deadline still samples, saves and finishes") {
    // What a tiny budget or a slow machine gives: Pump let the job in, then the deadline passed before its
    // Step began. Each phase must still do a piece per step; sampling used to do none.
    auto state = OpenCorpus(Documents(60));
    auto run = std::make_shared<app::TopicsRun>();
    run->corpus_db = state->corpus;
    run->documents = state->documents;
    run->train.topics = 3;
    run->train.sweeps = 3;
    run->train.seed = 5;
    run->input = state->topics.input;
    app::TopicsTrainJob job(run, app::TopicsJobKind::Train);
    app::JobState result = app::JobState::Running;
    std::map<std::string, int> steps;   // by the phase each step began in
    for (int n = 0; result == app::JobState::Running && n < 100000; ++n) {
        ++steps[job.Progress.phase];
        result = job.Step(core::Deadline::In(-1.0));
    }
    CHECK(result == app::JobState::Done);
    CHECK(run->figures.sweep == 3);
    CHECK(steps["sampling"] > 3);   // slices of a sweep, a slice a step
    REQUIRE(run->view);
    CHECK(run->view->final);
    CHECK(run->model_id != 0);
    CHECK(run->figures.error == "");
}

TEST_CASE("the Reader does not colour a document whose text changed since the model was trained") {
    auto docs = Documents(30);
    // Import trimmed a header off document 4: restoring it puts words before the trained ones.
    docs[4].original_text = "Home news menu army1 trade2 farm3 " + docs[4].text;
    auto state = OpenCorpus(docs);
    state->topics.input.min_doc_freq = 1;
    Train(*state, 3, 5);
    Pump(*state, 30.0);
    REQUIRE(state->topics.view);
    const int64_t id = state->documents[4].id;
    app::OpenInReader(*state, id);
    app::Update(*state);
    CHECK(state->topics.reader.spans.size() == 100);
    CHECK(state->topics.reader.mix.size() == 3);
    CHECK(state->topics.reader.unavailable == "");

    REQUIRE(app::RestoreText(*state, id).ok());
    app::Update(*state);
    REQUIRE(state->reader_text.starts_with("Home news menu"));
    CHECK(state->topics.reader.doc_id == id);
    CHECK(state->topics.reader.spans.empty());
    CHECK(state->topics.reader.mix.empty());
    CHECK(state->topics.reader.unavailable.find("changed since this model was trained") != std::string::npos);
    CHECK(app::StateJson(*state).find("\"reader_unavailable\":\"the text has changed") != std::string::npos);

    // Another document, unchanged, is still coloured.
    app::OpenInReader(*state, state->documents[5].id);
    app::Update(*state);
    CHECK(state->topics.reader.spans.size() == 100);
    CHECK(state->topics.reader.unavailable == "");
}

TEST_CASE("the topics jobs' longest steps on a real corpus (a measurement)" * doctest::skip()) {
    const char* source = std::getenv("CL_TOPICS_STEPS_CORPUS");
    if (!source) { MESSAGE("CL_TOPICS_STEPS_CORPUS is not set: nothing measured"); return; }
    const char* ks = std::getenv("CL_TOPICS_STEPS_K");
    const std::string path = std::string(CL_TEST_TMP_DIR) + "/topics-steps.sqlite";
    for (const char* p = ks ? ks : "20"; *p;) {
        const int k = std::atoi(p);
        while (*p && *p != ',') ++p;
        if (*p == ',') ++p;
        std::filesystem::remove(path);
        std::filesystem::copy_file(source, path);
        auto corpus = store::Corpus::Create(path);
        REQUIRE(corpus.ok());
        auto list = corpus->ListDocuments();
        REQUIRE(list.ok());
        app::AppState state;
        state.storage_ready = true;
        app::ShowCorpus(state, std::make_shared<store::Corpus>(std::move(*corpus)), "", "Measured", std::move(*list));
        app::Update(state);
        state.topics.settings.topics = k;
        state.topics.settings.sweeps = 20;
        state.topics.settings.seed = 1;
        state.topics.request.train = true;
        const std::string label = "K " + std::to_string(k);
        MeasureSteps(state, (label + " train 20 sweeps").c_str());
        const int64_t id = state.topics.model_id;
        REQUIRE(id != 0);
        REQUIRE(app::RunCommand(state, "topics-group", "party").ok());
        MeasureSteps(state, (label + " regroup by party").c_str());
        state.topics.view = nullptr;
        state.topics.run = nullptr;
        REQUIRE(app::RunCommand(state, "topics-open", std::to_string(id)).ok());
        MeasureSteps(state, (label + " open").c_str());
        REQUIRE(state.topics.view);
        CHECK(state.topics.view->final);
    }
}

}  // TEST_SUITE
