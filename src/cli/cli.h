// The `corpuslens` command line: the same code as the web app, scriptable, with --json output. Kept apart
// from main() so tests can run commands with in-memory streams.
//
//     corpuslens tokenize [--sentences] [--json] < text.txt
//     corpuslens --version
//     corpuslens help [COMMAND]        (or COMMAND --help)
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace cli {

// Runs one invocation; `args` excludes the program name. Returns the process exit code: 0 success,
// 1 bad input (message on `err`), 2 usage error.
int Run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace cli
