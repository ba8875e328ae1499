// JSON Lines for corpus import: one JSON object per line, read into flat key/value records of UTF-8 strings,
// and a guess at which key holds the documents' text. A small strict RFC 8259 parser of our own; decoding to
// UTF-8 happens before, and which keys become metadata is import's business.
//
//     core::Result<std::vector<text::JsonRecord>> records = text::ParseJsonLines(utf8);
//     if (!records.ok()) return records.status();          // "line 7, column 31: expected ',' or '}' …"
//     std::string key = text::GuessTextField(*records);    // e.g. "text"
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace text {

// What a field's value was in the JSON, so import can tell text from numbers and nested data.
enum class JsonKind { String, Number, Bool, Null, Array, Object };

struct JsonField {
    std::string key;    // unescaped UTF-8
    std::string value;  // String: unescaped UTF-8; Number: as written ("-1.5e3"); Bool: "true"/"false";
                        // Null: ""; Array/Object: compact JSON text (no spaces, strings re-escaped minimally)
    JsonKind kind = JsonKind::String;
};

struct JsonRecord {
    int line = 0;                   // 1-based line of the input it came from
    std::vector<JsonField> fields;  // the object's top-level members, in the order written
};

// Parses JSON Lines: each line that is not blank holds exactly one JSON object (RFC 8259, strictly: no
// comments, trailing commas, single quotes, NaN or leading zeros). Blank lines are skipped, CRLF is tolerated,
// a UTF-8 BOM is skipped. Strings take every RFC 8259 escape, including \uXXXX surrogate pairs; a lone
// surrogate is an error. Containers nest at most 64 deep, counting the record itself as 1. A key written twice
// keeps its first position and its last value, as JavaScript's JSON.parse does.
// `utf8` must be valid UTF-8 (text::FindInvalidUtf8). Empty input gives no records (not an error).
// Errors are InvalidInput and stop at the first one. They say where, columns counting characters from 1 on
// the line (after any BOM): "line 7, column 31: expected ',' or '}' after a value",
// "line 2: a JSON Lines record must be an object, not an array".
core::Result<std::vector<JsonRecord>> ParseJsonLines(std::string_view utf8);

// The key most likely to hold the documents' text, for import to preselect. Only keys that hold a string in
// some record compete:
// 1. a key with a non-empty string somewhere beats one whose strings are all empty;
// 2. then a name for text (TextFieldNameScore in text/csv.h: "text", "body", "content", "Текст", …);
// 3. then the longest average string value over all records, in code points;
// ties go to the key seen first. "" when no key holds a string.
std::string GuessTextField(const std::vector<JsonRecord>& records);

}  // namespace text
