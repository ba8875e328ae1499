// `corpuslens kwic` through cli::Run: aligned text lines, sorting and limits, JSON fields, and the exit codes of
// bad queries, bad options and files that are not corpora.
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "cli/cli.h"
#include "store/corpus.h"

namespace {

struct Invocation { int code; std::string out, err; };

Invocation RunKwic(std::vector<std::string> args) {
    args.insert(args.begin(), "kwic");
    std::istringstream in;
    std::ostringstream out, err;
    int code = cli::Run(args, in, out, err);
    return {code, out.str(), err.str()};
}

// A corpus file with two short speeches; returns its path.
std::string MakeKwicCorpus() {
    namespace fs = std::filesystem;
    std::string path = (fs::path(CL_TEST_TMP_DIR) / "cli_kwic.sqlite").string();
    fs::remove(path);
    auto corpus = store::Corpus::Create(path);
    REQUIRE_MESSAGE(corpus.ok(), corpus.status().ToString());
    REQUIRE(corpus->AddDocument({.title = "Speech one", .text = "The war began.\nWar is hell; the WAR ended."}).ok());
    REQUIRE(corpus->AddDocument({.title = "Speech two", .text = "After the war, peace."}).ok());
    return path;
}

}  // namespace

TEST_SUITE("cli") {

TEST_CASE("kwic prints a summary and aligned lines: id, left context right-aligned, hit, right context") {
    std::string path = MakeKwicCorpus();
    Invocation r = RunKwic({path, "war", "--width", "10"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == "war: 4 hits in 2 of 2 matching documents\n"
                   "1        The war began. Wa\n"
                   "1  ar began. War is hell;\n"
                   "1  hell; the WAR ended.\n"
                   "2  After the war, peace.\n");
}

TEST_CASE("kwic sorts by context words and limits the lines shown") {
    std::string path = MakeKwicCorpus();
    Invocation r = RunKwic({path, "war", "--width", "10", "--sort", "R1", "--limit", "2"});
    CHECK(r.code == 0);
    CHECK(r.out == "war: 4 hits in 2 of 2 matching documents; the first 2 shown\n"
                   "1        The war began. Wa\n"     // R1 began
                   "1  hell; the WAR ended.\n");      // R1 ended (then is, peace)
    // L1: "began" before "the" ×3; among those R1 decides (began, ended, peace).
    Invocation by_left = RunKwic({path, "war", "--sort", "L1,R1", "--json"});
    size_t began = by_left.out.find("\"token_index\":3,"), the_war = by_left.out.find("\"token_index\":1,");
    size_t ended = by_left.out.find("\"token_index\":7,"), peace = by_left.out.find("\"token_index\":2,");
    CHECK(began < the_war);
    CHECK(the_war < ended);
    CHECK(ended < peace);
    CHECK(peace != std::string::npos);
}

TEST_CASE("kwic --json gives each line's document, offsets and context") {
    std::string path = MakeKwicCorpus();
    Invocation r = RunKwic({path, "\"the war\"", "--json"});
    CHECK(r.code == 0);
    CHECK(r.out.find("\"hits\":3,") != std::string::npos);
    CHECK(r.out.find("{\"doc_id\":2,\"title\":\"Speech two\",\"token_index\":1,\"byte_offset\":6,\"byte_length\":7,"
                     "\"left\":\"After \",\"hit\":\"the war\",\"right\":\", peace.\"}") != std::string::npos);
    Invocation exact = RunKwic({path, "WAR", "--exact-case", "--json"});
    CHECK(exact.out.find("\"hits\":1,") != std::string::npos);
}

TEST_CASE("kwic refuses bad queries, options and files with a message and a non-zero exit") {
    std::string path = MakeKwicCorpus();
    Invocation bad_query = RunKwic({path, "(war"});
    CHECK(bad_query.code == 1);
    CHECK(bad_query.err.find("corpuslens kwic: ") == 0);
    Invocation title_only = RunKwic({path, "title:speech"});
    CHECK(title_only.code == 1);
    CHECK(title_only.err.find("no word to show in context") != std::string::npos);
    Invocation bad_sort = RunKwic({path, "war", "--sort", "R4"});
    CHECK(bad_sort.code == 2);
    CHECK(bad_sort.err.find("unknown sort key 'R4'") != std::string::npos);
    CHECK(RunKwic({path, "war", "--width", "wide"}).code == 2);
    CHECK(RunKwic({path, "war", "--limit"}).code == 2);
    CHECK(RunKwic({path, "war", "--bogus"}).code == 2);
    CHECK(RunKwic({path}).code == 2);
    CHECK(RunKwic({path, "war", "peace"}).code == 2);
    Invocation not_a_corpus = RunKwic({(std::filesystem::path(CL_TEST_DATA_DIR) / "README.md").string(), "war"});
    CHECK(not_a_corpus.code == 1);
    CHECK(not_a_corpus.err.find("corpuslens kwic: ") == 0);
    Invocation help = RunKwic({"--help"});
    CHECK(help.code == 0);
    CHECK(help.out.find("usage: corpuslens kwic") == 0);
}

}  // TEST_SUITE
