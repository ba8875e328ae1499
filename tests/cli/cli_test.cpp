// The command line through cli::Run with in-memory streams: output formats, help, exit codes.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.h"
#include "core/version.h"

namespace {
struct Invocation { int code; std::string out, err; };
Invocation RunCli(std::vector<std::string> args, const std::string& input = "") {
    std::istringstream in(input);
    std::ostringstream out, err;
    int code = cli::Run(args, in, out, err);
    return {code, out.str(), err.str()};
}
}  // namespace

TEST_SUITE("cli") {

TEST_CASE("--version prints the product version") {
    Invocation r = RunCli({"--version"});
    CHECK(r.code == 0);
    CHECK(r.out == std::string("corpuslens ") + core::Version() + "\n");
}

TEST_CASE("tokenize prints offsets, surface and normal form per line") {
    Invocation r = RunCli({"tokenize"}, "Hi СЕРГЕЙ!");
    CHECK(r.code == 0);
    CHECK(r.out == "0\t2\tHi\thi\n3\t15\tСЕРГЕЙ\tсергей\n");
}

TEST_CASE("tokenize --json prints one object") {
    Invocation r = RunCli({"tokenize", "--json"}, "Straße");
    CHECK(r.code == 0);
    CHECK(r.out == "{\"tokens\":[{\"start\":0,\"end\":7,\"text\":\"Straße\",\"norm\":\"strasse\"}]}\n");
}

TEST_CASE("tokenize --sentences splits sentences") {
    Invocation r = RunCli({"tokenize", "--sentences", "--json"}, "One. Two?");
    CHECK(r.code == 0);
    CHECK(r.out == "{\"sentences\":[{\"start\":0,\"end\":5,\"text\":\"One. \"},{\"start\":5,\"end\":9,\"text\":\"Two?\"}]}\n");
}

TEST_CASE("every command has --help") {
    Invocation r = RunCli({"tokenize", "--help"});
    CHECK(r.code == 0);
    CHECK(r.out.find("usage: corpuslens tokenize") == 0);
    CHECK(RunCli({"help", "tokenize"}).out == r.out);
    CHECK(RunCli({"--help"}).out.find("tokenize") != std::string::npos);
}

TEST_CASE("bad input and bad usage exit non-zero with a message") {
    Invocation bad_utf8 = RunCli({"tokenize"}, "ab\xff");
    CHECK(bad_utf8.code == 1);
    CHECK(bad_utf8.err.find("not valid UTF-8") != std::string::npos);
    CHECK(bad_utf8.out.empty());
    CHECK(RunCli({"tokenize", "--bogus"}).code == 2);
    CHECK(RunCli({"frobnicate"}).code == 2);
    CHECK(RunCli({}).code == 2);
}

TEST_CASE("pack imports a folder, reports each document and what it refused; info lists them") {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(CL_TEST_TMP_DIR) / "cli_pack_input";
    fs::remove_all(dir);
    fs::create_directories(dir / "more");
    std::ofstream(dir / "one.txt") << "All news\n\nTrade talks resume in Geneva\n\nGENEVA, May 7. /AGENCY/. Delegations "
                                      "agreed on Tuesday to resume the talks next month, a spokesman said.\n";
    std::ofstream(dir / "more" / "two.txt") << "Second report on the fishing rights dispute\n\nThe ministers met "
                                                "again and reached an agreement on quotas for next year.\n";
    std::ofstream(dir / "empty.txt");
    std::string out = (fs::path(CL_TEST_TMP_DIR) / "cli_pack.sqlite").string();
    fs::remove(out);

    Invocation packed = RunCli({"pack", "-o", out, dir.string()});
    CHECK(packed.code == 0);
    CHECK(packed.out.find("Trade talks resume in Geneva\n") != std::string::npos);
    CHECK(packed.out.find("refused: " + (dir / "empty.txt").string() + ": the file is empty") != std::string::npos);
    CHECK(packed.out.find("packed 2 documents") != std::string::npos);
    CHECK_FALSE(fs::exists(out + ".partial"));

    Invocation info = RunCli({"info", out});
    CHECK(info.code == 0);
    CHECK(info.out.find("cli_pack_input: 2 documents") == 0);
    CHECK(info.out.find("AGENCY") != std::string::npos);
    Invocation json = RunCli({"info", out, "--json"});
    CHECK(json.out.find("\"title\":\"Second report on the fishing rights dispute\"") != std::string::npos);

    Invocation again = RunCli({"pack", "-o", out, dir.string()});
    CHECK(again.code == 1);
    CHECK(again.err.find("exists; add --force") != std::string::npos);
    CHECK(RunCli({"pack", "--force", "-o", out, dir.string()}).code == 0);
}

TEST_CASE("pack and info refuse what they cannot use, with a message and a non-zero exit") {
    namespace fs = std::filesystem;
    fs::path empty_dir = fs::path(CL_TEST_TMP_DIR) / "cli_pack_nothing";
    fs::remove_all(empty_dir);
    fs::create_directories(empty_dir);
    std::ofstream(empty_dir / "blank.txt") << "   \n";
    std::string out = (fs::path(CL_TEST_TMP_DIR) / "cli_pack_nothing.sqlite").string();
    fs::remove(out);
    Invocation nothing = RunCli({"pack", "-o", out, empty_dir.string()});
    CHECK(nothing.code == 1);
    CHECK(nothing.err.find("nothing could be imported") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
    CHECK(RunCli({"pack", "-o", out}).code == 2);
    CHECK(RunCli({"pack", "-o", out, "--encoding", "ebcdic", empty_dir.string()}).code == 2);

    Invocation not_a_corpus = RunCli({"info", (empty_dir / "blank.txt").string()});
    CHECK(not_a_corpus.code == 1);
    CHECK(not_a_corpus.err.find("corpuslens info: ") == 0);
    CHECK(RunCli({"info"}).code == 2);
}

}  // TEST_SUITE
