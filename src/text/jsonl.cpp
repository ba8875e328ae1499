// JSON Lines parsing: the input is cut into lines first (JSON strings cannot hold a raw line break, so a
// record never spans lines), then each line is read by a recursive-descent parser that stops at the first
// error and says where. Nested values are re-written as compact JSON as they are read.
#include "text/jsonl.h"

#include <cstdint>
#include <cstdio>
#include <unordered_map>

#include "text/csv.h"  // TextFieldNameScore: both importers guess the text field by the same names

namespace text {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr int kMaxDepth = 64;  // the record object is depth 1
constexpr size_t kLinearKeySearch = 16;  // records with more keys find duplicates through a hash map

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void AppendUtf8(uint32_t code_point, std::string* out) {
    if (code_point < 0x80) {
        *out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        *out += static_cast<char>(0xC0 | (code_point >> 6));
        *out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        *out += static_cast<char>(0xE0 | (code_point >> 12));
        *out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        *out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        *out += static_cast<char>(0xF0 | (code_point >> 18));
        *out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        *out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        *out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

// A string as compact JSON: only what must be escaped is (quote, backslash, control characters).
void AppendQuoted(std::string_view utf8, std::string* out) {
    *out += '"';
    for (char c : utf8) {
        switch (c) {
        case '"': *out += "\\\""; break;
        case '\\': *out += "\\\\"; break;
        case '\b': *out += "\\b"; break;
        case '\f': *out += "\\f"; break;
        case '\n': *out += "\\n"; break;
        case '\r': *out += "\\r"; break;
        case '\t': *out += "\\t"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escape[8];
                std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
                *out += escape;
            } else {
                *out += c;
            }
        }
    }
    *out += '"';
}

size_t CountCodePoints(std::string_view utf8) {
    size_t n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
    return n;
}

// Parses one line. Pos is a byte offset into Line; errors are reported at a byte offset and shown as a
// 1-based character column.
class LineParser {
public:
    LineParser(std::string_view line, int line_number) : Line(line), LineNumber(line_number) {}

    // The line's one object into *record; the first error otherwise.
    core::Status ParseRecord(JsonRecord* record);

private:
    // Any value, appended to *out as compact JSON. `depth` is that of the container holding the value.
    bool ParseValue(int depth, std::string* out, JsonKind* kind);
    // A top-level member's value into field->value and field->kind, strings unescaped, null as "".
    bool ParseFieldValue(JsonField* field);
    bool ParseContainer(int depth, std::string* out);  // at '{' or '['
    bool ParseString(std::string* out);                // at '"'; appends the unescaped UTF-8
    bool ParseUnicodeEscape(uint32_t* code_point);     // at the '\\' of "\uXXXX", surrogate pairs joined
    bool ParseHex4(size_t at, uint32_t* value);        // 4 hex digits at byte offset `at`
    bool ParseNumber(std::string* out);
    bool ParseLiteral(std::string_view word);
    void SkipSpace();
    bool AtEnd() const { return Pos >= Line.size(); }
    bool Fail(size_t byte_offset, const std::string& what);
    bool FailLine(const std::string& what);
    bool FailKey(bool after_comma);  // where a key should start

    std::string_view Line;
    int LineNumber;
    size_t Pos = 0;
    core::Status Error;
};

bool LineParser::Fail(size_t byte_offset, const std::string& what) {
    size_t column = CountCodePoints(Line.substr(0, byte_offset)) + 1;
    Error = core::Error(core::StatusCode::InvalidInput, "line " + std::to_string(LineNumber) + ", column " +
                                                            std::to_string(column) + ": " + what);
    return false;
}

bool LineParser::FailLine(const std::string& what) {
    Error = core::Error(core::StatusCode::InvalidInput, "line " + std::to_string(LineNumber) + ": " + what);
    return false;
}

bool LineParser::FailKey(bool after_comma) {
    if (after_comma && !AtEnd() && Line[Pos] == '}')
        return Fail(Pos, "a comma before '}' (JSON allows no trailing comma)");
    return Fail(Pos, "expected a key in double quotes");
}

void LineParser::SkipSpace() {
    while (!AtEnd() && IsJsonSpace(Line[Pos])) ++Pos;
}

core::Status LineParser::ParseRecord(JsonRecord* record) {
    record->line = LineNumber;
    SkipSpace();
    char first = Line[Pos];  // the caller skips blank lines, so there is one
    if (first != '{') {
        const char* what = first == '[' ? "an array"
                           : first == '"' ? "a string"
                           : first == '-' || IsDigit(first) ? "a number"
                           : first == 't' || first == 'f' ? "true or false"
                           : first == 'n' ? "null"
                           : nullptr;
        if (what) FailLine(std::string("a JSON Lines record must be an object, not ") + what);
        else Fail(Pos, "expected a JSON object ('{'): each line holds one record");
        return Error;
    }
    ++Pos;
    SkipSpace();
    if (!AtEnd() && Line[Pos] == '}') {
        ++Pos;
    } else {
        std::unordered_map<std::string, size_t> key_index;  // filled once the record outgrows a linear search
        for (bool after_comma = false;; after_comma = true) {
            if (AtEnd() || Line[Pos] != '"') {
                FailKey(after_comma);
                return Error;
            }
            JsonField field;
            if (!ParseString(&field.key)) return Error;
            SkipSpace();
            if (AtEnd() || Line[Pos] != ':') {
                Fail(Pos, "expected ':' after the key");
                return Error;
            }
            ++Pos;
            SkipSpace();
            if (!ParseFieldValue(&field)) return Error;
            std::vector<JsonField>& fields = record->fields;
            size_t existing = fields.size();
            if (fields.size() < kLinearKeySearch) {
                for (size_t i = 0; i < fields.size(); ++i)
                    if (fields[i].key == field.key) existing = i;
            } else {
                if (key_index.empty())
                    for (size_t i = 0; i < fields.size(); ++i) key_index.emplace(fields[i].key, i);
                existing = key_index.emplace(field.key, fields.size()).first->second;
            }
            if (existing < fields.size()) fields[existing] = std::move(field);
            else fields.push_back(std::move(field));
            SkipSpace();
            if (AtEnd() || (Line[Pos] != ',' && Line[Pos] != '}')) {
                Fail(Pos, "expected ',' or '}' after a value");
                return Error;
            }
            if (Line[Pos++] == '}') break;
            SkipSpace();
        }
    }
    SkipSpace();
    if (!AtEnd()) Fail(Pos, "text after the end of the object (each line holds one JSON object)");
    return Error;
}

bool LineParser::ParseFieldValue(JsonField* field) {
    if (!AtEnd() && Line[Pos] == '"') {
        field->kind = JsonKind::String;
        return ParseString(&field->value);
    }
    if (!ParseValue(1, &field->value, &field->kind)) return false;
    if (field->kind == JsonKind::Null) field->value.clear();
    return true;
}

bool LineParser::ParseValue(int depth, std::string* out, JsonKind* kind) {
    if (AtEnd()) return Fail(Pos, "expected a value, but the line ends here");
    char c = Line[Pos];
    if (c == '"') {
        *kind = JsonKind::String;
        std::string s;
        if (!ParseString(&s)) return false;
        AppendQuoted(s, out);
        return true;
    }
    if (c == '{' || c == '[') {
        *kind = c == '{' ? JsonKind::Object : JsonKind::Array;
        return ParseContainer(depth + 1, out);
    }
    if (c == '-' || IsDigit(c)) {
        *kind = JsonKind::Number;
        return ParseNumber(out);
    }
    for (std::string_view word : {"true", "false", "null"}) {
        if (Line.substr(Pos).starts_with(word)) {
            *kind = word == "null" ? JsonKind::Null : JsonKind::Bool;
            *out += word;
            Pos += word.size();
            return true;
        }
    }
    return Fail(Pos, "expected a value (a string, number, object, array, true, false or null)");
}

bool LineParser::ParseContainer(int depth, std::string* out) {
    if (depth > kMaxDepth)
        return Fail(Pos, "objects and arrays nest deeper than " + std::to_string(kMaxDepth) + " levels");
    bool object = Line[Pos] == '{';
    char close = object ? '}' : ']';
    *out += Line[Pos++];
    SkipSpace();
    if (!AtEnd() && Line[Pos] == close) {
        *out += Line[Pos++];
        return true;
    }
    for (bool after_comma = false;; after_comma = true) {
        if (object) {
            if (AtEnd() || Line[Pos] != '"') return FailKey(after_comma);
            std::string key;
            if (!ParseString(&key)) return false;
            AppendQuoted(key, out);
            SkipSpace();
            if (AtEnd() || Line[Pos] != ':') return Fail(Pos, "expected ':' after the key");
            *out += Line[Pos++];
            SkipSpace();
        }
        if (!object && after_comma && !AtEnd() && Line[Pos] == ']')
            return Fail(Pos, "a comma before ']' (JSON allows no trailing comma)");
        JsonKind kind;
        if (!ParseValue(depth, out, &kind)) return false;
        SkipSpace();
        if (AtEnd() || (Line[Pos] != ',' && Line[Pos] != close))
            return Fail(Pos, object ? "expected ',' or '}' after a value" : "expected ',' or ']' after a value");
        *out += Line[Pos];
        if (Line[Pos++] == close) return true;
        SkipSpace();
    }
}

bool LineParser::ParseHex4(size_t at, uint32_t* value) {
    *value = 0;
    for (size_t i = at; i < at + 4; ++i) {
        int digit = i < Line.size() ? HexValue(Line[i]) : -1;
        if (digit < 0) return false;
        *value = *value * 16 + static_cast<uint32_t>(digit);
    }
    return true;
}

bool LineParser::ParseUnicodeEscape(uint32_t* code_point) {
    size_t start = Pos;
    if (!ParseHex4(start + 2, code_point)) return Fail(start, "\\u must be followed by 4 hex digits");
    Pos = start + 6;
    if (*code_point >= 0xDC00 && *code_point <= 0xDFFF)
        return Fail(start, "lone surrogate " + std::string(Line.substr(start, 6)) +
                               " (a low surrogate must follow a high one, \\uD800–\\uDBFF)");
    if (*code_point < 0xD800 || *code_point > 0xDBFF) return true;
    uint32_t low = 0;
    bool paired = Line.substr(Pos).starts_with("\\u") && ParseHex4(Pos + 2, &low) &&
                  low >= 0xDC00 && low <= 0xDFFF;
    if (!paired)
        return Fail(start, "lone surrogate " + std::string(Line.substr(start, 6)) +
                               " (a high surrogate must be followed by a low one, \\uDC00–\\uDFFF)");
    Pos += 6;
    *code_point = 0x10000 + ((*code_point - 0xD800) << 10) + (low - 0xDC00);
    return true;
}

bool LineParser::ParseString(std::string* out) {
    const char* kUnclosed = "a string opened here never closes (strings end on the line they start on)";
    size_t open = Pos++;
    for (;;) {
        size_t run = Pos;  // copy plain bytes in one go
        while (run < Line.size() && Line[run] != '"' && Line[run] != '\\' &&
               static_cast<unsigned char>(Line[run]) >= 0x20)
            ++run;
        out->append(Line.substr(Pos, run - Pos));
        Pos = run;
        if (AtEnd()) return Fail(open, kUnclosed);
        char c = Line[Pos];
        if (c == '"') {
            ++Pos;
            return true;
        }
        if (c != '\\')
            return Fail(Pos, "a control character inside a string must be escaped (\\t, \\n or \\u00XX)");
        if (Pos + 1 >= Line.size()) return Fail(open, kUnclosed);
        char escape = Line[Pos + 1];
        switch (escape) {
        case '"': *out += '"'; break;
        case '\\': *out += '\\'; break;
        case '/': *out += '/'; break;
        case 'b': *out += '\b'; break;
        case 'f': *out += '\f'; break;
        case 'n': *out += '\n'; break;
        case 'r': *out += '\r'; break;
        case 't': *out += '\t'; break;
        case 'u': {
            uint32_t code_point = 0;
            if (!ParseUnicodeEscape(&code_point)) return false;
            AppendUtf8(code_point, out);
            continue;  // ParseUnicodeEscape moved Pos past the escape
        }
        default: {
            // The escaped character may be multi-byte; show all of it.
            size_t length = 1;
            auto continuation = [&](size_t at) { return (static_cast<unsigned char>(Line[at]) & 0xC0) == 0x80; };
            while (Pos + 1 + length < Line.size() && continuation(Pos + 1 + length)) ++length;
            return Fail(Pos, "invalid escape \\" + std::string(Line.substr(Pos + 1, length)) +
                                 " (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)");
        }
        }
        Pos += 2;
    }
}

// RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, kept as written.
bool LineParser::ParseNumber(std::string* out) {
    const std::string kShape = " (JSON numbers look like -12, 3.5 or 6.02e23)";
    size_t start = Pos;
    if (Line[Pos] == '-') ++Pos;
    if (AtEnd() || !IsDigit(Line[Pos])) return Fail(Pos, "expected a digit" + kShape);
    if (Line[Pos] == '0' && Pos + 1 < Line.size() && IsDigit(Line[Pos + 1]))
        return Fail(Pos, "a number cannot start with 0" + kShape);
    while (!AtEnd() && IsDigit(Line[Pos])) ++Pos;
    if (!AtEnd() && Line[Pos] == '.') {
        ++Pos;
        if (AtEnd() || !IsDigit(Line[Pos])) return Fail(Pos, "expected a digit after '.'" + kShape);
        while (!AtEnd() && IsDigit(Line[Pos])) ++Pos;
    }
    if (!AtEnd() && (Line[Pos] == 'e' || Line[Pos] == 'E')) {
        ++Pos;
        if (!AtEnd() && (Line[Pos] == '+' || Line[Pos] == '-')) ++Pos;
        if (AtEnd() || !IsDigit(Line[Pos])) return Fail(Pos, "expected a digit in the exponent" + kShape);
        while (!AtEnd() && IsDigit(Line[Pos])) ++Pos;
    }
    out->append(Line.substr(start, Pos - start));
    return true;
}

}  // namespace

core::Result<std::vector<JsonRecord>> ParseJsonLines(std::string_view utf8) {
    if (utf8.starts_with(kUtf8Bom)) utf8.remove_prefix(kUtf8Bom.size());
    std::vector<JsonRecord> records;
    int line_number = 0;
    size_t pos = 0;
    while (pos < utf8.size()) {
        size_t end = utf8.find('\n', pos);
        if (end == std::string_view::npos) end = utf8.size();
        std::string_view line = utf8.substr(pos, end - pos);
        pos = end + 1;
        ++line_number;
        if (line.ends_with('\r')) line.remove_suffix(1);
        bool blank = true;
        for (char c : line) blank &= IsJsonSpace(c);
        if (blank) continue;
        JsonRecord record;
        if (core::Status status = LineParser(line, line_number).ParseRecord(&record); !status.ok()) return status;
        records.push_back(std::move(record));
    }
    return records;
}

std::string GuessTextField(const std::vector<JsonRecord>& records) {
    struct Candidate {
        std::string_view key;
        size_t total = 0;  // code points over all records; stands for the average, the divisor being the same
    };
    std::vector<Candidate> candidates;  // keys holding a string somewhere, in order of first appearance
    std::unordered_map<std::string_view, size_t> index;  // key → position in candidates
    for (const JsonRecord& record : records) {
        for (const JsonField& field : record.fields) {
            if (field.kind != JsonKind::String) continue;
            auto [it, added] = index.emplace(field.key, candidates.size());
            if (added) candidates.push_back(Candidate{field.key});
            candidates[it->second].total += CountCodePoints(field.value);
        }
    }
    const Candidate* best = nullptr;
    bool best_filled = false;
    int best_score = 0;
    for (const Candidate& c : candidates) {
        bool filled = c.total > 0;
        int score = TextFieldNameScore(c.key);
        bool better = !best || filled > best_filled ||
                      (filled == best_filled &&
                       (score > best_score || (score == best_score && c.total > best->total)));
        if (better) {
            best = &c;
            best_filled = filled;
            best_score = score;
        }
    }
    return best ? std::string(best->key) : std::string();
}

}  // namespace text
