// The commands of the `corpuslens` tool, one function each; cli.cpp holds the table that names them and
// their help texts. Each returns the process exit code: 0 success, 1 bad input, 2 usage error.
#pragma once
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

}  // namespace cli
