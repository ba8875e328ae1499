// Stored corpora: listing, opening (as a job), renaming, deleting; the corpora shipped with the app.
#include "app/corpora.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/app_state.h"
#include "app/index_job.h"
#include "app/shipped_facts.h"   // generated at build time (tools/shipped_facts.mjs)
#include "core/number_text.h"

namespace app {

namespace {

constexpr const char* kCorpusExtension = ".sqlite";
constexpr const char* kLastOpenedFile = "last-opened";   // in the storage directory: the path opened last

std::string LastOpenedPath(const AppState& state) { return state.storage_dir + "/" + kLastOpenedFile; }

std::string ReadLastOpened(const AppState& state) {
    std::ifstream in(LastOpenedPath(state));
    std::string path;
    std::getline(in, path);
    return path;
}

void RememberOpened(AppState& state) {
    if (state.storage_dir.empty() || state.corpus_path.empty() || ReadLastOpened(state) == state.corpus_path) return;
    std::ofstream(LastOpenedPath(state), std::ios::trunc) << state.corpus_path;
    ++state.storage_generation;   // saved with the next save, so a reload reopens this corpus
}

// Opens a stored corpus and reads its document list in pieces; replaces the open corpus when done.
class OpenCorpusJob : public Job {
public:
    explicit OpenCorpusJob(std::string path) : Job("Opening corpus"), Path(std::move(path)) { Progress.phase = "reading"; }

    JobState Step(core::Deadline deadline) override {
        if (!Target) {
            auto corpus = store::Corpus::Create(Path);
            if (!corpus.ok()) { Error = core::Error(corpus.status().code(), Path + ": " + corpus.status().message()); return JobState::Failed; }
            Target = std::make_shared<store::Corpus>(std::move(*corpus));
            auto name = Target->Meta("name");
            Name = name.ok() && !name->empty() ? *name : std::filesystem::path(Path).stem().string();
            auto count = Target->DocumentCount();
            Progress.total = count.ok() ? *count : 0;
        }
        auto complete = ListDocumentsStep(*Target, Listed, 0, deadline);
        if (!complete.ok()) { Error = complete.status(); return JobState::Failed; }
        Progress.done = static_cast<int64_t>(Listed.size());
        return *complete ? JobState::Done : JobState::Running;
    }
    void Finish(AppState& state) override { ShowCorpus(state, std::move(Target), Path, Name, std::move(Listed)); }

private:
    std::string Path, Name;
    std::shared_ptr<store::Corpus> Target;
    std::vector<store::DocumentSummary> Listed;
};

// The State of the Union's description, its figures counted from the data at build time (shipped_facts.h).
std::string SotuDescription() {
    namespace facts = shipped_facts;
    if (facts::kSotuSpeeches == 0) return "Speeches by US presidents, with year, president and party";
    char text[200];
    std::snprintf(text, sizeof text, "%s speeches by US presidents, %d–%d, with year, president and party (%.1f million words)",
                  core::CountText(facts::kSotuSpeeches).c_str(), facts::kSotuFirstYear, facts::kSotuLastYear,
                  facts::kSotuMillionWords);
    return text;
}

}  // namespace

const std::vector<ShippedCorpus>& ShippedCorpora() {
    static const std::string sotu = SotuDescription();
    static const std::vector<ShippedCorpus> shipped = {
        {"sotu", "State of the Union addresses", sotu.c_str(), false},
        {"lavrov", "Lavrov: scraped news pages",
         "Five web pages and transcripts about Russian foreign policy (2013–2018), page furniture and all", false},
        {"demo", "Demo corpus", "Eight short texts in English, Russian, German, French and Greek", true},
    };
    return shipped;
}

const ShippedCorpus* FindShipped(std::string_view id) {
    for (const ShippedCorpus& c : ShippedCorpora())
        if (id == c.id) return &c;
    return nullptr;
}

void ScanCorpora(AppState& state) {
    state.corpora.clear();
    if (state.storage_dir.empty()) return;
    std::error_code error;
    std::vector<std::pair<std::filesystem::file_time_type, StoredCorpus>> found;
    for (const auto& entry : std::filesystem::directory_iterator(state.storage_dir, error)) {
        const std::filesystem::path& path = entry.path();
        if (path.extension() == ".partial") {   // an import that never finished (tab closed mid-way)
            std::filesystem::remove(path, error);
            continue;
        }
        if (path.extension() != kCorpusExtension) continue;
        StoredCorpus c{.path = path.string()};
        if (state.corpus && state.corpus_path == c.path) {
            c.name = state.corpus_name;
            c.documents = static_cast<int64_t>(state.documents.size());
            auto shipped = state.corpus->Meta("shipped");
            c.shipped_id = shipped.ok() ? *shipped : "";
        } else {
            auto corpus = store::Corpus::Create(c.path);
            if (!corpus.ok()) {
                c.name = path.stem().string() + " (cannot be opened: " + corpus.status().message() + ")";
            } else {
                auto name = corpus->Meta("name");
                auto shipped = corpus->Meta("shipped");
                auto count = corpus->DocumentCount();
                c.name = name.ok() && !name->empty() ? *name : path.stem().string();
                c.shipped_id = shipped.ok() ? *shipped : "";
                c.documents = count.ok() ? *count : 0;
            }
        }
        found.emplace_back(entry.last_write_time(error), std::move(c));
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (auto& [time, c] : found) state.corpora.push_back(std::move(c));
}

void OpenStorage(AppState& state, std::string dir, std::string_view requested) {
    state.storage_dir = std::move(dir);
    state.storage_ready = true;
    std::error_code error;
    std::filesystem::create_directories(state.storage_dir, error);
    ScanCorpora(state);
    if (!requested.empty()) {
        if (FindShipped(requested)) { OpenShipped(state, requested); return; }
        state.last_error = "there is no corpus called '" + std::string(requested) + "' shipped with this app";
    }
    std::string last = ReadLastOpened(state);
    for (const StoredCorpus& c : state.corpora)
        if (c.path == last) { OpenStoredCorpus(state, last); return; }
}

std::string NewCorpusPath(const AppState& state) {
    if (state.storage_dir.empty()) return "";
    const std::vector<JobInfo> jobs = state.jobs.Snapshot();   // a running import may be about to create one
    for (int n = 1;; ++n) {
        std::string path = state.storage_dir + "/corpus-" + std::to_string(n) + kCorpusExtension;
        std::error_code error;
        bool taken = std::filesystem::exists(path, error) || std::filesystem::exists(path + ".partial", error);
        for (const JobInfo& job : jobs) taken = taken || (job.state == JobState::Running && job.target_path == path);
        if (!taken) return path;
    }
}

void OpenStoredCorpus(AppState& state, const std::string& path) {
    state.jobs.Add(std::make_unique<OpenCorpusJob>(path));
}

void OpenShipped(AppState& state, std::string_view id) {
    for (const StoredCorpus& c : state.corpora)
        if (c.shipped_id == id) {
            if (c.path != state.corpus_path || !state.corpus) OpenStoredCorpus(state, c.path);
            return;
        }
    const ShippedCorpus* shipped = FindShipped(id);
    if (!shipped) return;
    if (shipped->built_in) state.jobs.Add(MakeDemoIndexJob(state, 1));
    else state.request_fetch = state.fetching = shipped->id;
}

void ShippedDownloadFailed(AppState& state, std::string message) {
    state.fetching.clear();
    if (state.shipped_import_job) state.jobs.Cancel(state.shipped_import_job);   // ignored once it has ended
    state.shipped_import_job = 0;
    state.last_error = std::move(message);
}

core::Status RenameCorpus(AppState& state, const std::string& path, const std::string& name) {
    if (name.empty()) return core::Error(core::StatusCode::InvalidInput, "a corpus needs a name");
    std::shared_ptr<store::Corpus> corpus = state.corpus_path == path ? state.corpus : nullptr;
    if (!corpus) {
        auto opened = store::Corpus::Create(path);
        if (!opened.ok()) return opened.status();
        corpus = std::make_shared<store::Corpus>(std::move(*opened));
    }
    if (core::Status s = corpus->SetMeta("name", name); !s.ok()) return s;
    if (corpus == state.corpus) state.corpus_name = name;
    NoteCommitted(state, path);
    ScanCorpora(state);
    return core::Status::Ok();
}

core::Status DeleteCorpus(AppState& state, const std::string& path) {
    for (const JobInfo& job : state.jobs.Snapshot())
        if (job.state == JobState::Running && job.target_path == path)
            return core::Error(core::StatusCode::InvalidInput, "this corpus is being written by a running job: cancel it first");
    if (state.corpus_path == path) CloseCorpus(state);
    std::error_code error;
    std::filesystem::remove(path, error);
    std::filesystem::remove(path + "-journal", error);
    if (error) return core::Error(core::StatusCode::Io, "could not delete " + path + ": " + error.message());
    NoteCommitted(state, path);
    ScanCorpora(state);
    return core::Status::Ok();
}

void ShowCorpus(AppState& state, std::shared_ptr<store::Corpus> corpus, std::string path, std::string name,
                std::vector<store::DocumentSummary> documents) {
    state.corpus = std::move(corpus);
    state.corpus_path = std::move(path);
    state.corpus_name = std::move(name);
    state.documents = std::move(documents);
    state.searched_query.clear();   // re-run the current query against this corpus
    state.results = {};
    state.reader_doc_id = state.reader_loaded_id = 0;
    state.reader_text.clear();
    state.reader_notes.clear();
    state.library_doc_id = state.library_loaded_id = 0;
    state.reimport.plan.reset();   // both were for the corpus shown before
    state.reimport.undo.reset();
    ++state.documents_version;
    if (state.corpus) RememberOpened(state);
    else if (!state.storage_dir.empty() && std::remove(LastOpenedPath(state).c_str()) == 0) ++state.storage_generation;
}

void CloseCorpus(AppState& state) { ShowCorpus(state, nullptr, "", "", {}); }

void NoteCommitted(AppState& state, const std::string& path) {
    if (!path.empty()) ++state.storage_generation;
}

}  // namespace app
