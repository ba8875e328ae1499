// TopicsTrainJob and TopicsViewBuilder: training, continuing and opening topic models in time slices, and the
// derived charts of each snapshot one summary computation at a time.
#include "app/topics_job.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <map>

#include "analysis/topics/saved.h"
#include "analysis/topics/summary.h"
#include "core/number_text.h"
#include "store/database.h"

namespace app {

namespace {

namespace topics = analysis::topics;

// The groups the time chart uses: for "year" each document's year (the date's first four digits), else the
// first value of the metadata field `group_by`. Keys ascending (binary order); -1 for a document without one.
void GroupDocuments(const TopicsRun& run, const std::string& group_by, std::vector<std::string>* keys, std::vector<int>* doc_group) {
    const topics::TopicCorpus& c = *run.corpus;
    std::vector<std::string> values(c.Documents());
    size_t at = 0;
    for (size_t d = 0; d < c.Documents(); ++d) {
        while (at < run.documents.size() && run.documents[at].id < c.doc_ids[d]) ++at;
        if (at == run.documents.size() || run.documents[at].id != c.doc_ids[d]) continue;   // deleted since
        const store::DocumentSummary& doc = run.documents[at];
        if (group_by == "year") {
            const std::string& date = doc.date;
            if (date.size() >= 4 && std::all_of(date.begin(), date.begin() + 4, [](char ch) { return ch >= '0' && ch <= '9'; }))
                values[d] = date.substr(0, 4);
        } else {
            for (const auto& [key, value] : doc.fields)
                if (key == group_by) { values[d] = value; break; }
        }
    }
    std::map<std::string, int> index;
    for (const std::string& v : values)
        if (!v.empty()) index.emplace(v, 0);
    keys->clear();
    for (auto& [key, i] : index) {
        i = static_cast<int>(keys->size());
        keys->push_back(key);
    }
    doc_group->assign(c.Documents(), -1);
    for (size_t d = 0; d < c.Documents(); ++d)
        if (!values[d].empty()) (*doc_group)[d] = index[values[d]];
}

// "K 20 · seed 1 · 1,000 sweeps": a model's name until the user renames it.
std::string AutoName(const topics::TrainSettings& t, int sweeps) {
    return "K " + std::to_string(t.topics) + " · seed " + std::to_string(t.seed) + " · " + core::CountText(sweeps, "sweep");
}

}  // namespace

// ---- TopicsViewBuilder ------------------------------------------------------------------------------------

TopicsViewBuilder::TopicsViewBuilder(const TopicsRun& run, topics::TopicSnapshot snapshot, std::string group_by, bool final)
    : Run(run), View(std::make_shared<TopicsView>()) {
    View->corpus = run.corpus;
    View->snapshot = std::move(snapshot);
    View->sweeps = View->snapshot.sweeps;
    View->group_by = std::move(group_by);
    View->final = final;
}

TopicsViewBuilder::TopicsViewBuilder(const TopicsRun& run, const TopicsView& base, std::string group_by)
    : Run(run), View(std::make_shared<TopicsView>(base)) {
    View->group_by = std::move(group_by);
    Piece = 8;   // the prevalence per group only
}

// Up to this K, the live views (while it trains) get a new intertopic map each; above, only the final view
// does (State of the Union, K = 100: the distances of each live view took longer than the sampling between).
constexpr int kLiveMapTopics = 40;

bool TopicsViewBuilder::Step(core::Deadline deadline) {
    TopicsView& v = *View;
    const topics::TopicSnapshot& s = v.snapshot;
    const topics::TopicCorpus& c = *v.corpus;
    const int k = s.topics;
    do {
        switch (Piece) {
        case 0: v.word_prob = Run.word_prob.empty() ? topics::WordProbabilities(c) : Run.word_prob; break;
        case 1: v.shares = topics::TopicShares(s); break;
        case 2: v.doc_topics = topics::DocumentTopics(s, c); break;
        case 3:   // live views of many topics keep the last map: its distances cost seconds at K = 100
            if (!v.final && k > kLiveMapTopics) {
                if (Run.view && Run.view->snapshot.topics == k) v.map = Run.view->map;
                Piece = 4;   // (and no MDS)
            } else {
                // TopicDistanceJob: a step stops after a block of words or a row of pairs (about 1 ms natively at
                // K = 100 on the State of the Union); a pair at a time through TopicDistances of a two-topic
                // snapshot cost ~4 ms a pair there (20 s for K = 100, and 4 ms overruns in every frame).
                if (!DistanceJob) DistanceJob = std::make_unique<topics::TopicDistanceJob>(s);
                if (!DistanceJob->Step(deadline)) return false;
                Distances = DistanceJob->TakeDistances();
                DistanceJob.reset();
            }
            break;
        case 4:   // (a live view above kLiveMapTopics with no earlier map has no distances: no map yet)
            if (v.map.empty() && Distances.size() == static_cast<size_t>(k) * static_cast<size_t>(k)) {
                if (!Mds) Mds = std::make_unique<topics::ClassicalMdsJob>(Distances, k);
                if (!Mds->Step(deadline)) return false;
                v.map = Mds->TakePoints();
                Mds.reset();
            }
            break;
        case 5: v.correlations = topics::TopicCorrelations(v.doc_topics, k); break;
        case 6:
            if (v.final) {
                if (!Coherence) Coherence = std::make_unique<topics::TopicCoherenceJob>(s, c);
                if (!Coherence->Step(deadline)) return false;
                v.coherence = Coherence->TakeCoherence();
                Coherence.reset();
            }
            break;
        case 7: {
            std::vector<int> groups;
            GroupDocuments(Run, "year", &v.years, &groups);
            v.by_year = topics::PrevalenceByGroup(v.doc_topics, c, groups, static_cast<int>(v.years.size()), k);
            break;
        }
        case 8:
            if (v.group_by == "year") {
                v.group_keys = v.years;
                v.prevalence = v.by_year;
            } else {
                std::vector<int> groups;
                GroupDocuments(Run, v.group_by, &v.group_keys, &groups);
                v.prevalence = topics::PrevalenceByGroup(v.doc_topics, c, groups, static_cast<int>(v.group_keys.size()), k);
            }
            break;
        default: return true;
        }
        ++Piece;
    } while (!deadline.Expired());
    return Piece > 8;
}

// ---- TopicsTrainJob -----------------------------------------------------------------------------------------

TopicsTrainJob::TopicsTrainJob(std::shared_ptr<TopicsRun> run, TopicsJobKind kind, store::DocFilter subcorpus, int more_sweeps)
    : Job(kind == TopicsJobKind::Open ? "Opening a topic model" : kind == TopicsJobKind::Regroup ? "Regrouping topics"
                                                                                                  : "Training topics"),
      Run(std::move(run)), Kind(kind), Subcorpus(std::move(subcorpus)), MoreSweeps(more_sweeps) {
    Run->figures.error.clear();
    if (Kind == TopicsJobKind::More || Kind == TopicsJobKind::Regroup) PreviousView = Run->view;
    switch (Kind) {
    case TopicsJobKind::Train: SetPhase(Phase::Backfill, "preparing word lists", 0); break;
    case TopicsJobKind::More:
    case TopicsJobKind::Open: SetPhase(Phase::Start, Kind == TopicsJobKind::Open ? "opening" : "sampling", 0); break;
    case TopicsJobKind::Regroup:
        SetPhase(Phase::Summarise, "summarising", 0);
        Deriving = std::make_unique<TopicsViewBuilder>(*Run, *Run->view, Run->group_by);
        break;
    }
}

void TopicsTrainJob::SetPhase(Phase phase, const char* name, int64_t total) {
    At = phase;
    Progress = {0, total, name};
    Run->figures.phase = name;
}

JobState TopicsTrainJob::Fail(core::Status status) {
    Error = status;
    Run->figures.error = status.message();
    return JobState::Failed;
}

// A new run is simply dropped by UpdateTopics. A model half-way through "train more" is not the saved one:
// it is let go (the next "train more" reopens the saved bytes) and the view from before comes back.
void TopicsTrainJob::Abandon() {
    if (InTransaction) Run->corpus_db->Rollback();   // a half-written model leaves no row
    InTransaction = false;
    Run->abandoned = true;
    if (Kind == TopicsJobKind::More) Run->model.reset();
    if (PreviousView) Publish(PreviousView);
}

void TopicsTrainJob::Publish(std::shared_ptr<const TopicsView> view) {
    Run->view = std::move(view);
    ++Run->view_serial;
}

JobState TopicsTrainJob::Step(core::Deadline deadline) {
    Waiting = false;
    switch (At) {
    case Phase::Backfill: return StepBackfill(deadline);
    case Phase::List:
    case Phase::Count:
    case Phase::Add: return StepRead(deadline);
    case Phase::Start: return StepStart(deadline);
    case Phase::Sample: return StepSample(deadline);
    case Phase::Summarise:
        if (!Deriving->Step(deadline)) return JobState::Running;
        Publish(Deriving->Take());
        Deriving.reset();
        if (Kind == TopicsJobKind::Open || Kind == TopicsJobKind::Regroup) {
            Run->done = true;
            return JobState::Done;
        }
        SetPhase(Phase::Save, "saving", 0);
        return JobState::Running;
    case Phase::Save: return StepSave(deadline);
    }
    return JobState::Running;
}

// Gives the documents that have no token sequence yet (a corpus from before schema 3) theirs, one document
// per store call, committed at the end of each step (so the work is kept if the page closes half-way).
JobState TopicsTrainJob::StepBackfill(core::Deadline deadline) {
    store::Corpus& db = *Run->corpus_db;
    if (Progress.total == 0) {
        auto missing = db.MissingTokenSequences();
        if (!missing.ok()) return Fail(missing.status());
        if (*missing == 0) {
            SetPhase(Phase::List, "listing documents", 0);
            return JobState::Running;
        }
        Progress.total = *missing;
    }
    // The documents of one step in one transaction (a commit per document cost ~30 ms each on a file: its
    // sync), unless another job's is open, which they then join.
    const bool own = !db.TransactionOpen();
    if (own) {
        if (core::Status s = db.Begin(); !s.ok()) return Fail(s);
    }
    bool finished = false;
    do {
        auto id = db.BackfillTokenSequence(Cursor);
        if (!id.ok()) {
            if (own) db.Rollback();
            return Fail(id.status());
        }
        if (*id == 0) {
            finished = true;
            break;
        }
        Cursor = *id;
        ++Progress.done;
    } while (!deadline.Expired());
    if (own) {
        if (core::Status s = db.Commit(); !s.ok()) {
            db.Rollback();
            return Fail(s);
        }
    }
    Run->committed = true;
    if (finished) SetPhase(Phase::List, "listing documents", 0);
    return JobState::Running;
}

// Lists the subcorpus, then reads each document's sequence into the builder's two passes.
JobState TopicsTrainJob::StepRead(core::Deadline deadline) {
    store::Corpus& db = *Run->corpus_db;
    if (At == Phase::List) {
        auto lang_of = [&](int64_t id) -> std::string {
            auto it = std::lower_bound(Run->documents.begin(), Run->documents.end(), id,
                                       [](const store::DocumentSummary& d, int64_t v) { return d.id < v; });
            return it != Run->documents.end() && it->id == id ? it->lang : std::string();
        };
        const store::DocFilter& f = Subcorpus;
        if (f.date_from.empty() && f.date_to.empty() && f.sources.empty() && f.langs.empty() && f.doc_ids.empty() && f.fields.empty()) {
            for (const store::DocumentSummary& d : Run->documents) Docs.emplace_back(d.id, d.lang);
        } else {
            auto hits = db.SearchDocuments("", std::span<const store::DocFilter>(&Subcorpus, 1), INT_MAX, false);
            if (!hits.ok()) return Fail(hits.status());
            for (const store::SearchHit& h : *hits) Docs.emplace_back(h.doc_id, lang_of(h.doc_id));
        }
        if (Docs.empty())
            return Fail(core::Error(core::StatusCode::InvalidInput, "there are no documents to train on in this subcorpus"));
        auto terms = db.TermStrings();
        if (!terms.ok()) return Fail(terms.status());
        Terms = std::move(*terms);
        Builder = std::make_unique<topics::TopicCorpusBuilder>(Run->input, &Terms);
        SetPhase(Phase::Count, "reading words", static_cast<int64_t>(Docs.size()));
        Next = 0;
        return JobState::Running;
    }
    store::ReadTransaction read(db.db());
    do {
        if (Next == Docs.size()) break;
        const auto& [id, lang] = Docs[Next];
        if (At == Phase::Count) {
            auto seq = db.TokenSequence(id);
            if (seq.status().code() == core::StatusCode::NotFound) {   // added since the backfill: fill it now
                if (auto filled = db.BackfillTokenSequence(id - 1); !filled.ok()) return Fail(filled.status());
                Run->committed = true;
                seq = db.TokenSequence(id);
            }
            if (!seq.ok()) return Fail(seq.status());
            Builder->Count(lang, *seq);
            Sequences.push_back(std::move(*seq));
        } else {
            Builder->Add(id, Sequences[Next]);
            Sequences[Next] = {};
        }
        Progress.done = static_cast<int64_t>(++Next);
    } while (!deadline.Expired());
    if (Next < Docs.size()) return JobState::Running;

    if (At == Phase::Count) {
        Builder->Plan();
        Run->dropped = Builder->DroppedWords();
        if (Builder->KeptTokens() == 0)
            return Fail(core::Error(core::StatusCode::InvalidInput,
                                    "no words are left to train on: the " + core::CountText(static_cast<int64_t>(Docs.size()), "document") +
                                        " hold no words that pass the stopword lists and the minimum document frequency (" +
                                        std::to_string(Run->input.min_doc_freq) + ")"));
        SetPhase(Phase::Add, "choosing words", static_cast<int64_t>(Docs.size()));
        Next = 0;
        return JobState::Running;
    }
    auto corpus = std::make_shared<topics::TopicCorpus>(Builder->Finish());
    Builder.reset();
    Sequences = {};
    Terms = {};
    Run->word_prob = topics::WordProbabilities(*corpus);
    Run->corpus = std::move(corpus);
    SetPhase(Phase::Start, "sampling", 0);
    return JobState::Running;
}

// Restores Run->model from Run->model_bytes (a saved model) in slices: decodes them (SavedModelReader), then
// TopicModel::Restore in one call. For Open the decoded corpus and settings become the run's; for More the
// run's corpus stays. True when finished; `status` says whether it worked.
bool TopicsTrainJob::StepRestore(core::Deadline deadline, core::Status* status) {
    *status = core::Status::Ok();
    if (Within == Stage::Begin) {
        Within = Run->model_bytes.empty() && Run->model_id != 0 ? Stage::Read : Stage::Decode;
        Written = 0;
    }
    while (Within == Stage::Read) {   // the row's data, 1 MB a piece (Written: bytes read so far)
        store::Corpus& db = *Run->corpus_db;
        if (Written == 0) {
            auto size = db.TopicModelDataSize(Run->model_id);
            if (!size.ok()) {
                *status = size.status();
                return true;
            }
            Run->model_bytes.reserve(static_cast<size_t>(*size));
            Progress = {0, *size, "opening"};
        }
        auto piece = db.ReadTopicModelData(Run->model_id, Written, size_t{1} << 20);
        if (!piece.ok()) {
            *status = piece.status();
            return true;
        }
        Run->model_bytes += *piece;
        Written += piece->size();
        Progress.done = static_cast<int64_t>(Written);
        if (piece->empty() || static_cast<int64_t>(Written) >= Progress.total) Within = Stage::Decode;
        if (deadline.Expired()) return false;
    }
    if (Within == Stage::Decode && !Decoder) Decoder = std::make_unique<topics::SavedModelReader>(Run->model_bytes);
    if (Within == Stage::Decode) {
        if (!Decoder->Step(deadline)) return false;
        auto saved = Decoder->Take();
        Decoder.reset();
        if (!saved.ok()) {
            *status = saved.status();
            return true;
        }
        Decoded = std::make_unique<topics::SavedModel>(std::move(*saved));
        Within = Stage::Restore;
        if (deadline.Expired()) return false;
    }
    if (Kind == TopicsJobKind::Open) {
        Run->train = Decoded->train;
        Run->input = Decoded->input;
        Run->corpus = std::make_shared<const topics::TopicCorpus>(std::move(Decoded->corpus));
    }
    auto model = topics::TopicModel::Restore(*Run->corpus, Decoded->model);
    Decoded.reset();
    Within = Stage::Begin;
    if (!model.ok()) {
        *status = model.status();
        return true;
    }
    Run->model = std::make_unique<topics::TopicModel>(std::move(*model));
    Run->model_bytes.clear();
    Run->model_bytes.shrink_to_fit();
    return true;
}

// The model's random start (Train), its restoration from saved bytes (Open, and More after a cancelled "train
// more"; in slices), its counts built (TopicModel::Prepare, in slices), then more sweeps (More).
JobState TopicsTrainJob::StepStart(core::Deadline deadline) {
    if (!Run->model) {
        if (Kind == TopicsJobKind::Train) {
            auto model = topics::TopicModel::Start(*Run->corpus, Run->train);
            if (!model.ok()) return Fail(model.status());
            Run->model = std::make_unique<topics::TopicModel>(std::move(*model));
        } else if (Kind == TopicsJobKind::Open || !Run->model_bytes.empty() || Run->model_id != 0) {   // from the row
            core::Status restored;
            if (!StepRestore(deadline, &restored)) return JobState::Running;
            if (!restored.ok()) return Fail(restored);
        }
        if (!Run->model) return Fail(core::Error(core::StatusCode::InvalidInput, "there is no model to train further"));
        if (deadline.Expired()) return JobState::Running;
    }
    if (!Run->model->Prepare(deadline)) return JobState::Running;
    if (Kind == TopicsJobKind::Open) {   // p(w), then the snapshot in slices, then its view
        if (Run->word_prob.empty()) {
            Run->word_prob = topics::WordProbabilities(*Run->corpus);
            Run->model->BeginSnapshot();
            if (deadline.Expired()) return JobState::Running;
        }
        if (!Run->model->SnapshotStep(deadline)) return JobState::Running;
        topics::TopicSnapshot snapshot = Run->model->TakeSnapshot();
        Run->figures.sweep = Run->figures.sweeps = Run->model->SweepsDone();
        Run->figures.log_likelihood = {{snapshot.sweeps, snapshot.log_likelihood_per_token}};
        Deriving = std::make_unique<TopicsViewBuilder>(*Run, std::move(snapshot), Run->group_by, true);
        SetPhase(Phase::Summarise, "summarising", 0);
        return JobState::Running;
    }
    if (Kind == TopicsJobKind::More) Run->model->AddSweeps(MoreSweeps);
    const topics::TopicCorpus& c = *Run->corpus;
    TopicsTraining& f = Run->figures;
    f.tokens = c.tokens.size();
    f.chunks = c.Chunks();
    f.documents = c.Documents();
    f.vocabulary = c.VocabSize();
    f.sweeps = Run->model->SweepsTarget();
    RefreshTokens = Run->model->TokensSampled();
    RefreshSweep = StartSweeps = Run->model->SweepsDone();
    SetPhase(Phase::Sample, "sampling", f.sweeps);
    Progress.done = RefreshSweep;
    return JobState::Running;
}

// Samples until the deadline; takes a snapshot every ~250 ms of sampling or 10 sweeps (whichever first, and
// only once the previous one's view is derived; in slices, sampling nothing meanwhile), derives its view a
// piece per step, and moves on to the final summary when the target is reached. Paused: does nothing and says so (Waiting), so the page can idle.
JobState TopicsTrainJob::StepSample(core::Deadline deadline) {
    topics::TopicModel& model = *Run->model;
    TopicsTraining& f = Run->figures;
    if (Run->paused) {
        Waiting = true;
        Progress.phase = f.phase = "paused";
        return JobState::Running;
    }
    Progress.phase = f.phase = "sampling";
    if (Snapshotting) {   // taken in slices, sampling nothing meanwhile; then its view is derived
        if (!model.SnapshotStep(deadline)) return JobState::Running;
        Snapshotting = false;
        topics::TopicSnapshot snapshot = model.TakeSnapshot();
        const bool done = model.SweepsDone() >= model.SweepsTarget();
        if (f.log_likelihood.empty() || f.log_likelihood.back().first != snapshot.sweeps)
            f.log_likelihood.emplace_back(snapshot.sweeps, snapshot.log_likelihood_per_token);
        Deriving = std::make_unique<TopicsViewBuilder>(*Run, std::move(snapshot), Run->group_by, done);
        if (done) SetPhase(Phase::Summarise, "summarising", 0);
        return JobState::Running;
    }
    // A piece of the view, if one is being derived; sampling then only in what is left of the budget. Without
    // one, at least a slice is sampled even if the deadline has passed (it may have before this step began, on
    // a slow machine or at a tiny budget): a step that skipped it would never move the sampler on.
    const bool derived = Deriving != nullptr;
    if (Deriving && Deriving->Step(deadline)) {
        Publish(Deriving->Take());
        Deriving.reset();
    }
    bool done = model.SweepsDone() >= model.SweepsTarget();
    if (!derived || !deadline.Expired()) {
        const double start_ms = core::NowMs();
        done = model.Step(deadline);
        SampledMs += core::NowMs() - start_ms;
    }
    f.sweep = model.SweepsDone();
    f.sweeps = model.SweepsTarget();
    Progress.done = f.sweep;
    Progress.total = f.sweeps;
    const bool due = SampledMs - LastRefreshMs >= 250 || f.sweep - RefreshSweep >= 10;
    if ((due && !Deriving) || done) {
        const double ms = SampledMs - LastRefreshMs;
        if (ms > 0) f.tokens_per_s = static_cast<double>(model.TokensSampled() - RefreshTokens) / (ms / 1000.0);
        LastRefreshMs = SampledMs;
        RefreshTokens = model.TokensSampled();
        RefreshSweep = f.sweep;
        model.BeginSnapshot();
        Snapshotting = true;
    }
    return JobState::Running;
}

// Stores the model (a new row, or its own row again after "train more") with the settings it used, in pieces:
// the sampler's bytes (one call), the saved model's bytes (SavedModelWriter slices), the row with that many
// zero bytes, the bytes written into it 256 KB at a time, and the commit. All of it inside one transaction of
// our own, so a cancel or a failure on the way leaves the corpus as it was; while another job's transaction is
// open (an import), it waits for it to end.
JobState TopicsTrainJob::StepSave(core::Deadline deadline) {
    const topics::TopicModel& model = *Run->model;
    store::Corpus& db = *Run->corpus_db;
    const topics::TrainSettings& t = model.Settings();
    constexpr size_t kPieceBytes = 256 * 1024;
    auto failed = [&](core::Status status) {
        if (InTransaction) db.Rollback();
        InTransaction = false;
        return Fail(std::move(status));
    };
    do {
        switch (Within) {
        case Stage::Begin:
            ModelBytes = model.Serialize();
            Encoder = std::make_unique<topics::SavedModelWriter>(t, Run->input, *Run->corpus, ModelBytes);
            Within = Stage::Encode;
            break;
        case Stage::Encode: {
            if (!Encoder->Step(deadline)) return JobState::Running;
            std::string bytes = Encoder->Take();
            Encoder.reset();
            ModelBytes = std::move(bytes);
            Within = Stage::Row;
            break;
        }
        case Stage::Row: {
            if (db.TransactionOpen()) {   // another job is writing: save after it
                Progress.phase = "saving (after another job's writing)";
                return JobState::Running;
            }
            Progress.phase = "saving";
            if (core::Status s = db.Begin(); !s.ok()) return Fail(s);
            InTransaction = true;
            store::TopicModelRecord record;
            record.id = Run->model_id;
            const bool renamed = !Run->name.empty() && Run->name != AutoName(t, StartSweeps);
            record.name = renamed ? Run->name : AutoName(t, model.SweepsDone());
            record.settings = topics::SettingsJson(t, Run->input);
            record.topics = t.topics;
            record.sweeps = model.SweepsDone();
            record.documents = static_cast<int64_t>(Run->corpus->Documents());
            // (the final view's, computed in slices: the model's own is one call of tens of ms at K = 100)
            record.log_likelihood_per_token = Run->view ? Run->view->snapshot.log_likelihood_per_token
                                                        : model.LogLikelihoodPerToken();
            auto id = db.SaveTopicModelShell(record, ModelBytes.size());
            if (!id.ok()) return failed(id.status());
            RowId = *id;
            RowName = record.name;
            Written = 0;
            Progress = {0, static_cast<int64_t>(ModelBytes.size()), "saving"};
            Within = Stage::Data;
            break;
        }
        case Stage::Data: {
            const size_t n = std::min(kPieceBytes, ModelBytes.size() - Written);
            if (core::Status s = db.WriteTopicModelData(RowId, Written, std::string_view(ModelBytes).substr(Written, n)); !s.ok())
                return failed(s);
            Written += n;
            Progress.done = static_cast<int64_t>(Written);
            if (Written == ModelBytes.size()) Within = Stage::Commit;
            break;
        }
        case Stage::Commit: {
            if (core::Status s = db.Commit(); !s.ok()) return failed(s);
            InTransaction = false;
            ModelBytes = {};
            Within = Stage::Begin;
            Run->model_id = RowId;
            Run->name = RowName;
            Run->committed = true;
            Run->done = true;
            Summary = "trained " + std::to_string(t.topics) + " topics, " + core::CountText(model.SweepsDone(), "sweep");
            return JobState::Done;
        }
        default: return Fail(core::Error(core::StatusCode::Internal, "saving the topic model lost its place"));
        }
    } while (!deadline.Expired());
    return JobState::Running;
}

}  // namespace app
