// Metadata heuristics over plain text: a small scanner splits text into digit runs and word runs with their
// separators, and date patterns are matched over those pieces (no regex engine: it would be large in wasm and
// slow natively). Month names cover English, Russian (nominative and genitive), German and French.
#include "text/metadata.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <map>
#include <vector>

#include "text/lines.h"
#include "text/tokenizer.h"  // GuessLanguage

namespace text {

namespace {

struct Piece {
    std::string_view text;
    size_t offset = 0;
    bool digits = false;
};

std::vector<Piece> SplitPieces(std::string_view s) {
    std::vector<Piece> pieces;
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        bool digit = std::isdigit(c);
        bool letter = std::isalpha(c) || c >= 0x80;
        if (!digit && !letter) { ++i; continue; }
        size_t start = i;
        while (i < s.size()) {
            unsigned char d = static_cast<unsigned char>(s[i]);
            if (digit ? !std::isdigit(d) : !(std::isalpha(d) || d >= 0x80)) break;
            ++i;
        }
        pieces.push_back({s.substr(start, i - start), start, digit});
    }
    return pieces;
}

// Lower-cases the letters month names use — ASCII, Latin-1 accented (Ä, É, Û) and Cyrillic А–Я, Ё — without
// ICU: this runs for every word of every line that might hold a date, so it must be cheap.
std::string LowerMonthWord(std::string_view word) {
    std::string out(word);
    for (size_t i = 0; i < out.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(out[i]);
        if (c < 0x80) { out[i] = static_cast<char>(std::tolower(c)); continue; }
        if (i + 1 >= out.size()) break;
        unsigned char d = static_cast<unsigned char>(out[i + 1]);
        if (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);      // À–Þ
        else if (c == 0xD0 && d >= 0x90 && d <= 0x9F) out[i + 1] = static_cast<char>(d + 0x20);             // А–П
        else if (c == 0xD0 && d >= 0xA0 && d <= 0xAF) { out[i] = static_cast<char>(0xD1); out[i + 1] = static_cast<char>(d - 0x20); }  // Р–Я
        else if (c == 0xD0 && d == 0x81) { out[i] = static_cast<char>(0xD1); out[i + 1] = static_cast<char>(0x91); }  // Ё
        ++i;
    }
    return out;
}

int MonthNumber(std::string_view word) {
    static const std::map<std::string, int, std::less<>> kMonths = [] {
        std::map<std::string, int, std::less<>> m;
        const char* names[12][9] = {
            {"january", "jan", "января", "январь", "januar", "janvier"},
            {"february", "feb", "февраля", "февраль", "februar", "février"},
            {"march", "mar", "марта", "март", "märz", "mars"},
            {"april", "apr", "апреля", "апрель", "avril"},
            {"may", "мая", "май", "mai"},
            {"june", "jun", "июня", "июнь", "juni", "juin"},
            {"july", "jul", "июля", "июль", "juli", "juillet"},
            {"august", "aug", "августа", "август", "août"},
            {"september", "sep", "sept", "сентября", "сентябрь", "septembre"},
            {"october", "oct", "октября", "октябрь", "oktober", "octobre"},
            {"november", "nov", "ноября", "ноябрь", "novembre"},
            {"december", "dec", "декабря", "декабрь", "dezember", "décembre"},
        };
        for (int month = 0; month < 12; ++month)
            for (const char* name : names[month])
                if (name) m.emplace(name, month + 1);
        return m;
    }();
    if (word.size() < 3 || word.size() > 24) return 0;
    auto it = kMonths.find(LowerMonthWord(word));
    return it == kMonths.end() ? 0 : it->second;
}

int ToInt(std::string_view digits) {
    int value = 0;
    for (char c : digits) value = value * 10 + (c - '0');
    return value;
}

bool PlausibleYear(int year) { return year >= 1000 && year <= 2100; }

// The year in a digit run: 4 digits, or 6 with a time glued on ("201518" in "11 December 201518:47").
int YearOf(std::string_view s, const Piece& p) {
    if (p.text.size() == 4) return ToInt(p.text);
    size_t end = p.offset + p.text.size();
    if (p.text.size() == 6 && end < s.size() && s[end] == ':') return ToInt(p.text.substr(0, 4));
    return 0;
}

// True when only characters from `allowed` (and at most `max_len` of them) stand between two pieces.
bool Between(std::string_view s, const Piece& a, const Piece& b, std::string_view allowed, size_t max_len) {
    size_t from = a.offset + a.text.size();
    if (b.offset < from || b.offset - from > max_len || b.offset == from) return false;
    for (size_t i = from; i < b.offset; ++i)
        if (allowed.find(s[i]) == std::string_view::npos) return false;
    return true;
}

std::string Iso(int year, int month, int day) {
    char buf[16];
    if (year) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    else std::snprintf(buf, sizeof buf, "--%02d-%02d", month, day);
    return buf;
}

bool ValidDay(int month, int day) {
    static const int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month >= 1 && month <= 12 && day >= 1 && day <= kDays[month - 1];
}

std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// A capitalised name such as "TASS", "TEHRAN", "NEW YORK": ASCII capitals (and spaces, dots, hyphens,
// apostrophes), at least two letters.
bool IsUpperName(std::string_view s) {
    int letters = 0;
    for (char c : s) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isupper(u)) ++letters;
        else if (!(c == ' ' || c == '.' || c == '-' || c == '\'')) return false;
    }
    return letters >= 2;
}

// "THE MINISTRY OF FOREIGN AFFAIRS OF THE RUSSIAN FEDERATION" → "The Ministry of Foreign Affairs of the Russian Federation"
std::string TitleCase(std::string_view caps) {
    static const char* kSmall[] = {"of", "the", "and", "for", "in", "on", "at", "to", "a", "an"};
    std::string out;
    size_t i = 0;
    bool first = true;
    while (i < caps.size()) {
        size_t end = caps.find(' ', i);
        if (end == std::string_view::npos) end = caps.size();
        std::string word = Lower(caps.substr(i, end - i));
        bool small = !first && std::find_if(std::begin(kSmall), std::end(kSmall),
                                            [&](const char* w) { return word == w; }) != std::end(kSmall);
        if (!small && !word.empty()) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
        if (!word.empty()) {
            if (!out.empty()) out += ' ';
            out += word;
            first = false;
        }
        i = end + 1;
    }
    return out;
}

// "/TASS/" or "CITY (Agency) –" near the start of a line: the news agency that wrote it.
std::string DatelineSource(std::string_view line, std::string* evidence) {
    std::string_view head = line.substr(0, std::min<size_t>(line.size(), 120));
    size_t slash = head.find('/');
    while (slash != std::string_view::npos) {
        size_t close = head.find('/', slash + 1);
        if (close == std::string_view::npos) break;
        std::string_view name = head.substr(slash + 1, close - slash - 1);
        if (name.size() >= 2 && name.size() <= 30 && name.find(' ') == std::string_view::npos && IsUpperName(name)) {
            *evidence = std::string(head.substr(0, std::min<size_t>(close + 2, head.size())));
            return std::string(name);
        }
        slash = head.find('/', slash + 1);
    }
    // CITY (Agency): a capitalised place name, then the agency in parentheses, then a dash.
    size_t open = head.find(" (");
    if (open != std::string_view::npos && open >= 3 && IsUpperName(head.substr(0, open))) {
        size_t close = head.find(')', open);
        if (close != std::string_view::npos && close - open - 2 >= 2 && close - open - 2 <= 30) {
            std::string_view name = head.substr(open + 2, close - open - 2);
            if (FindDate(name).iso.empty()) {
                *evidence = std::string(head.substr(0, close + 1));
                return std::string(name);
            }
        }
    }
    return "";
}

}  // namespace

FoundDate FindDate(std::string_view s) {
    std::vector<Piece> p = SplitPieces(s);
    FoundDate partial;
    // The text a date was read from, as it stands: a time glued to the year ("201518:47") is quoted whole,
    // not cut inside it.
    auto evidence = [&](size_t first, size_t last) {
        size_t end = p[last].offset + p[last].text.size();
        if (p[last].digits && p[last].text.size() == 6 && last + 1 < p.size() && p[last + 1].digits &&
            Between(s, p[last], p[last + 1], ":", 1))
            end = p[last + 1].offset + p[last + 1].text.size();
        return std::string(s.substr(p[first].offset, end - p[first].offset));
    };
    for (size_t i = 0; i < p.size(); ++i) {
        const Piece& a = p[i];
        // D: 2018-03-23
        if (a.digits && a.text.size() == 4 && i + 2 < p.size() && p[i + 1].digits && p[i + 2].digits &&
            Between(s, a, p[i + 1], "-", 1) && Between(s, p[i + 1], p[i + 2], "-", 1)) {
            int y = ToInt(a.text), m = ToInt(p[i + 1].text), d = ToInt(p[i + 2].text);
            if (PlausibleYear(y) && ValidDay(m, d)) return {Iso(y, m, d), evidence(i, i + 2), true};
        }
        // C: 23.03.2018, 23-04-2013, 03/23/2018 (day first unless that cannot be)
        if (a.digits && a.text.size() <= 2 && i + 2 < p.size() && p[i + 1].digits && p[i + 1].text.size() <= 2 &&
            p[i + 2].digits && p[i + 2].text.size() == 4 && Between(s, a, p[i + 1], "./-", 1) &&
            Between(s, p[i + 1], p[i + 2], "./-", 1)) {
            int x = ToInt(a.text), y2 = ToInt(p[i + 1].text), year = ToInt(p[i + 2].text);
            int day = x, month = y2;
            if (month > 12 && x <= 12) std::swap(day, month);
            if (PlausibleYear(year) && ValidDay(month, day)) return {Iso(year, month, day), evidence(i, i + 2), true};
        }
        // A: 11 December 2015, 30 ноября 2015, 11 December 201518:47; or 30 November (no year)
        if (a.digits && a.text.size() <= 2 && i + 1 < p.size() && !p[i + 1].digits && Between(s, a, p[i + 1], " .", 2)) {
            int month = MonthNumber(p[i + 1].text), day = ToInt(a.text);
            if (month && ValidDay(month, day)) {
                if (i + 2 < p.size() && p[i + 2].digits && Between(s, p[i + 1], p[i + 2], " ,.", 3)) {
                    int year = YearOf(s, p[i + 2]);
                    if (PlausibleYear(year)) return {Iso(year, month, day), evidence(i, i + 2), true};
                }
                if (partial.iso.empty()) partial = {Iso(0, month, day), evidence(i, i + 1), false};
            }
        }
        // B: December 11, 2015; November 30th 2015; or November 30 (no year)
        if (!a.digits && i + 1 < p.size() && p[i + 1].digits && p[i + 1].text.size() <= 2 && Between(s, a, p[i + 1], " ", 2)) {
            int month = MonthNumber(a.text), day = ToInt(p[i + 1].text);
            if (month && ValidDay(month, day)) {
                size_t y = i + 2;
                if (y < p.size() && !p[y].digits && (p[y].text == "st" || p[y].text == "nd" || p[y].text == "rd" || p[y].text == "th")) ++y;
                if (y < p.size() && p[y].digits && Between(s, p[y - 1], p[y], " ,", 3)) {
                    int year = YearOf(s, p[y]);
                    if (PlausibleYear(year)) return {Iso(year, month, day), evidence(i, y), true};
                }
                if (partial.iso.empty()) partial = {Iso(0, month, day), evidence(i, i + 1), false};
            }
        }
    }
    return partial;
}

std::string ReadDate(std::string_view text) {
    std::string_view v = TrimLine(text);
    auto digits = [&](size_t from, size_t count) {
        if (from + count > v.size()) return false;
        for (size_t i = from; i < from + count; ++i) if (v[i] < '0' || v[i] > '9') return false;
        return true;
    };
    // ISO forms first: a year alone or with its month (FindDate wants a day).
    if (v.size() == 4 && digits(0, 4) && ToInt(v) > 0) return std::string(v);
    if (v.size() == 7 && digits(0, 4) && v[4] == '-' && digits(5, 2) && ToInt(v.substr(0, 4)) > 0) {
        int month = ToInt(v.substr(5, 2));
        return month >= 1 && month <= 12 ? std::string(v) : std::string();
    }
    if (v.size() == 10 && digits(0, 4) && v[4] == '-' && digits(5, 2) && v[7] == '-' && digits(8, 2)) {
        int year = ToInt(v.substr(0, 4)), month = ToInt(v.substr(5, 2)), day = ToInt(v.substr(8, 2));
        if (year <= 0 || !ValidDay(month, day) || (month == 2 && day == 29 && (year % 4 != 0 || (year % 100 == 0 && year % 400 != 0))))
            return "";
        return std::string(v);
    }
    if (v.size() == 7 && v.starts_with("--") && digits(2, 2) && v[4] == '-' && digits(5, 2))
        return ValidDay(ToInt(v.substr(2, 2)), ToInt(v.substr(5, 2))) ? std::string(v) : std::string();
    FoundDate found = FindDate(v);
    if (!found.has_year) return "";
    size_t at = v.find(found.evidence);
    if (at == std::string_view::npos) return "";
    for (size_t i = 0; i < v.size(); ++i) {
        if (i == at) { i += found.evidence.size() - 1; continue; }
        if (std::isalnum(static_cast<unsigned char>(v[i])) || static_cast<unsigned char>(v[i]) >= 0x80) return "";
    }
    return found.iso;
}

bool IsFurnitureLine(std::string_view raw) {
    std::string_view line = TrimLine(raw);
    if (line.empty()) return false;
    std::string lower = Lower(line);
    static const char* kNavigation[] = {
        "all news", "all messages", "advanced settings", "top stories", "most read", "most visited", "read more",
        "related news", "related articles", "share", "print", "print version", "subscribe", "follow us", "home",
        "menu", "search", "official site", "back to top", "comments", "tags", "share this article", "advertisement",
    };
    for (const char* nav : kNavigation)
        if (lower == nav) return true;
    if ((lower.rfind("most visited", 0) == 0 || lower.rfind("most read", 0) == 0 || lower.rfind("top ", 0) == 0) &&
        WordCount(line, 7) <= 6 && line.back() != '.')
        return true;
    // Breadcrumbs and language switchers.
    if ((line.find(" \\ ") != std::string_view::npos || line.back() == '\\' || line.find(" › ") != std::string_view::npos ||
         line.find(" » ") != std::string_view::npos) && WordCount(line, 13) <= 12)
        return true;
    if ((line.rfind("\xE2\x80\xA2", 0) == 0 || line.rfind("|", 0) == 0) && WordCount(line, 7) <= 6) return true;  // "• en-GB1 ru-RU1"
    // Phone numbers, times, codes: mostly digits and punctuation.
    int digits = 0, letters = 0;
    for (char c : line) {
        unsigned char u = static_cast<unsigned char>(c);
        digits += std::isdigit(u) != 0;
        letters += std::isalpha(u) != 0 || u >= 0x80;
    }
    if (digits >= 7 && letters == 0 && line.size() <= 32) return true;             // +44 (0) 203 668 7474, 803-23-04-2013
    if (line.size() <= 24 && digits >= 3 && digits <= 4 && line.find(':') != std::string_view::npos &&
        letters <= 12 && WordCount(line, 3) <= 2)
        return true;                                                                // Moscow: 18:40
    // A date (and time) alone on a line.
    if (line.size() > 40) return false;
    FoundDate date = FindDate(line);
    return !date.iso.empty() && date.evidence.size() * 10 >= line.size() * 6;
}

std::string GuessLanguage(std::string_view text, std::string* note) {
    struct Language { const char* tag; std::array<const char*, 16> words; };
    static const Language kLanguages[] = {
        {"en", {"the", "and", "of", "to", "in", "is", "that", "for", "with", "as", "was", "on", "are", "this", "we", "not"}},
        {"ru", {"и", "в", "не", "на", "что", "с", "по", "это", "как", "к", "из", "мы", "за", "для", "то", "о"}},
        {"uk", {"і", "та", "що", "не", "на", "це", "як", "з", "до", "ми", "для", "від", "або", "він", "вона", "було"}},
        {"de", {"der", "die", "und", "das", "ist", "nicht", "zu", "den", "mit", "von", "sich", "des", "auf", "für", "ein", "eine"}},
        {"fr", {"le", "la", "les", "et", "des", "est", "un", "une", "du", "que", "dans", "pour", "pas", "qui", "au", "sur"}},
        {"es", {"el", "la", "de", "que", "y", "los", "se", "del", "las", "por", "un", "con", "no", "una", "para", "es"}},
        {"it", {"il", "di", "che", "e", "la", "per", "un", "non", "una", "del", "della", "sono", "con", "le", "si", "gli"}},
        {"el", {"και", "το", "να", "η", "της", "του", "την", "σε", "με", "για", "που", "τα", "ο", "οι", "στο", "στην"}},
    };
    static const auto index = [] {   // word → languages that list it
        std::map<std::string, std::vector<int>, std::less<>> words;
        for (int l = 0; l < static_cast<int>(std::size(kLanguages)); ++l)
            for (const char* w : kLanguages[l].words) words[w].push_back(l);
        return words;
    }();
    std::array<int, std::size(kLanguages)> hits{};
    int tokens = 0;
    Tokenizer tok;
    tok.Reset(text.substr(0, std::min<size_t>(text.size(), 8000)));   // some 1,300 words: plenty to tell
    Token t;
    while (tok.Next(&t)) {
        ++tokens;
        auto it = index.find(t.norm);
        if (it != index.end())
            for (int l : it->second) ++hits[static_cast<size_t>(l)];
    }
    size_t best = static_cast<size_t>(std::max_element(hits.begin(), hits.end()) - hits.begin());
    if (hits[best] < 3 || hits[best] * 20 < tokens) {
        if (note) *note = "too few common words to tell";
        return "";
    }
    if (note) {
        char buf[120];
        std::snprintf(buf, sizeof buf, "%d of %d words are common %s words", hits[best], tokens, kLanguages[best].tag);
        *note = buf;
    }
    return kLanguages[best].tag;
}

GuessedMetadata GuessMetadata(std::string_view text) {
    GuessedMetadata m;
    std::vector<std::string_view> lines = SplitLines(text, 60);

    // Title: the first line that reads as a headline (a Markdown heading's "#" marks are not part of it).
    for (std::string_view raw : lines) {
        std::string_view line = TrimLine(raw);
        if (line.rfind('#', 0) == 0) {
            size_t text_start = line.find_first_not_of('#');
            line = text_start == std::string_view::npos ? std::string_view() : TrimLine(line.substr(text_start));
        }
        int words = WordCount(line, 51);
        if (line.empty() || IsFurnitureLine(line) || IsAllCapsLine(line) || words < 3 || words > 50 || line.size() > 320) continue;
        if (words > 25 && line.back() == '.') continue;  // a paragraph, not a headline
        m.title = std::string(line);
        m.title_note = "the first line that reads as a headline";
        break;
    }

    // Date: the first full date near the top, or in the title; else a day and month without a year.
    std::string_view head = text.substr(0, std::min<size_t>(text.size(), 4096));
    FoundDate date = FindDate(head);
    if (!date.has_year) {
        FoundDate from_title = FindDate(m.title);
        if (from_title.has_year) date = from_title;
    }
    if (!date.iso.empty()) {
        m.date = date.iso;
        m.date_note = "read from \"" + date.evidence + "\"" + (date.has_year ? "" : " (no year given)");
    }

    // Source: an agency in a dateline, else the masthead at the top.
    for (std::string_view raw : lines) {
        std::string evidence;
        std::string source = DatelineSource(TrimLine(raw), &evidence);
        if (!source.empty()) {
            m.source = source;
            m.source_note = "dateline \"" + evidence + "\"";
            break;
        }
    }
    if (m.source.empty()) {
        std::string masthead;
        int non_empty = 0;
        for (std::string_view raw : lines) {
            std::string_view line = TrimLine(raw);
            if (line.empty()) { if (!masthead.empty()) break; continue; }
            if (++non_empty > 8) break;
            if (!IsAllCapsLine(line)) { if (!masthead.empty()) break; continue; }
            if (!masthead.empty()) masthead += ' ';
            masthead += line;
        }
        if (!masthead.empty()) {
            m.source = TitleCase(masthead);
            m.source_note = "masthead \"" + masthead + "\"";
        }
    }

    m.lang = GuessLanguage(text, &m.lang_note);
    return m;
}

}  // namespace text
