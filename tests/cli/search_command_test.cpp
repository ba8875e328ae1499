// `corpuslens search` through cli::Run: text and JSON output, limits, exact case, and the exit codes for a
// malformed query (1), a file that is not a corpus (1) and bad usage (2).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "store/corpus.h"

namespace {

struct Invocation { int code; std::string out, err; };

Invocation Search(std::vector<std::string> args) {
    args.insert(args.begin(), "search");
    std::istringstream in;
    std::ostringstream out, err;
    int code = cli::Run(args, in, out, err);
    return {code, out.str(), err.str()};
}

// A small corpus database on disk, made once per test binary run.
std::string CorpusPath() {
    namespace fs = std::filesystem;
    std::string path = (fs::path(CL_TEST_TMP_DIR) / "cli_search.sqlite").string();
    fs::remove(path);
    auto corpus = store::Corpus::Create(path);
    REQUIRE(corpus.ok());
    REQUIRE(corpus->AddDocument({.title = "Lavrov in Geneva", .source = "TASS", .date = "1995-03-02",
                                 .text = "Sergey Lavrov met the foreign minister in Geneva."}).ok());
    REQUIRE(corpus->AddDocument({.title = "Press conference", .source = "Reuters", .date = "1999",
                                 .text = "The foreign ministry said LAVROV would come."}).ok());
    REQUIRE(corpus->AddDocument({.title = "Oil", .source = "Reuters", .date = "2005",
                                 .text = "Oil prices rose."}).ok());
    return path;
}

}  // namespace

TEST_SUITE("cli") {

TEST_CASE("search prints the count, the hits with highlighted snippets, and counts per year and source") {
    std::string path = CorpusPath();
    Invocation r = Search({path, "lavrov"});
    CHECK(r.code == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("2 documents match\n1\t") == 0);
    CHECK(r.out.find("\tLavrov in Geneva\n\tSergey [Lavrov] met the foreign minister") != std::string::npos);
    CHECK(r.out.find("by year:  1995 1  1999 1\n") != std::string::npos);
    CHECK(r.out.find("by source:  Reuters 1  TASS 1\n") != std::string::npos);

    Invocation one = Search({path, "lavrov", "--limit", "1"});
    CHECK(one.code == 0);
    CHECK(one.out.find("2 documents match; the best 1\n") == 0);

    Invocation none = Search({path, "nothing"});
    CHECK(none.code == 0);
    CHECK(none.out == "0 documents match\n");
}

TEST_CASE("search --json prints one object") {
    std::string path = CorpusPath();
    Invocation r = Search({path, "foreign minist* year:1990..1999", "--json"});
    CHECK(r.code == 0);
    CHECK(r.out.find("{\"query\":\"foreign minist* year:1990..1999\",\"match\":\"\\\"foreign\\\" AND \\\"minist\\\" *\","
                     "\"documents\":2,\"hits\":[") == 0);
    CHECK(r.out.find("\"by_year\":[{\"year\":\"1995\",\"documents\":1},{\"year\":\"1999\",\"documents\":1}]") !=
          std::string::npos);
    CHECK(r.out.find("\\u0002foreign ministry\\u0003") != std::string::npos);   // adjacent hits: one highlight
}

TEST_CASE("search with filters only lists the documents that pass them; exact case re-checks") {
    std::string path = CorpusPath();
    Invocation listed = Search({path, "source:reuters"});
    CHECK(listed.code == 0);
    CHECK(listed.out.find("2 documents match\n2\t0\tPress conference\n\tThe foreign ministry") == 0);
    Invocation exact = Search({path, "LAVROV", "--exact-case"});
    CHECK(exact.code == 0);
    CHECK(exact.out.find("1 document matches\n2\t") == 0);
}

TEST_CASE("search reports a malformed query with its column and exits with 1") {
    std::string path = CorpusPath();
    Invocation quote = Search({path, "\"foreign minister"});
    CHECK(quote.code == 1);
    CHECK(quote.out.empty());
    CHECK(quote.err == "corpuslens search: unbalanced quote: the phrase starting at column 1 has no closing quote\n");
    Invocation lone = Search({path, "lavrov OR"});
    CHECK(lone.code == 1);
    CHECK(lone.err == "corpuslens search: OR at column 8 needs a word after it\n");
    CHECK(Search({path, "-oil"}).code == 1);
    CHECK(Search({path, "foo:bar"}).err.find("unknown field 'foo:'") != std::string::npos);
    Invocation raw = Search({path, "fts:\"unbalanced"});
    CHECK(raw.code == 1);
    CHECK(raw.err.find("corpuslens search: search: ") == 0);
}

TEST_CASE("search refuses bad usage with 2 and files that are not corpora with 1") {
    std::string path = CorpusPath();
    CHECK(Search({}).code == 2);
    CHECK(Search({path}).code == 2);
    CHECK(Search({path, "a", "b"}).code == 2);
    CHECK(Search({path, "a", "--limit"}).code == 2);
    CHECK(Search({path, "a", "--limit", "x"}).code == 2);
    CHECK(Search({path, "a", "--bogus"}).code == 2);
    std::string not_corpus = (std::filesystem::path(CL_TEST_TMP_DIR) / "cli_search_not_a_corpus.txt").string();
    std::ofstream(not_corpus) << "hello";
    Invocation r = Search({not_corpus, "hello"});
    CHECK(r.code == 1);
    CHECK(r.err.find("corpuslens search: ") == 0);
    std::ostringstream out, err;
    std::istringstream in;
    CHECK(cli::Run({"search", "--help"}, in, out, err) == 0);
    CHECK(out.str().find("usage: corpuslens search CORPUS.sqlite QUERY") == 0);
}

}  // TEST_SUITE
