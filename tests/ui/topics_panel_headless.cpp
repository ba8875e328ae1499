// The Topics panel drawn headless (ImGui without a renderer) over a model's results made with the real summary
// statistics (analysis/topics/summary.h) from a small hand-assigned model of the demo corpus: every tab in both
// themes at 1024×700, clicks on a list row, a map circle and a ranked document (which opens the Reader), the
// training strip's buttons recording requests, and nothing drawn outside the window.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>

#include <imgui.h>

#include "analysis/topics/summary.h"
#include "app/app_state.h"
#include "ui/app_window.h"

namespace {

namespace topics = analysis::topics;

struct Headless {
    Headless() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1024, 700);
        window.fonts = ui::LoadFonts(CL_TEST_FONT, CL_TEST_MONO_FONT, 1.0f);
        unsigned char* pixels = nullptr;
        int width = 0, height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
        app::InitApp(state);
    }
    ~Headless() { ImGui::DestroyContext(); }
    void Frames(int frames) {
        for (int i = 0; i < frames; ++i) {
            app::Update(state, 2.0);
            ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
            ImGui::NewFrame();
            window.Draw(state);
            ImGui::Render();
        }
    }
    // A click as a user's: the pointer rests on the widget for two frames, then presses and releases.
    void Click(const std::string& name) {
        REQUIRE(state.widgets.count(name) == 1);
        const app::WidgetRect r = state.widgets[name];
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(r.x + r.w / 2, r.y + r.h / 2);
        Frames(2);
        io.AddMouseButtonEvent(0, true);
        Frames(1);
        io.AddMouseButtonEvent(0, false);
        Frames(2);
    }
    app::AppState state;
    ui::AppWindow window;
};

// Three topics of four words each over the demo's documents; document d is mostly topic d % 3 (its words
// assigned to it), with one word of the next topic. Years: 2001, 2002, (2003 has no documents), 2004.
std::shared_ptr<app::TopicsView> SmallModel(const std::vector<store::DocumentSummary>& documents) {
    auto corpus = std::make_shared<topics::TopicCorpus>();
    corpus->vocab = {"peace", "treaty", "accord", "envoy", "war", "army", "navy", "battle", "trade", "tariff", "bank", "market"};
    const int k = 3;
    std::vector<int64_t> ids;
    for (const store::DocumentSummary& d : documents) ids.push_back(d.id);
    std::sort(ids.begin(), ids.end());
    corpus->doc_ids = ids;
    std::vector<uint16_t> assignment;
    for (size_t d = 0; d < ids.size(); ++d) {
        corpus->chunk_start.push_back(static_cast<uint32_t>(corpus->tokens.size()));
        corpus->chunk_doc.push_back(static_cast<uint32_t>(d));
        const int main = static_cast<int>(d % 3);
        for (int i = 0; i < 24 + static_cast<int>(d) * 3; ++i) {
            const int topic = i == 5 ? (main + 1) % 3 : main;
            corpus->tokens.push_back(static_cast<uint32_t>(topic * 4 + i % 4));
            assignment.push_back(static_cast<uint16_t>(topic));
        }
    }
    corpus->chunk_start.push_back(static_cast<uint32_t>(corpus->tokens.size()));
    for (uint32_t i = 0; i < corpus->tokens.size(); ++i) corpus->token_position.push_back(i);
    corpus->vocab_df.assign(corpus->vocab.size(), static_cast<uint32_t>(ids.size()));

    auto view = std::make_shared<app::TopicsView>();
    topics::TopicSnapshot& s = view->snapshot;
    s.topics = k;
    s.vocab_size = corpus->VocabSize();
    s.alpha.assign(k, 0.1);
    s.beta = 0.01;
    s.word_topic.assign(s.vocab_size * k, 0);
    s.topic_total.assign(k, 0);
    s.chunk_topic.assign(corpus->Chunks() * k, 0);
    s.chunk_length.assign(corpus->Chunks(), 0);
    for (size_t c = 0; c < corpus->Chunks(); ++c)
        for (uint32_t i = corpus->chunk_start[c]; i < corpus->chunk_start[c + 1]; ++i) {
            ++s.word_topic[corpus->tokens[i] * k + assignment[i]];
            ++s.topic_total[assignment[i]];
            ++s.chunk_topic[c * k + assignment[i]];
            ++s.chunk_length[c];
        }
    s.sweeps = 50;
    s.log_likelihood_per_token = -2.5;
    view->word_prob = topics::WordProbabilities(*corpus);
    view->shares = topics::TopicShares(s);
    view->doc_topics = topics::DocumentTopics(s, *corpus);
    view->map = topics::ClassicalMds(topics::TopicDistances(s), k);
    view->correlations = topics::TopicCorrelations(view->doc_topics, k);
    view->coherence = topics::TopicCoherence(s, *corpus, 4);
    view->group_by = "year";
    view->group_keys = {"2001", "2002", "2003", "2004"};
    std::vector<int> group(ids.size());
    for (size_t d = 0; d < ids.size(); ++d) group[d] = d % 3 == 2 ? 3 : static_cast<int>(d % 3);
    view->prevalence = topics::PrevalenceByGroup(view->doc_topics, *corpus, group, 4, k);
    view->years = view->group_keys;
    view->by_year = view->prevalence;
    view->sweeps = 50;
    view->final = true;
    view->corpus = corpus;
    return view;
}

bool Inside(const app::WidgetRect& r) { return r.x >= 0 && r.y >= 0 && r.x + r.w <= 1024.5f && r.y + r.h <= 700.5f; }

}  // namespace

TEST_SUITE("ui") {

TEST_CASE("the Topics panel draws every tab of a model, selects by list and map, and opens a ranked document") {
    Headless h;
    h.Frames(10);
    REQUIRE(h.state.documents.size() == 8);
    h.state.view = app::View::Topics;
    h.Frames(3);
    CHECK(h.state.widgets.count("topics.train") == 1);
    CHECK(h.state.ui_text["topics.view"] == "");

    h.state.topics.view = SmallModel(h.state.documents);
    h.state.topics.labels.resize(3);
    h.Frames(3);
    CHECK(h.state.ui_text["topics.view"].rfind("3 50 final", 0) == 0);
    for (int t = 0; t < 3; ++t) CHECK(h.state.widgets.count("topics.row" + std::to_string(t)) == 1);
    for (const char* name : {"topics.train", "topics.k", "topics.lambda", "topics.tab.k", "topics.row0"}) {
        CAPTURE(name);
        CHECK(Inside(h.state.widgets[name]));
    }

    // The first row's words at λ = 1 and at λ = 0 (relevance: the same words here, all of them in one topic).
    const std::string words = h.state.ui_text["topics.row0.words"];
    CHECK(!words.empty());

    // A click on topic 3's circle selects it; its word bars show.
    REQUIRE(h.state.widgets.count("topics.map.topic2") == 1);
    h.Click("topics.map.topic2");
    CHECK(h.state.topics.selected_topic == 2);
    CHECK(h.state.ui_text["topics.selected"] == "3");
    CHECK(h.state.widgets.count("topics.bars.plot") == 1);
    CHECK(Inside(h.state.widgets["topics.map"]));

    // A list row selects too.
    h.Click("topics.row1");
    CHECK(h.state.topics.selected_topic == 1);

    // Over time: lines, then stacked areas.
    h.Click("topics.tab.time");
    CHECK(h.state.ui_text["topics.tab"] == "time");
    CHECK(h.state.widgets.count("topics.time.plot") == 1);
    h.Click("topics.stacked");
    CHECK(h.state.topics.stacked);
    h.Frames(3);

    h.Click("topics.tab.correlations");
    CHECK(h.state.widgets.count("topics.corr.plot") == 1);
    h.Click("topics.tab.k");
    CHECK(h.state.widgets.count("topics.compare") == 1);
    // Compared models (trained in K order 40, 10, 20): the table and the charts against K.
    CHECK(h.state.widgets.count("topics.k.ll.plot") == 0);
    h.state.topics.comparison.rows = {{40, -8.1, -1.9, 0.05, 0}, {10, -8.6, -1.5, 0.08, 0}, {20, -8.3, -1.6, 0.07, 0}};
    h.Frames(2);
    CHECK(h.state.widgets.count("topics.k.ll.plot") == 1);   // (the coherence chart is below it at 1024 px)
    h.state.topics.comparison.rows.clear();

    for (app::Theme theme : {app::Theme::Light, app::Theme::Dark}) {
        h.state.theme = theme;
        h.state.topics.lambda = theme == app::Theme::Light ? 0.0f : 1.0f;
        h.Frames(5);
    }

    // Documents, best first for topic 2: a click opens the first in the Reader.
    h.Click("topics.tab.documents");
    REQUIRE(h.state.widgets.count("topics.doc0") == 1);
    h.Click("topics.doc0");
    CHECK(h.state.view == app::View::Reader);
    const app::TopicsView& v = *h.state.topics.view;
    size_t best = 0;
    for (size_t d = 0; d < v.corpus->Documents(); ++d)
        if (v.doc_topics[d * 3 + 1] > v.doc_topics[best * 3 + 1]) best = d;
    CHECK(h.state.reader_doc_id == v.corpus->doc_ids[best]);
}

TEST_CASE("the training strip trains a real model: sweeps and the live chart, Pause, Continue, Cancel, Train 200 more") {
    Headless h;
    h.Frames(10);
    h.state.view = app::View::Topics;
    h.Frames(2);
    app::TopicsState& t = h.state.topics;
    t.settings.topics = 3;
    t.settings.sweeps = 100000;   // long enough to pause and cancel mid-way
    t.input.min_doc_freq = 1;
    h.Click("topics.train");
    int frames = 0;
    for (; (t.training.sweep < 30 || t.training.log_likelihood.size() < 2) && frames < 20000; ++frames) h.Frames(1);
    REQUIRE(t.training.job != 0);
    CHECK(h.state.ui_text["topics.training"] == "running");
    CHECK(h.state.ui_text["topics.status"].find(" of 100,000") != std::string::npos);
    h.Frames(2);
    CHECK(h.state.widgets.count("topics.ll.plot") == 1);
    CHECK(!h.state.ui_text["topics.view"].empty());   // the topics fill in while it trains

    h.Click("topics.pause");
    CHECK(t.training.paused);
    const int paused_at = t.training.sweep;
    h.Frames(20);
    CHECK(t.training.sweep == paused_at);
    h.Click("topics.resume");
    CHECK(!t.training.paused);
    for (frames = 0; t.training.sweep == paused_at && frames < 2000; ++frames) h.Frames(1);
    CHECK(t.training.sweep > paused_at);
    h.Click("topics.cancel");
    for (frames = 0; t.training.job != 0 && frames < 100; ++frames) h.Frames(1);
    CHECK(t.training.job == 0);
    CHECK(h.state.ui_text["topics.training"] == "");

    // A short run to the end, then 200 more sweeps on it.
    t.settings.sweeps = 20;
    h.Click("topics.train");
    for (frames = 0; (t.training.job != 0 || !t.view || !t.view->final) && frames < 20000; ++frames) h.Frames(1);
    REQUIRE(t.view != nullptr);
    CHECK(t.view->sweeps == 20);
    h.Frames(2);
    h.Click("topics.more");
    for (frames = 0; (t.training.job != 0 || t.view->sweeps != 220) && frames < 20000; ++frames) h.Frames(1);
    CHECK(t.view->sweeps == 220);
    CHECK(h.state.ui_text["topics.view"].rfind("3 220 final", 0) == 0);
}

}  // TEST_SUITE
