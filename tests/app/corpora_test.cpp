// Stored corpora: creating, reopening, switching, renaming and deleting them; adding files to the open one;
// cancelled imports leave everything as it was; document edits reach the store and the views.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "app/app_state.h"
#include "app/corpora.h"
#include "app/document_edits.h"
#include "app/index_job.h"

namespace {

// A fresh storage directory per test.
std::string StorageDir(const char* name) {
    std::string dir = std::string(CL_TEST_TMP_DIR) + "/corpora-" + name;
    std::filesystem::remove_all(dir);
    return dir;
}

void RunJobs(app::AppState& state) {
    for (int frames = 0; (state.jobs.Busy() || !state.deferred.empty()) && frames < 100000; ++frames) app::Update(state, 5.0);
    app::Update(state, 5.0);
}

std::string WriteFile(const std::string& dir, const char* name, const std::string& text) {
    std::filesystem::create_directories(dir);
    std::string path = dir + "/" + name;
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

}  // namespace

TEST_SUITE("app") {

TEST_CASE("a shipped corpus is stored, reopened after a restart, and not built twice") {
    std::string dir = StorageDir("restart");
    {
        app::AppState state;
        app::OpenStorage(state, dir, "demo");
        RunJobs(state);
        REQUIRE(state.corpus != nullptr);
        CHECK(state.corpus_name == "Demo corpus");
        CHECK(state.documents.size() == 8);
        REQUIRE(state.corpora.size() == 1);
        CHECK(state.corpora[0].shipped_id == "demo");
        CHECK(state.storage_generation > 0);
        CHECK(std::filesystem::exists(state.corpus_path));
    }
    app::AppState state;   // "reload": no corpus asked for, so the one opened last comes back
    app::OpenStorage(state, dir, "");
    RunJobs(state);
    REQUIRE(state.corpus != nullptr);
    CHECK(state.corpus_name == "Demo corpus");
    CHECK(state.documents.size() == 8);
    app::OpenShipped(state, "demo");   // already stored: no second copy
    RunJobs(state);
    CHECK(state.corpora.size() == 1);
}

TEST_CASE("imports into a new corpus, adding files to the open one, switching, renaming, deleting") {
    std::string dir = StorageDir("manage");
    std::string scratch = dir + "-scratch";
    app::AppState state;
    app::OpenStorage(state, dir, "");
    CHECK(state.corpus == nullptr);   // nothing stored yet: the start page
    app::ImportFiles(state, {{"a.txt", WriteFile(scratch, "a", "Alpha text about treaties.")}}, app::ImportTarget::NewCorpus);
    RunJobs(state);
    REQUIRE(state.corpus != nullptr);
    CHECK(state.corpus_name == "a.txt");
    const std::string first = state.corpus_path;
    app::ImportFiles(state, {{"b.txt", WriteFile(scratch, "b", "Beta text about embassies.")}}, app::ImportTarget::OpenCorpus);
    RunJobs(state);
    CHECK(state.corpus_path == first);
    CHECK(state.documents.size() == 2);
    state.query = "embassies";
    app::Update(state);
    CHECK(state.results.document_count == 1);

    app::ImportFiles(state, {{"c.txt", WriteFile(scratch, "c", "Gamma text.")}}, app::ImportTarget::NewCorpus);
    RunJobs(state);
    CHECK(state.corpus_path != first);
    CHECK(state.corpora.size() == 2);

    app::OpenStoredCorpus(state, first);
    RunJobs(state);
    CHECK(state.corpus_path == first);
    CHECK(state.documents.size() == 2);
    REQUIRE(app::RenameCorpus(state, first, "Treaties").ok());
    CHECK(state.corpus_name == "Treaties");
    CHECK(app::RenameCorpus(state, first, "").code() == core::StatusCode::InvalidInput);

    REQUIRE(app::DeleteCorpus(state, first).ok());
    CHECK(state.corpus == nullptr);
    CHECK(state.corpora.size() == 1);
    CHECK_FALSE(std::filesystem::exists(first));

    app::AppState later;
    app::OpenStorage(later, dir, "");
    CHECK(later.corpora.size() == 1);
    CHECK(later.corpora[0].name == "c.txt");
}

TEST_CASE("a cancelled import leaves the open corpus and storage exactly as they were") {
    std::string dir = StorageDir("cancel");
    app::AppState state;
    app::OpenStorage(state, dir, "demo");
    RunJobs(state);
    REQUIRE(state.documents.size() == 8);
    const uint64_t generation = state.storage_generation;

    // Adding to the open corpus, cancelled while indexing: the transaction is rolled back.
    app::ImportFiles(state, {{"x.txt", WriteFile(dir + "-scratch", "x", "Xylophone concerts.")}}, app::ImportTarget::OpenCorpus);
    for (int i = 0; i < 200 && state.jobs.Snapshot().front().name.rfind("Adding", 0) != 0; ++i) app::Update(state, 5.0);
    state.jobs.Cancel(state.jobs.Snapshot().front().id);
    RunJobs(state);
    CHECK(state.documents.size() == 8);
    CHECK(*state.corpus->DocumentCount() == 8);
    CHECK(*state.corpus->CountMatches("\"xylophone\"") == 0);

    // A new corpus, cancelled: no file is left behind.
    state.jobs.Add(app::MakeDemoIndexJob(state, 50));
    app::Update(state, 1.0);
    state.jobs.Cancel(state.jobs.Snapshot().front().id);
    RunJobs(state);
    CHECK(state.corpora.size() == 1);
    size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) files += entry.path().extension() == ".sqlite" ||
                                                                                 entry.path().extension() == ".partial";
    CHECK(files == 1);
    CHECK(state.storage_generation == generation);
}

TEST_CASE("a shipped corpus is read file by file as its downloads land, in the order listed") {
    std::string dir = StorageDir("arriving"), scratch = dir + "-scratch";
    std::filesystem::remove_all(scratch);
    std::filesystem::create_directories(scratch);
    app::AppState state;
    app::OpenStorage(state, dir, "");
    app::OpenShipped(state, "lavrov");
    CHECK(state.request_fetch == "lavrov");
    // The platform answers at once with paths that do not exist yet.
    REQUIRE(app::RunCommand(state, "import-shipped",
                            "lavrov {\"name\":\"a.txt\",\"path\":\"" + scratch + "/0\",\"arriving\":true}\n"
                            "{\"name\":\"b.txt\",\"path\":\"" + scratch + "/1\",\"arriving\":true}").ok());
    for (int i = 0; i < 20; ++i) app::Update(state, 1.0);
    REQUIRE(state.jobs.Busy());
    CHECK(state.jobs.Waiting());
    CHECK(state.jobs.Snapshot().front().phase == "downloading");
    CHECK(state.jobs.Snapshot().front().done == 0);
    // The second file lands first: still nothing is read, since documents keep the listed order.
    WriteFile(scratch, "1", "Second text about the harbour and its ships.");
    for (int i = 0; i < 20; ++i) app::Update(state, 1.0);
    CHECK(state.jobs.Snapshot().front().done == 0);
    WriteFile(scratch, "0", "First text about the railway and its stations.");
    RunJobs(state);
    CHECK_FALSE(state.jobs.Busy());
    REQUIRE(state.documents.size() == 2);
    CHECK(state.corpus_name == "Lavrov: scraped news pages");
    CHECK(state.documents[0].title.find("First") != std::string::npos);
    CHECK(state.last_error.empty());
}

TEST_CASE("a failed download stops the shipped corpus's import and keeps the open corpus") {
    std::string dir = StorageDir("download-failed"), scratch = dir + "-scratch";
    std::filesystem::remove_all(scratch);
    app::AppState state;
    app::OpenStorage(state, dir, "demo");
    RunJobs(state);
    REQUIRE(state.documents.size() == 8);
    const uint64_t generation = state.storage_generation;
    app::OpenShipped(state, "sotu");
    REQUIRE(app::RunCommand(state, "import-shipped",
                            "sotu {\"name\":\"1790-1809.jsonl.gz\",\"path\":\"" + scratch + "/0\",\"arriving\":true}").ok());
    for (int i = 0; i < 5; ++i) app::Update(state, 1.0);
    REQUIRE(state.jobs.Busy());
    app::ShippedDownloadFailed(state, "could not download corpora/sotu/1790-1809.jsonl.gz: 404 Not Found");
    RunJobs(state);
    CHECK_FALSE(state.jobs.Busy());
    CHECK(state.jobs.Snapshot().front().state == app::JobState::Cancelled);
    CHECK(state.last_error == "could not download corpora/sotu/1790-1809.jsonl.gz: 404 Not Found");
    CHECK(state.fetching.empty());
    CHECK(state.corpus_name == "Demo corpus");
    CHECK(state.documents.size() == 8);
    CHECK(state.corpora.size() == 1);
    CHECK(state.storage_generation == generation);
}

TEST_CASE("document edits from the Library reach the store, the list and storage") {
    std::string dir = StorageDir("edits");
    app::AppState state;
    app::OpenStorage(state, dir, "demo");
    RunJobs(state);
    REQUIRE(state.documents.size() == 8);
    store::DocumentSummary doc = state.documents[0];
    doc.title = "Renamed document";
    doc.source = "Edited source";
    const uint64_t generation = state.storage_generation;
    REQUIRE(app::RunCommand(state, "delete-document", std::to_string(state.documents[1].id)).ok());
    app::Defer(state, [doc](app::AppState& s) { REQUIRE(app::UpdateDocument(s, doc).ok()); });
    RunJobs(state);
    CHECK(state.documents.size() == 7);
    CHECK(state.documents[0].title == "Renamed document");
    CHECK(state.storage_generation == generation + 2);

    app::AppState reopened;
    app::OpenStorage(reopened, dir, "");
    RunJobs(reopened);
    REQUIRE(reopened.documents.size() == 7);
    CHECK(reopened.documents[0].title == "Renamed document");
    CHECK(reopened.documents[0].source == "Edited source");
}

TEST_CASE("leftovers of an import that never finished are removed when storage opens") {
    std::string dir = StorageDir("leftover");
    WriteFile(dir, "corpus-1.sqlite.partial", "half a database");
    app::AppState state;
    app::OpenStorage(state, dir, "");
    CHECK(state.corpora.empty());
    CHECK_FALSE(std::filesystem::exists(dir + "/corpus-1.sqlite.partial"));
}

TEST_CASE("a file over the app's size limit is refused unread and the open corpus is kept") {
    std::string dir = StorageDir("huge");
    app::AppState state;
    app::OpenStorage(state, dir, "demo");
    RunJobs(state);
    REQUIRE(state.documents.size() == 8);
    std::string huge = WriteFile(dir + "-scratch", "huge", "");
    std::filesystem::resize_file(huge, 200ull << 20);   // sparse: 200 MB that cost nothing to make
    app::ImportFiles(state, {{"huge.txt", huge}, {"small.txt", WriteFile(dir + "-scratch", "small", "A small text.")}},
                     app::ImportTarget::OpenCorpus);
    RunJobs(state);
    CHECK(state.documents.size() == 9);
    REQUIRE(state.import_report.size() == 1);
    CHECK(state.import_report[0].find("Refused huge.txt: the file is 200 MB; the limit is 64 MB per file") == 0);
}

TEST_CASE("a corpus made from files of which some were refused is named by the files imported") {
    std::string dir = StorageDir("naming");
    app::AppState state;
    app::OpenStorage(state, dir, "demo");
    RunJobs(state);
    std::vector<app::ImportFile> files;
    for (const char* name : {"e1.txt", "one.txt", "e2.txt", "two.txt", "e3.txt", "three.txt", "e4.txt", "four.txt"}) {
        const bool empty = name[0] == 'e';
        files.push_back({name, WriteFile(dir + "-scratch", name, empty ? "" : std::string("The text of ") + name + ".")});
    }
    app::ImportFiles(state, files, app::ImportTarget::NewCorpus);
    RunJobs(state);
    REQUIRE(state.documents.size() == 4);
    CHECK(state.import_report.size() == 4);
    CHECK(state.corpus_name == "one.txt and 3 more");
    CHECK(app::CorpusNameFor({"only.txt"}) == "only.txt");
}

}  // TEST_SUITE
