// `corpuslens topics` through cli::Run: two themes recovered from a small corpus, identical output for the same
// seed, the JSON fields, --save storing a model the app can load, and the exit codes and messages of bad input
// (K out of range, an unknown stopword list, nothing left after stopwords, a file that is not a corpus).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "analysis/topics/saved.h"
#include "cli/cli.h"
#include "store/corpus.h"

namespace {

struct Invocation { int code; std::string out, err; };

Invocation RunTopics(std::vector<std::string> args) {
    args.insert(args.begin(), "topics");
    std::istringstream in;
    std::ostringstream out, err;
    int code = cli::Run(args, in, out, err);
    return {code, out.str(), err.str()};
}

// A corpus file of `docs` English texts; returns its path.
std::string MakeCorpus(const std::string& name, const std::vector<std::string>& docs) {
    namespace fs = std::filesystem;
    std::string path = (fs::path(CL_TEST_TMP_DIR) / name).string();
    fs::remove(path);
    auto corpus = store::Corpus::Create(path);
    REQUIRE_MESSAGE(corpus.ok(), corpus.status().ToString());
    for (size_t i = 0; i < docs.size(); ++i)
        REQUIRE(corpus->AddDocument({.title = "Doc " + std::to_string(i), .lang = "en", .text = docs[i]}).ok());
    return path;
}

// Twelve documents, half about war and half about taxes, with English function words between.
std::string MakeThemes() {
    const char* war[] = {"war", "army", "soldiers", "battle", "navy", "troops"};
    const char* tax[] = {"tax", "budget", "revenue", "economy", "treasury", "spending"};
    std::vector<std::string> docs;
    for (int d = 0; d < 12; ++d) {
        const char** theme = d % 2 ? tax : war;
        std::string text;
        for (int i = 0; i < 60; ++i) text += std::string(theme[(i * 7 + d) % 6]) + (i % 3 ? " " : " and the ");
        docs.push_back(text);
    }
    return MakeCorpus("cli_topics.sqlite", docs);
}

}  // namespace

TEST_SUITE("cli") {

TEST_CASE("topics separates two themes and prints shares, alpha and the log-likelihood per token") {
    std::string path = MakeThemes();
    Invocation r = RunTopics({path, "-k", "2", "--seed", "3", "--iterations", "200", "--words", "6"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CAPTURE(r.out);
    CHECK(r.out.find(": 12 documents in 12 chunks, 720 tokens, 12 words") != std::string::npos);
    CHECK(r.out.find("K 2 · seed 3 · 200 sweeps · log-likelihood per token -") != std::string::npos);
    CHECK(r.out.find("topic   share   alpha   top words\n") != std::string::npos);
    // Each topic's six words are one theme's, in some order.
    std::istringstream lines(r.out);
    std::string line;
    int rows = 0;
    while (std::getline(lines, line)) {
        if (line.size() < 6 || line[4] != '1' && line[4] != '2' || line.find('%') == std::string::npos) continue;
        ++rows;
        bool war = line.find("army") != std::string::npos, tax = line.find("budget") != std::string::npos;
        CHECK(war != tax);
        for (const char* w : {"war", "army", "soldiers", "battle", "navy", "troops"})
            CHECK((line.find(w) != std::string::npos) == war);
        CHECK(line.find("the") == std::string::npos);   // stopwords gone
    }
    CHECK(rows == 2);
    // The same seed gives the same output.
    CHECK(RunTopics({path, "-k", "2", "--seed", "3", "--iterations", "200", "--words", "6"}).out == r.out);
}

TEST_CASE("topics --json prints the same result as one object; --save stores a model that loads") {
    std::string path = MakeThemes();
    Invocation r = RunTopics({path, "-k", "2", "--iterations", "50", "--json", "--save", "two themes"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    for (const char* key : {"\"documents\":12", "\"chunks\":12", "\"tokens\":720", "\"vocabulary\":12", "\"k\":2",
                            "\"seed\":1", "\"sweeps\":50", "\"log_likelihood_per_token\":-", "\"alpha_sum\":",
                            "\"topics\":[{\"topic\":1,\"share\":", "\"words\":[{\"word\":", "\"saved\":{\"id\":1,\"name\":\"two themes\"}"})
        CHECK_MESSAGE(r.out.find(key) != std::string::npos, key);

    auto corpus = store::Corpus::OpenUntrusted(path);
    REQUIRE(corpus.ok());
    auto models = corpus->ListTopicModels();
    REQUIRE(models.ok());
    REQUIRE(models->size() == 1);
    CHECK((*models)[0].name == "two themes");
    CHECK((*models)[0].topics == 2);
    CHECK((*models)[0].sweeps == 50);
    CHECK((*models)[0].documents == 12);
    auto record = corpus->LoadTopicModel((*models)[0].id);
    REQUIRE(record.ok());
    auto saved = analysis::topics::LoadModel(record->data);
    REQUIRE_MESSAGE(saved.ok(), saved.status().ToString());
    CHECK(saved->corpus.tokens.size() == 720);
    auto model = analysis::topics::TopicModel::Restore(saved->corpus, saved->model);
    REQUIRE_MESSAGE(model.ok(), model.status().ToString());
    CHECK(model->SweepsDone() == 50);
}

TEST_CASE("topics refuses bad input with a clear message and a non-zero exit") {
    std::string path = MakeThemes();
    Invocation k1 = RunTopics({path, "-k", "1"});
    CHECK(k1.code == 2);
    CHECK(k1.err.find("-k takes a number of topics from 2 to 500 (got '1')") != std::string::npos);
    CHECK(RunTopics({path, "-k", "501"}).code == 2);
    CHECK(RunTopics({path, "-k", "twenty"}).code == 2);
    Invocation stop = RunTopics({path, "--stop", "en,xx"});
    CHECK(stop.code == 2);
    CHECK(stop.err.find("no stopword list for 'xx' (lists: en ru de fr es it el uk") != std::string::npos);
    CHECK(RunTopics({path, "--frobnicate"}).code == 2);
    CHECK(RunTopics({}).code == 2);

    // Nothing but stopwords, or one short document (every word in fewer than 2 documents).
    std::string stops = MakeCorpus("cli_topics_stops.sqlite", {"the and of it", "to be or not to be"});
    Invocation empty = RunTopics({stops});
    CHECK(empty.code == 1);
    CHECK(empty.err.find("no words are left to train on") != std::string::npos);
    // Without the lists (--stop none) the same corpus trains, on its function words.
    Invocation none = RunTopics({stops, "--stop", "none", "--min-df", "1", "-k", "2", "--iterations", "5"});
    CHECK(none.code == 0);
    CHECK(none.out.find(" be") != std::string::npos);
    std::string one = MakeCorpus("cli_topics_one.sqlite", {"Peace treaty signed."});
    CHECK(RunTopics({one}).err.find("try --min-df 1") != std::string::npos);

    namespace fs = std::filesystem;
    std::string text_file = (fs::path(CL_TEST_TMP_DIR) / "cli_topics_not_a_corpus.sqlite").string();
    std::ofstream(text_file) << "just some text, not a database";
    Invocation bad = RunTopics({text_file});
    CHECK(bad.code == 1);
    CHECK(bad.err == "corpuslens topics: " + text_file + ": file is not a database\n");
    CHECK(bad.out.empty());
}

}  // TEST_SUITE
