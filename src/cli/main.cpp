// Entry point of the native `corpuslens` tool; everything else is in cli.cpp.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.h"

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    std::vector<std::string> args(argv + 1, argv + argc);
    return cli::Run(args, std::cin, std::cout, std::cerr);
}
