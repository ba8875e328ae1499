// Line helpers (ASCII classification; non-ASCII bytes count as word characters).
#include "text/lines.h"

#include <cctype>

namespace text {

namespace {
// std::isspace for ASCII, without the locale lookup (these helpers run over every line of every import).
bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }
}  // namespace

std::string_view TrimLine(std::string_view s) {
    for (;;) {
        if (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
        else if (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
        else if (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
        else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
        else return s;
    }
}

std::vector<std::string_view> SplitLines(std::string_view text, size_t max_lines) {
    std::vector<std::string_view> lines;
    size_t i = 0;
    while (i <= text.size() && lines.size() < max_lines) {
        size_t end = text.find('\n', i);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(i, end - i);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        i = end + 1;
    }
    return lines;
}

int WordCount(std::string_view line, int limit) {
    int words = 0;
    bool in_word = false;
    for (char c : line) {
        bool space = IsSpace(c);
        if (!space && !in_word && ++words == limit) break;
        in_word = !space;
    }
    return words;
}

bool IsAllCapsLine(std::string_view line) {
    int letters = 0;
    for (char c : line) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::islower(u)) return false;
        letters += std::isupper(u) != 0;
    }
    return letters >= 6 && WordCount(line, 2) >= 2;
}

}  // namespace text
