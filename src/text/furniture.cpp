// Furniture trimming. Conservative by design: inside the article only lines repeated across a site's pages
// are removed; the head and tail rules apply only before the first and after the last line that reads as
// prose, where scraped pages keep their navigation, and to a list of dated news teasers that ends a page.
#include "text/furniture.h"

#include <cctype>
#include <vector>

#include "text/lines.h"
#include "text/metadata.h"

namespace text {

namespace {

bool EndsSentence(std::string_view line) {
    if (line.empty()) return false;
    char c = line.back();
    if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')' || c == ':' || c == ';') return true;
    // Closing quotes and ellipsis in UTF-8: ” » … ’
    for (std::string_view end : {"\xE2\x80\x9D", "\xC2\xBB", "\xE2\x80\xA6", "\xE2\x80\x99"})
        if (line.size() >= end.size() && line.substr(line.size() - end.size()) == end) return true;
    return false;
}

// Prose: a line a reader would call a sentence or paragraph.
bool IsProse(std::string_view line) { return WordCount(line, 8) >= 8 && EndsSentence(line); }

// What a line at the top or bottom of a page is, if furniture; "" if content.
std::string EdgeReason(std::string_view line, bool at_bottom) {
    if (IsFurnitureLine(line)) return "navigation or page furniture";
    if (IsAllCapsLine(line)) return "site masthead";
    if (WordCount(line, 4) <= 3 && line.back() == ':' ) return "page label";
    if (WordCount(line, 3) <= 2 && !EndsSentence(line) && line.size() <= 24) return "navigation or page furniture";
    if (at_bottom && WordCount(line, 7) <= 6 && !EndsSentence(line)) return "list of links after the article";
    return "";
}

// The headline of a dated news teaser: a full date first, a dash, then a headline that does not end with a
// full stop ("23.03.2018 - Ushakov Medal presented to the Arctic Convoys Veteran"). A chronology's entries
// ("12.03.2018 - The talks resumed.") end with one and are not teasers.
bool IsDatedTeaser(std::string_view line) {
    if (line.size() > 400 || line.back() == '.') return false;
    FoundDate date = FindDate(line.substr(0, 40));
    if (!date.has_year || line.rfind(date.evidence, 0) != 0) return false;
    std::string_view rest = TrimLine(line.substr(date.evidence.size()));
    bool dash = false;
    for (std::string_view d : {"-", "|", "\xE2\x80\x93", "\xE2\x80\x94"})   // - | – —
        if (!dash && rest.rfind(d, 0) == 0) { rest = TrimLine(rest.substr(d.size())); dash = true; }
    return dash && WordCount(rest, 2) >= 2;
}

// Where a list of dated news teasers that runs to the end of the page starts (lines.size() when there is
// none): at least kMinTeasers teaser headlines, each followed by one or two lines of summary (its paragraph),
// and nothing else. Scraped news sites append such lists ("more news") after the article.
constexpr int kMinTeasers = 3;
size_t TeaserListStart(const std::vector<std::string_view>& lines) {
    size_t start = lines.size();
    int teasers = 0, summary_lines = 0;
    for (size_t i = lines.size(); i-- > 0;) {
        std::string_view line = TrimLine(lines[i]);
        if (line.empty() || IsFurnitureLine(line)) continue;   // "All messages" after the list: the tail rule's
        if (IsDatedTeaser(line)) {
            if (summary_lines == 0) break;   // a teaser without its summary: a list of dates, not of teasers
            ++teasers;
            start = i;
            summary_lines = 0;
            continue;
        }
        if (++summary_lines > 2) break;
    }
    return teasers >= kMinTeasers ? start : lines.size();
}

}  // namespace

void FurnitureTrimmer::AddDocument(std::string_view text, std::string_view site) {
    Site& s = Sites[std::string(site)];
    ++s.documents;
    std::set<std::string_view> seen;
    for (std::string_view raw : SplitLines(text)) {
        std::string_view line = TrimLine(raw);
        if (WordCount(line, 3) < 3 || !seen.insert(line).second) continue;
        auto it = s.line_documents.find(line);
        if (it == s.line_documents.end()) s.line_documents.emplace(std::string(line), 1);
        else ++it->second;
    }
}

TrimResult FurnitureTrimmer::Trim(std::string_view text, std::string_view site) const {
    std::vector<std::string_view> lines = SplitLines(text);
    std::vector<std::string> reasons(lines.size());

    // Lines repeated across pages of the same site (only sites with several pages) — unless that would leave
    // the page without any prose, in which case the "repeats" are the content itself (reposted articles).
    auto site_it = Sites.find(site);
    if (site_it != Sites.end() && site_it->second.documents >= 2) {
        const Site& s = site_it->second;
        bool prose_left = false;
        for (size_t i = 0; i < lines.size(); ++i) {
            std::string_view line = TrimLine(lines[i]);
            auto it = s.line_documents.find(line);
            if (it != s.line_documents.end() && it->second >= 2 && it->second * 5 >= s.documents * 2 && line.back() != ':')
                reasons[i] = "repeated on " + std::to_string(it->second) + " pages of " +
                             (site.empty() || site[0] == '\x01' ? std::string("this site") : std::string(site));
            else if (IsProse(line))
                prose_left = true;
        }
        if (!prose_left) reasons.assign(lines.size(), std::string());
    }

    // After the article: a list of dated news teasers (only when prose comes before it).
    size_t first_prose = lines.size(), last_prose = 0;
    const size_t teasers = TeaserListStart(lines);
    for (size_t i = 0; i < teasers; ++i)
        if (IsProse(TrimLine(lines[i]))) { first_prose = std::min(first_prose, i); last_prose = i; }
    if (first_prose < teasers)
        for (size_t i = teasers; i < lines.size(); ++i)
            if (!TrimLine(lines[i]).empty() && !IsFurnitureLine(TrimLine(lines[i]))) reasons[i] = "dated news teasers after the article";
    if (first_prose == lines.size())   // no prose before any teasers: the text is what it is
        for (size_t i = teasers; i < lines.size(); ++i)
            if (IsProse(TrimLine(lines[i]))) { first_prose = std::min(first_prose, i); last_prose = i; }

    // The head: furniture before the first prose line; a headline repeated right below itself.
    // A text with no prose at all (a poem, a list) only loses lines that are unmistakably furniture.
    const bool has_prose = first_prose < lines.size();
    std::string_view previous_content;
    for (size_t i = 0; i < first_prose && i < lines.size(); ++i) {
        std::string_view line = TrimLine(lines[i]);
        if (line.empty() || !reasons[i].empty()) continue;
        std::string reason = has_prose ? EdgeReason(line, false)
                                       : (IsFurnitureLine(line) ? "navigation or page furniture" : "");
        if (reason.empty() && line == previous_content) reason = "headline repeated";
        if (reason.empty()) previous_content = line;
        reasons[i] = reason;
    }
    // The tail: furniture after the last prose line (up to the teasers).
    if (has_prose)
        for (size_t i = last_prose + 1; i < lines.size(); ++i) {
            std::string_view line = TrimLine(lines[i]);
            if (!line.empty() && reasons[i].empty()) reasons[i] = EdgeReason(line, true);
        }

    TrimResult result;
    int blank_run = 0;
    bool any_content = false;
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string_view line = TrimLine(lines[i]);
        if (!reasons[i].empty()) {
            result.removed.push_back({std::string(line), reasons[i]});
            continue;
        }
        if (line.empty()) { ++blank_run; continue; }
        if (any_content) result.text += blank_run > 0 ? "\n\n" : "\n";
        result.text += line;
        any_content = true;
        blank_run = 0;
    }
    return result;
}

}  // namespace text
