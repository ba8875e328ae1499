// The Topics view's app layer: TopicsTrainJob pumped with a frame cap as the frame loop pumps it — training
// publishes views while it runs, pauses (waiting), continues, cancels leaving the previous model, saves and
// reopens with the identical snapshot, trains more, compares K, colours the Reader; bad input gets a message
// and loses nothing.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "analysis/topics/saved.h"
#include "app/app_state.h"
#include "app/corpora.h"
#include "app/topics_job.h"
#include "text/tokenizer.h"

namespace {

// Documents drawn from three word groups (war, economy, farming), 12 words each, over six years and two parties:
// enough for three topics to form.
std::vector<store::DocumentInput> SyntheticDocuments(int count) {
    const char* groups[3][6] = {{"army", "battle", "soldiers", "enemy", "troops", "victory"},
                                {"bank", "credit", "currency", "debt", "taxes", "trade"},
                                {"farms", "harvest", "wheat", "cattle", "plough", "fields"}};
    std::vector<store::DocumentInput> docs;
    uint32_t x = 12345;
    for (int d = 0; d < count; ++d) {
        const int main_group = d % 3;
        std::string text;
        for (int w = 0; w < 40; ++w) {
            x = x * 1103515245u + 12345u;
            const int group = (x >> 16) % 4 == 0 ? static_cast<int>((x >> 8) % 3) : main_group;
            text += std::string(groups[group][(x >> 20) % 6]) + (w % 9 == 8 ? ". " : " ");
        }
        store::DocumentInput doc{.title = "Speech " + std::to_string(d), .date = std::to_string(1900 + d % 6), .text = text};
        doc.fields = {{"party", d % 2 ? "Whig" : "Tory"}};
        docs.push_back(std::move(doc));
    }
    return docs;
}

// Shows a new in-memory corpus of `docs` in `state`.
void OpenCorpus(app::AppState& state, const std::vector<store::DocumentInput>& docs, std::string path = ":memory:") {
    auto corpus = store::Corpus::Create(path);
    REQUIRE(corpus.ok());
    for (const auto& d : docs) REQUIRE(corpus->AddDocument(d).ok());
    auto list = corpus->ListDocuments();
    REQUIRE(list.ok());
    state.storage_ready = true;
    app::ShowCorpus(state, std::make_shared<store::Corpus>(std::move(*corpus)), "", "Synthetic", std::move(*list));
    app::Update(state);
}

// Pumps frames (1 ms of jobs each, the frame cap) until no job runs; returns the frames it took.
int Pump(app::AppState& state, double budget_ms = 1.0, int cap = 200000) {
    app::Update(state, budget_ms);
    int frames = 1;
    for (; state.jobs.Busy() && frames < cap; ++frames) app::Update(state, budget_ms);
    app::Update(state, budget_ms);
    REQUIRE(frames < cap);
    return frames;
}

void Train(app::AppState& state, int k, int sweeps, uint64_t seed = 7) {
    state.topics.settings.topics = k;
    state.topics.settings.sweeps = sweeps;
    state.topics.settings.seed = seed;
    state.topics.settings.burn_in = 20;
    state.topics.settings.optimize_interval = 10;
    state.topics.request.train = true;
}

bool SameSnapshot(const analysis::topics::TopicSnapshot& a, const analysis::topics::TopicSnapshot& b) {
    return a.topics == b.topics && a.vocab_size == b.vocab_size && a.alpha == b.alpha && a.beta == b.beta &&
           a.word_topic == b.word_topic && a.topic_total == b.topic_total && a.chunk_topic == b.chunk_topic &&
           a.chunk_length == b.chunk_length && a.sweeps == b.sweeps &&
           a.log_likelihood_per_token == b.log_likelihood_per_token;
}

}  // namespace

TEST_SUITE("app") {

TEST_CASE("a topics training job publishes views while it samples, saves the model, and reopens it identically") {
    app::AppState state;
    OpenCorpus(state, SyntheticDocuments(36));
    Train(state, 3, 120);
    app::Update(state, 1.0);
    REQUIRE(state.topics.training.job != 0);
    std::set<const app::TopicsView*> live;
    int frames = 0;
    for (; state.jobs.Busy() && frames < 200000; ++frames) {
        app::Update(state, 1.0);
        if (state.topics.view && !state.topics.view->final) live.insert(state.topics.view.get());
    }
    app::Update(state, 1.0);
    CHECK(live.size() >= 2);                        // the charts moved while it trained
    const app::TopicsState& t = state.topics;
    REQUIRE(t.view);
    CHECK(t.view->final);
    CHECK(t.view->sweeps == 120);
    CHECK(t.training.sweep == 120);
    CHECK(t.training.job == 0);
    CHECK(t.training.error == "");
    CHECK(t.training.log_likelihood.size() >= 2);
    CHECK(t.training.tokens_per_s > 0);
    CHECK(t.training.documents == 36);
    CHECK(t.model_id != 0);
    REQUIRE(t.saved.size() == 1);
    CHECK(t.saved[0].id == t.model_id);
    CHECK(t.saved[0].name == "K 3 · seed 7 · 120 sweeps");
    CHECK(t.labels.size() == 3);
    double sum = 0;
    for (double s : t.view->shares) sum += s;
    CHECK(sum == doctest::Approx(1.0));
    CHECK(t.view->years.size() == 6);
    CHECK(t.view->group_keys == t.view->years);
    CHECK(t.view->doc_topics.size() == 36 * 3);
    CHECK(t.view->map.size() == 3);
    CHECK(t.view->coherence.umass.size() == 3);
    CHECK(app::StateJson(state).find("\"topics\":{\"job\":0") != std::string::npos);

    // Reopen it from the corpus: no training, the same counts.
    const analysis::topics::TopicSnapshot before = t.view->snapshot;
    const int64_t id = t.model_id;
    REQUIRE(app::RunCommand(state, "topics-label", "1 the economy").ok());
    app::Update(state);
    state.topics.view = nullptr;
    state.topics.run = nullptr;
    state.topics.labels.clear();
    REQUIRE(app::RunCommand(state, "topics-open", std::to_string(id)).ok());
    Pump(state);
    REQUIRE(state.topics.view);
    CHECK(state.topics.training.error == "");
    CHECK(SameSnapshot(state.topics.view->snapshot, before));
    CHECK(state.topics.model_id == id);
    REQUIRE(state.topics.labels.size() == 3);
    CHECK(state.topics.labels[1].label == "the economy");
    CHECK(state.topics.saved.size() == 1);   // opening saves nothing new
}

TEST_CASE("where the frame budget cuts the training does not change the model") {
    analysis::topics::TopicSnapshot first;
    for (double budget : {0.3, 25.0}) {
        app::AppState state;
        OpenCorpus(state, SyntheticDocuments(24));
        Train(state, 4, 40, 99);
        Pump(state, budget);
        REQUIRE(state.topics.view);
        if (budget < 1) first = state.topics.view->snapshot;
        else CHECK(SameSnapshot(state.topics.view->snapshot, first));
    }
}

TEST_CASE("pause keeps the topics job waiting without sampling; continue, cancel and train more") {
    app::AppState state;
    OpenCorpus(state, SyntheticDocuments(30));
    Train(state, 3, 30);
    Pump(state);
    REQUIRE(state.topics.view);
    const auto shown = state.topics.view;
    const int64_t shown_id = state.topics.model_id;

    Train(state, 5, 100000, 3);
    app::Update(state, 1.0);
    for (int frames = 0; state.topics.training.sweep < 3 && frames < 100000; ++frames) app::Update(state, 1.0);
    REQUIRE(state.topics.training.sweep >= 3);
    REQUIRE(app::RunCommand(state, "topics-pause", "").ok());
    app::Update(state, 1.0);
    app::Update(state, 1.0);
    const int paused_at = state.topics.training.sweep;
    for (int i = 0; i < 20; ++i) app::Update(state, 1.0);
    CHECK(state.topics.training.sweep == paused_at);
    CHECK(state.topics.training.paused);
    CHECK(state.jobs.Busy());
    CHECK(state.jobs.Waiting());              // the page may go idle
    REQUIRE(app::RunCommand(state, "topics-resume", "").ok());
    for (int frames = 0; state.topics.training.sweep <= paused_at + 1 && frames < 100000; ++frames) app::Update(state, 1.0);
    CHECK(state.topics.training.sweep > paused_at);
    CHECK_FALSE(state.jobs.Waiting());

    // Cancel: the model shown before comes back, nothing new is saved.
    REQUIRE(app::RunCommand(state, "topics-cancel", "").ok());
    Pump(state);
    CHECK(state.topics.view == shown);
    CHECK(state.topics.model_id == shown_id);
    CHECK(state.topics.labels.size() == 3);
    CHECK(state.topics.saved.size() == 1);
    CHECK(state.topics.training.job == 0);

    // Train 20 more: the same model, continued and saved under its id.
    REQUIRE(app::RunCommand(state, "topics-more", "20").ok());
    Pump(state);
    REQUIRE(state.topics.view);
    CHECK(state.topics.view->sweeps == 50);
    CHECK(state.topics.model_id == shown_id);
    REQUIRE(state.topics.saved.size() == 1);
    CHECK(state.topics.saved[0].sweeps == 50);
    CHECK(state.topics.saved[0].name == "K 3 · seed 7 · 50 sweeps");

    // Cancelling a "train more" puts the view from before back; the next one starts from the saved model.
    const auto before_more = state.topics.view;
    REQUIRE(app::RunCommand(state, "topics-more", "100000").ok());
    for (int frames = 0; state.topics.training.sweep < 52 && frames < 100000; ++frames) app::Update(state, 1.0);
    REQUIRE(app::RunCommand(state, "topics-cancel", "").ok());
    Pump(state);
    CHECK(state.topics.view == before_more);
    REQUIRE(app::RunCommand(state, "topics-more", "5").ok());
    Pump(state);
    CHECK(state.topics.view->sweeps == 55);
}

TEST_CASE("bad topics input gets a clear message and keeps the model shown") {
    app::AppState state;
    OpenCorpus(state, SyntheticDocuments(18));
    Train(state, 3, 10);
    Pump(state);
    REQUIRE(state.topics.view);
    const auto shown = state.topics.view;

    for (int k : {1, 501}) {
        Train(state, k, 10);
        Pump(state);
        CHECK(state.topics.training.error.find("between 2 and 500") != std::string::npos);
        CHECK(state.topics.view == shown);
    }

    // Every word a stopword of the user's.
    REQUIRE(app::RunCommand(state, "topics-stopwords",
                            "army battle soldiers enemy troops victory bank credit currency debt taxes trade farms harvest "
                            "wheat cattle plough fields").ok());
    Train(state, 3, 10);
    Pump(state);
    CHECK(state.topics.training.error.find("no words are left") != std::string::npos);
    CHECK(state.topics.view == shown);
    CHECK(state.topics.labels.size() == 3);
    state.topics.input.user_stopwords.clear();

    // A model saved by a newer Corpus Lens.
    std::string newer = analysis::topics::SaveModel({});
    newer[4] = static_cast<char>(analysis::topics::kSavedModelVersion + 1);
    auto id = state.corpus->SaveTopicModel({.name = "from the future", .topics = 3, .sweeps = 10, .data = newer});
    REQUIRE(id.ok());
    REQUIRE(app::RunCommand(state, "topics-open", std::to_string(*id)).ok());
    Pump(state);
    CHECK(state.topics.training.error.find("saved by a newer Corpus Lens") != std::string::npos);
    CHECK(state.topics.view == shown);

    CHECK_FALSE(app::RunCommand(state, "topics-train", "3").ok());
    CHECK_FALSE(app::RunCommand(state, "topics-label", "7 no such topic").ok());
    CHECK_FALSE(app::RunCommand(state, "topics-group", "no-such-field").ok());

    // A corpus of one short document.
    app::AppState one;
    OpenCorpus(one, {{.title = "Note", .text = "A short note."}});
    Train(one, 2, 10);
    Pump(one);
    CHECK(one.topics.training.error.find("no words are left") != std::string::npos);
    CHECK(one.topics.view == nullptr);
}

TEST_CASE("the Reader colours each kept word of a document of the shown model by its topic") {
    app::AppState state;
    OpenCorpus(state, SyntheticDocuments(12));
    Train(state, 3, 20);
    Pump(state);
    REQUIRE(state.topics.view);
    const int64_t doc_id = state.documents[4].id;
    app::OpenInReader(state, doc_id);
    app::Update(state);
    const app::ReaderTopicSpans& r = state.topics.reader;
    CHECK(r.doc_id == doc_id);
    CHECK(r.spans.size() == 40);   // every word of these texts is kept
    CHECK(r.mix.size() == 3);
    const auto& vocab = state.topics.view->corpus->vocab;
    for (const auto& [offset, length, topic] : r.spans) {
        CHECK(topic < 3);
        const std::string word = text::NormalizeForMatch(state.reader_text.substr(offset, length));
        CHECK(std::find(vocab.begin(), vocab.end(), word) != vocab.end());
    }
    // A document the model does not hold has no colours.
    auto added = state.corpus->AddDocument({.title = "Later", .text = "army bank farms"});
    REQUIRE(added.ok());
    state.documents.push_back(state.corpus->GetDocument(*added)->summary);
    app::OpenInReader(state, *added);
    app::Update(state);
    CHECK(state.topics.reader.spans.empty());
}

TEST_CASE("topics group by a field, compare K, and a schema 2 corpus is backfilled before training") {
    app::AppState state;
    OpenCorpus(state, SyntheticDocuments(18));
    REQUIRE(app::RunCommand(state, "topics-compare", "2,3").ok());
    Pump(state);
    const app::TopicsKComparison& cmp = state.topics.comparison;
    CHECK_FALSE(cmp.running);
    REQUIRE(cmp.rows.size() == 2);
    CHECK(cmp.rows[0].topics == 2);
    CHECK(cmp.rows[1].topics == 3);
    CHECK(cmp.rows[1].log_likelihood_per_token < 0);
    CHECK(cmp.rows[1].model_id != cmp.rows[0].model_id);
    CHECK(state.topics.saved.size() == 2);

    REQUIRE(app::RunCommand(state, "topics-group", "party").ok());
    Pump(state);
    REQUIRE(state.topics.view);
    CHECK(state.topics.view->group_by == "party");
    CHECK(state.topics.view->group_keys == std::vector<std::string>{"Tory", "Whig"});
    CHECK(state.topics.view->prevalence.size() == 2 * 3);

    // The fixture of schema 2 (no sequences yet): the job fills them first.
    const std::string path = std::string(CL_TEST_TMP_DIR) + "/topics-schema2.sqlite";
    std::filesystem::remove(path);
    std::filesystem::copy_file(std::filesystem::path(CL_TEST_DATA_DIR) / "schema2.sqlite", path);
    auto corpus = store::Corpus::Create(path);
    REQUIRE(corpus.ok());
    REQUIRE(*corpus->MissingTokenSequences() == 3);
    auto list = corpus->ListDocuments();
    app::AppState old;
    old.storage_ready = true;
    app::ShowCorpus(old, std::make_shared<store::Corpus>(std::move(*corpus)), "", "Old", std::move(*list));
    old.topics.input.min_doc_freq = 1;
    old.topics.input.builtin_stopwords = false;
    Train(old, 2, 5);
    Pump(old);
    CHECK(old.topics.training.error == "");
    CHECK(*old.corpus->MissingTokenSequences() == 0);
    REQUIRE(old.topics.view);
    CHECK(old.topics.view->corpus->Documents() == 3);
}

}  // TEST_SUITE
