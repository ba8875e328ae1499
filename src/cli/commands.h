// The commands of the `corpuslens` tool, one function each; cli.cpp holds the table that names them and
// their help texts. Each returns the process exit code: 0 success, 1 bad input, 2 usage error.
#pragma once
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace cli {

using Args = std::vector<std::string>;

int RunTokenize(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int RunPack(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int RunInfo(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int RunSearch(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int RunKwic(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int RunTopics(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);

// For the commands' options: a whole decimal number in [min, max] into `out`, or false.
bool ParseNumber(const std::string& s, int64_t min, int64_t max, int64_t* out);

}  // namespace cli
