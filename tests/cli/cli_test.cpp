// The command line through cli::Run with in-memory streams: output formats, help, exit codes.
#include <doctest/doctest.h>

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

}  // TEST_SUITE
