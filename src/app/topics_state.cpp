// UpdateTopics: carries out the Topics view's requests (train, pause, continue, cancel, train more, open,
// delete, compare K, labels, regroup) with TopicsTrainJob (app/topics_job.h), copies what the running job
// publishes into TopicsState, keeps the list of saved models and the Reader's topic colouring current; and
// the view's part of the test API (its JSON and commands).
#include "app/topics_state.h"

#include <algorithm>
#include <cstdlib>

#include "analysis/topics/summary.h"
#include "app/app_state.h"
#include "app/topics_job.h"
#include "core/json.h"
#include "text/jsonl.h"
#include "text/tokenizer.h"

namespace app {

namespace {

namespace topics = analysis::topics;

// Labels as JSON Lines, one object per topic in order: {"label": …, "pinned": …, "hidden": …}.
std::string LabelsText(const std::vector<TopicLabel>& labels) {
    std::string out;
    for (const TopicLabel& l : labels) {
        core::JsonWriter w;
        w.BeginObject();
        w.Key("label"); w.String(l.label);
        w.Key("pinned"); w.Bool(l.pinned);
        w.Key("hidden"); w.Bool(l.hidden);
        w.EndObject();
        out += w.Take() + "\n";
    }
    return out;
}

// The inverse of LabelsText for a model of `k` topics (missing or unreadable entries stay empty).
std::vector<TopicLabel> ParseLabels(std::string_view text, int k) {
    std::vector<TopicLabel> labels(static_cast<size_t>(std::max(k, 0)));
    auto records = text::ParseJsonLines(text);
    if (!records.ok()) return labels;
    for (size_t i = 0; i < records->size() && i < labels.size(); ++i)
        for (const text::JsonField& f : (*records)[i].fields) {
            if (f.key == "label") labels[i].label = f.value;
            else if (f.key == "pinned") labels[i].pinned = f.value == "true";
            else if (f.key == "hidden") labels[i].hidden = f.value == "true";
        }
    return labels;
}

void ReadSavedModels(AppState& state) {
    TopicsState& t = state.topics;
    t.saved_version = state.storage_generation;
    auto models = state.corpus->ListTopicModels();
    if (!models.ok()) { t.error = models.status().message(); return; }
    t.saved.clear();
    for (const store::TopicModelRecord& m : *models)
        t.saved.push_back({m.id, m.name, m.created, m.topics, m.sweeps, static_cast<int>(m.documents), m.log_likelihood_per_token});
}

bool JobRunning(const AppState& state) { return state.topics.training.job != 0; }

// A new run on the open corpus, with the document metadata the charts group by.
std::shared_ptr<TopicsRun> NewRun(const AppState& state) {
    auto run = std::make_shared<TopicsRun>();
    run->corpus_db = state.corpus;
    run->documents = state.documents;   // ListDocuments order: ascending ids
    run->group_by = state.topics.request.group_by.empty() ? (state.topics.run ? state.topics.run->group_by : "year")
                                                          : state.topics.request.group_by;
    return run;
}

// Starts `job` on `run`, keeping what is shown now to put back if it is cancelled or fails.
void StartJob(AppState& state, std::shared_ptr<TopicsRun> run, std::unique_ptr<TopicsTrainJob> job) {
    TopicsState& t = state.topics;
    if (t.run != run) {
        t.previous_run = t.run;
        t.previous_labels = t.labels;
        run->fresh = true;
        t.run = std::move(run);
    }
    t.run->abandoned = t.run->done = t.run->paused = false;
    t.training.error.clear();
    t.training.paused = false;
    t.training.job = state.jobs.Add(std::move(job));
}

void StartTraining(AppState& state) {
    TopicsState& t = state.topics;
    const int k = t.settings.topics;
    if (k < topics::kMinTopics || k > topics::kMaxTopics) {
        t.training.error = "the number of topics must be between " + std::to_string(topics::kMinTopics) + " and " +
                           std::to_string(topics::kMaxTopics) + ", not " + std::to_string(k);
        return;
    }
    if (t.settings.sweeps < 1) {
        t.training.error = "train for at least one sweep";
        return;
    }
    auto run = NewRun(state);
    run->train = t.settings;
    run->input = t.input;
    auto job = std::make_unique<TopicsTrainJob>(run, TopicsJobKind::Train, state.subcorpus);
    StartJob(state, std::move(run), std::move(job));
    t.training.log_likelihood.clear();
}

// Opens saved model `id`: its row without the data here (the job reads the megabytes in pieces).
void OpenModel(AppState& state, int64_t id) {
    TopicsState& t = state.topics;
    auto models = state.corpus->ListTopicModels();
    if (!models.ok()) { t.error = models.status().message(); return; }
    auto record = std::find_if(models->begin(), models->end(), [id](const store::TopicModelRecord& m) { return m.id == id; });
    if (record == models->end()) { t.error = "topic model " + std::to_string(id) + " does not exist"; return; }
    auto run = NewRun(state);
    run->model_id = record->id;
    run->name = record->name;
    auto job = std::make_unique<TopicsTrainJob>(run, TopicsJobKind::Open);
    run->labels = ParseLabels(record->labels, record->topics);
    StartJob(state, run, std::move(job));
    t.training.log_likelihood.clear();
}

// Shows what was there before the job that just ended without a result (a new run is dropped; the shown run
// stays, with the view it had before: TopicsTrainJob::Abandon), keeping the job's error for the user.
void PutBackPrevious(AppState& state) {
    TopicsState& t = state.topics;
    const std::string error = t.run->figures.error;
    if (t.run->fresh) {
        t.run = t.previous_run;
        t.labels = t.previous_labels;
    }
    t.previous_run = nullptr;
    t.previous_labels.clear();
    t.view = t.run ? t.run->view : nullptr;
    t.model_id = t.run ? t.run->model_id : 0;
    t.training = t.run ? t.run->figures : TopicsTraining{};
    t.training.error = error;
    t.training.job = 0;
    t.training.paused = false;
    t.comparison.running = false;
}

// Copies the running job's figures and newest view into the state; handles its end.
void FollowJob(AppState& state) {
    TopicsState& t = state.topics;
    TopicsRun& run = *t.run;
    if (run.committed) {
        run.committed = false;
        NoteCommitted(state, state.corpus_path);
        t.saved_version = ~0ull;
    }
    const uint64_t job = t.training.job;
    const bool paused = t.training.paused;
    t.training = run.figures;
    t.training.job = job;
    t.training.paused = paused;
    t.dropped = run.dropped;
    if (run.view && run.view != t.view) {
        // The first view of another model: its own labels (saved ones when opened), nothing selected.
        const bool new_model = !t.view || t.view->corpus != run.view->corpus || t.view->snapshot.topics != run.view->snapshot.topics;
        t.view = run.view;
        if (new_model) {
            const size_t k = static_cast<size_t>(run.view->snapshot.topics);
            t.labels = run.labels.size() == k ? run.labels : std::vector<TopicLabel>(k);
            t.selected_topic = -1;
            t.chart_topics.clear();
        }
    }
    if (run.abandoned) {
        PutBackPrevious(state);
        return;
    }
    if (!run.done) return;
    t.training.job = 0;
    t.model_id = run.model_id;
    run.fresh = false;
    t.previous_run = nullptr;
    t.previous_labels.clear();
    if (!t.labels.empty() && t.model_id != 0 && std::any_of(t.labels.begin(), t.labels.end(), [](const TopicLabel& l) {
            return !l.label.empty() || l.pinned || l.hidden; }))
        t.request.save_labels = true;   // labels given while it trained go with the saved model
    TopicsKComparison& cmp = t.comparison;
    if (cmp.running && t.view && t.view->final) {
        cmp.rows.push_back({t.view->snapshot.topics, t.view->snapshot.log_likelihood_per_token, t.view->coherence.mean_umass,
                            t.view->coherence.mean_npmi, t.model_id});
        if (cmp.rows.size() < cmp.ks.size()) {
            t.settings.topics = cmp.ks[cmp.rows.size()];
            StartTraining(state);
        } else {
            cmp.running = false;
        }
    }
}

// The Reader's document coloured by the shown model: its kept tokens (TopicCorpus::token_position says which
// of its stored tokens they are) found again by re-tokenising the text, each with its assigned topic. Every
// kept token must be there as the word the model trained on; if one is not (the text was edited, restored or
// re-imported since training), nothing is coloured, rather than words in the colours of others.
void UpdateReaderSpans(AppState& state) {
    TopicsState& t = state.topics;
    ReaderTopicSpans& r = t.reader;
    const TopicsView* view = t.view.get();
    if (r.doc_id == state.reader_loaded_id && r.view == view && r.text == state.reader_text) return;
    r = {};
    r.doc_id = state.reader_loaded_id;
    r.view = view;
    r.text = state.reader_text;
    if (!view || !t.run || !t.run->model || state.reader_loaded_id == 0) return;
    const topics::TopicCorpus& c = *view->corpus;
    if (t.run->corpus != view->corpus) return;
    auto doc = std::lower_bound(c.doc_ids.begin(), c.doc_ids.end(), state.reader_loaded_id);
    if (doc == c.doc_ids.end() || *doc != state.reader_loaded_id) return;
    const auto d = static_cast<uint32_t>(doc - c.doc_ids.begin());
    r.model_id = t.model_id;
    auto first = std::lower_bound(c.chunk_doc.begin(), c.chunk_doc.end(), d);
    auto last = std::upper_bound(c.chunk_doc.begin(), c.chunk_doc.end(), d);
    uint32_t i = first == last ? 0 : c.chunk_start[static_cast<size_t>(first - c.chunk_doc.begin())];
    const uint32_t end = first == last ? 0 : c.chunk_start[static_cast<size_t>(last - c.chunk_doc.begin())];
    const std::vector<uint16_t>& topic_of = t.run->model->Assignments();
    text::Tokenizer tokenizer;
    tokenizer.Reset(state.reader_text);
    text::Token token;
    uint32_t position = 0;   // index in the document's stored sequence (tokens with a normal form)
    bool same = true;
    while (i < end && tokenizer.Next(&token)) {
        if (token.norm.empty()) continue;
        if (c.token_position[i] == position) {   // (positions ascend within a document)
            if (token.norm != c.vocab[c.tokens[i]]) {
                same = false;
                break;
            }
            r.spans.emplace_back(token.byte_offset, token.byte_length, topic_of[i]);
            ++i;
        }
        ++position;
    }
    if (!same || i < end) {
        r.spans.clear();
        r.unavailable = "the text has changed since this model was trained: train it again to colour its words";
        return;
    }
    const int k = view->snapshot.topics;
    if (view->doc_topics.size() >= (d + 1) * static_cast<size_t>(k))
        r.mix.assign(view->doc_topics.begin() + d * k, view->doc_topics.begin() + (d + 1) * k);
}

void Reset(TopicsState& t) {
    TopicsState fresh;
    fresh.settings = t.settings;
    fresh.input = t.input;
    fresh.user_stopwords_text = t.user_stopwords_text;
    fresh.lambda = t.lambda;
    fresh.request = std::move(t.request);   // asked for with the new corpus on show
    t = std::move(fresh);
}

}  // namespace

void UpdateTopics(AppState& state) {
    TopicsState& t = state.topics;
    if (t.corpus_seen != state.corpus.get()) {
        if (JobRunning(state)) state.jobs.Cancel(t.training.job);
        Reset(t);
        t.corpus_seen = state.corpus.get();
    }
    if (!state.corpus) return;
    TopicsRequest request = std::move(t.request);
    t.request = {};

    if (request.cancel && JobRunning(state)) state.jobs.Cancel(t.training.job);
    if (t.run && JobRunning(state)) {
        if (request.pause) t.run->paused = t.training.paused = true;
        if (request.resume) t.run->paused = t.training.paused = false;
    }
    if (!request.group_by.empty() && t.run) {
        t.run->group_by = request.group_by;
        if (!JobRunning(state) && t.view) {   // while training the next refresh takes it
            auto job = std::make_unique<TopicsTrainJob>(t.run, TopicsJobKind::Regroup);
            StartJob(state, t.run, std::move(job));
        }
    }
    if (request.more_sweeps > 0) {
        // Without a model in memory (let go after a cancelled "train more") the job reopens the saved one.
        if (!t.run || (!t.run->model && t.run->model_bytes.empty() && t.run->model_id == 0)) {
            t.training.error = "train or open a model first";
        } else if (JobRunning(state)) {
            if (t.run->model) t.run->model->AddSweeps(request.more_sweeps);
            else t.training.error = "wait until the model has opened";
        } else {
            auto job = std::make_unique<TopicsTrainJob>(t.run, TopicsJobKind::More, store::DocFilter{}, request.more_sweeps);
            StartJob(state, t.run, std::move(job));
        }
    }
    const bool busy = JobRunning(state);
    if (request.train) {
        if (busy) t.training.error = "a model is training: cancel it or let it finish first";
        else StartTraining(state);
    }
    if (request.compare_k) {
        std::vector<int>& ks = t.comparison.ks;
        if (busy) t.training.error = "a model is training: cancel it or let it finish first";
        else if (ks.empty()) t.training.error = "choose the numbers of topics to compare";
        else if (std::any_of(ks.begin(), ks.end(), [](int k) { return k < topics::kMinTopics || k > topics::kMaxTopics; }))
            t.training.error = "each number of topics must be between " + std::to_string(topics::kMinTopics) + " and " +
                               std::to_string(topics::kMaxTopics);
        else {
            t.comparison.rows.clear();
            t.comparison.running = true;
            t.settings.topics = ks[0];
            StartTraining(state);
            if (!JobRunning(state)) t.comparison.running = false;
        }
    }
    if (request.open_model != 0) {
        if (busy) t.error = "a model is training: cancel it or let it finish first";
        else OpenModel(state, request.open_model);
    }
    if (request.delete_model != 0) {
        if (busy && t.run && t.run->model_id == request.delete_model) {
            t.error = "this model is being trained further: cancel that first";
        } else if (core::Status s = state.corpus->DeleteTopicModel(request.delete_model); !s.ok()) {
            t.error = s.message();
        } else {
            if (t.model_id == request.delete_model) {   // it was on show: it goes (the user deleted it)
                t.run = nullptr;
                t.view = nullptr;
                t.model_id = 0;
                t.labels.clear();
            }
            NoteCommitted(state, state.corpus_path);
            t.saved_version = ~0ull;
        }
    }
    if (t.run && t.training.job != 0) FollowJob(state);
    if (request.save_labels || t.request.save_labels) {
        t.request.save_labels = false;
        if (t.model_id != 0) {
            if (core::Status s = state.corpus->UpdateTopicModelLabels(t.model_id, LabelsText(t.labels)); !s.ok()) t.error = s.message();
            else NoteCommitted(state, state.corpus_path);
        }
    }
    if (t.saved_version != state.storage_generation || t.saved_version == ~0ull) ReadSavedModels(state);
    UpdateReaderSpans(state);
}

void WriteTopicsJson(core::JsonWriter& w, const AppState& state) {
    const TopicsState& t = state.topics;
    const TopicsTraining& f = t.training;
    w.BeginObject();
    w.Key("job"); w.Int(static_cast<int64_t>(f.job));
    w.Key("phase"); w.String(f.phase);
    w.Key("paused"); w.Bool(f.paused);
    w.Key("sweep"); w.Int(f.sweep);
    w.Key("sweeps"); w.Int(f.sweeps);
    w.Key("tokens_per_s"); w.Double(f.tokens_per_s);
    w.Key("ll_points"); w.Int(static_cast<int64_t>(f.log_likelihood.size()));
    w.Key("ll"); w.Double(f.log_likelihood.empty() ? 0 : f.log_likelihood.back().second);
    w.Key("tokens"); w.Int(static_cast<int64_t>(f.tokens));
    w.Key("chunks"); w.Int(static_cast<int64_t>(f.chunks));
    w.Key("documents"); w.Int(static_cast<int64_t>(f.documents));
    w.Key("vocabulary"); w.Int(static_cast<int64_t>(f.vocabulary));
    w.Key("error"); w.String(f.error);
    w.Key("last_error"); w.String(t.error);
    w.Key("model_id"); w.Int(t.model_id);
    const TopicsView* v = t.view.get();
    w.Key("k"); w.Int(v ? v->snapshot.topics : 0);
    w.Key("view_sweeps"); w.Int(v ? v->sweeps : 0);
    w.Key("final"); w.Bool(v && v->final);
    w.Key("group_by"); w.String(v ? v->group_by : "");
    w.Key("groups"); w.Int(v ? static_cast<int64_t>(v->group_keys.size()) : 0);
    w.Key("selected"); w.Int(t.selected_topic);
    w.Key("mean_umass"); w.Double(v ? v->coherence.mean_umass : 0);
    w.Key("mean_npmi"); w.Double(v ? v->coherence.mean_npmi : 0);
    w.Key("labels"); w.BeginArray();
    for (const TopicLabel& l : t.labels) {
        w.BeginObject();
        w.Key("label"); w.String(l.label);
        w.Key("pinned"); w.Bool(l.pinned);
        w.Key("hidden"); w.Bool(l.hidden);
        w.EndObject();
    }
    w.EndArray();
    // The first 20 topics' shares and three most probable words (what a test needs to see topics form; a pass
    // over the vocabulary each, at every call of the test API).
    w.Key("topics"); w.BeginArray();
    if (v && v->shares.size() == static_cast<size_t>(v->snapshot.topics) && !v->word_prob.empty()) {
        for (int k = 0; k < v->snapshot.topics && k < 20; ++k) {
            w.BeginObject();
            w.Key("share"); w.Double(v->shares[static_cast<size_t>(k)]);
            w.Key("words"); w.BeginArray();
            for (const topics::TopicWord& word : topics::TopWords(v->snapshot, v->word_prob, k, 3, 1.0))
                w.String(v->corpus->vocab[word.word]);
            w.EndArray();
            w.EndObject();
        }
    }
    w.EndArray();
    w.Key("saved"); w.BeginArray();
    for (const SavedTopicModel& m : t.saved) {
        w.BeginObject();
        w.Key("id"); w.Int(m.id);
        w.Key("name"); w.String(m.name);
        w.Key("topics"); w.Int(m.topics);
        w.Key("sweeps"); w.Int(m.sweeps);
        w.Key("documents"); w.Int(m.documents);
        w.Key("ll"); w.Double(m.log_likelihood_per_token);
        w.EndObject();
    }
    w.EndArray();
    w.Key("comparison"); w.BeginObject();
    w.Key("running"); w.Bool(t.comparison.running);
    w.Key("rows"); w.BeginArray();
    for (const TopicsKComparison::Row& r : t.comparison.rows) {
        w.BeginObject();
        w.Key("k"); w.Int(r.topics);
        w.Key("ll"); w.Double(r.log_likelihood_per_token);
        w.Key("umass"); w.Double(r.umass);
        w.Key("npmi"); w.Double(r.npmi);
        w.Key("model_id"); w.Int(r.model_id);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    w.Key("reader_doc"); w.Int(t.reader.doc_id);
    w.Key("reader_spans"); w.Int(static_cast<int64_t>(t.reader.spans.size()));
    w.Key("reader_unavailable"); w.String(t.reader.unavailable);
    w.EndObject();
}

bool RunTopicsCommand(AppState& state, std::string_view name, std::string_view arg, core::Status* result) {
    if (!name.starts_with("topics-")) return false;
    TopicsState& t = state.topics;
    *result = core::Status::Ok();
    auto bad = [&](const char* why) {
        *result = core::Error(core::StatusCode::InvalidInput, std::string(name) + ": " + why + " '" + std::string(arg) + "'");
        return true;
    };
    // Whitespace-separated integers of the argument.
    std::vector<long long> numbers;
    std::string rest;   // what follows the first number (topics-label's text)
    {
        std::string a(arg);
        const char* p = a.c_str();
        char* end = nullptr;
        for (;;) {
            while (*p == ' ' || *p == ',') ++p;
            if (!*p) break;
            long long n = std::strtoll(p, &end, 10);
            if (end == p) break;
            numbers.push_back(n);
            p = end;
            if (numbers.size() == 1) rest = std::string(*p == ' ' ? p + 1 : p);
        }
    }
    auto topic_ok = [&](long long k) { return t.view && k >= 0 && k < t.view->snapshot.topics && static_cast<size_t>(k) < t.labels.size(); };
    if (!state.corpus) return bad("no corpus is open for");
    if (name == "topics-train") {
        if (numbers.size() < 3 || numbers.size() > 4) return bad("give K SEED SWEEPS [CHUNK], not");
        t.settings.topics = static_cast<int>(numbers[0]);
        t.settings.seed = static_cast<uint64_t>(numbers[1]);
        t.settings.sweeps = static_cast<int>(numbers[2]);
        if (numbers.size() == 4) t.input.chunk_words = static_cast<int>(numbers[3]);
        t.request.train = true;
    } else if (name == "topics-pause") {
        t.request.pause = true;
    } else if (name == "topics-resume") {
        t.request.resume = true;
    } else if (name == "topics-cancel") {
        t.request.cancel = true;
    } else if (name == "topics-more") {
        if (numbers.size() != 1 || numbers[0] < 1 || numbers[0] > 100000) return bad("give a number of sweeps (1 to 100000), not");
        t.request.more_sweeps = static_cast<int>(numbers[0]);
    } else if (name == "topics-open" || name == "topics-delete") {
        if (numbers.size() != 1 || numbers[0] < 1) return bad("give a saved model's id, not");
        (name == "topics-open" ? t.request.open_model : t.request.delete_model) = numbers[0];
    } else if (name == "topics-label") {
        if (numbers.empty() || !topic_ok(numbers[0])) return bad("no such topic in");
        t.labels[static_cast<size_t>(numbers[0])].label = rest;
        t.request.save_labels = true;
    } else if (name == "topics-pin" || name == "topics-hide") {
        if (numbers.size() != 1 || !topic_ok(numbers[0])) return bad("no such topic in");
        TopicLabel& l = t.labels[static_cast<size_t>(numbers[0])];
        (name == "topics-pin" ? l.pinned : l.hidden) ^= true;
        t.request.save_labels = true;
    } else if (name == "topics-select") {
        if (numbers.size() != 1 || (numbers[0] != -1 && !topic_ok(numbers[0]))) return bad("no such topic in");
        t.selected_topic = static_cast<int>(numbers[0]);
    } else if (name == "topics-group") {
        if (arg.empty()) return bad("give year or a field name, not");
        if (arg != "year" && std::find(state.library.field_names.begin(), state.library.field_names.end(), arg) == state.library.field_names.end())
            return bad("the corpus has no such field as");
        t.request.group_by = std::string(arg);
    } else if (name == "topics-compare") {
        if (numbers.empty()) return bad("give the numbers of topics to compare (10,20,40), not");
        t.comparison.ks.clear();
        for (long long k : numbers) t.comparison.ks.push_back(static_cast<int>(k));
        t.request.compare_k = true;
    } else if (name == "topics-stopwords") {
        t.user_stopwords_text = std::string(arg);
        t.input.user_stopwords.clear();
        std::string word;
        for (char ch : std::string(arg) + " ") {
            if (ch == ' ' || ch == ',' || ch == '\n') {
                if (!word.empty()) t.input.user_stopwords.push_back(std::move(word));
                word.clear();
            } else {
                word += ch;
            }
        }
    } else {
        *result = core::Error(core::StatusCode::InvalidInput, "unknown command '" + std::string(name) + "'");
    }
    return true;
}

}  // namespace app
