// JSON Lines import: one object per line into flat fields, every RFC 8259 string escape, nested values kept
// as JSON, errors with line and column, and the text-field guess.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/jsonl.h"

namespace {
// Parses text that must be valid, failing the test with the parser's message otherwise.
std::vector<text::JsonRecord> MustParse(std::string_view jsonl) {
    core::Result<std::vector<text::JsonRecord>> records = text::ParseJsonLines(jsonl);
    INFO(records.status().message());
    REQUIRE(records.ok());
    return *records;
}

// The value of the only field of the only record in `jsonl`.
std::string OnlyValue(std::string_view jsonl) {
    std::vector<text::JsonRecord> records = MustParse(jsonl);
    REQUIRE(records.size() == 1);
    REQUIRE(records[0].fields.size() == 1);
    return records[0].fields[0].value;
}

std::string ErrorOf(std::string_view jsonl) {
    core::Result<std::vector<text::JsonRecord>> records = text::ParseJsonLines(jsonl);
    REQUIRE_FALSE(records.ok());
    CHECK(records.status().code() == core::StatusCode::InvalidInput);
    return records.status().message();
}

text::JsonRecord Record(std::vector<std::pair<std::string, std::string>> strings) {
    text::JsonRecord record;
    for (auto& [key, value] : strings) record.fields.push_back({key, value, text::JsonKind::String});
    return record;
}
}  // namespace

TEST_SUITE("text") {

TEST_CASE("jsonl: each line is one record of top-level fields in the order written, with its line number") {
    std::vector<text::JsonRecord> records = MustParse(R"({"id": 1, "text": "first"})"
                                                      "\n"
                                                      R"({"text":"second","id":2})"
                                                      "\n");
    REQUIRE(records.size() == 2);
    CHECK(records[0].line == 1);
    REQUIRE(records[0].fields.size() == 2);
    CHECK(records[0].fields[0].key == "id");
    CHECK(records[0].fields[0].value == "1");
    CHECK(records[0].fields[0].kind == text::JsonKind::Number);
    CHECK(records[0].fields[1].key == "text");
    CHECK(records[0].fields[1].value == "first");
    CHECK(records[0].fields[1].kind == text::JsonKind::String);
    CHECK(records[1].line == 2);
    CHECK(records[1].fields[0].key == "text");
    CHECK(records[1].fields[1].value == "2");
}

TEST_CASE("jsonl: blank lines are skipped, CRLF is tolerated, a BOM is skipped, the last newline is optional") {
    std::vector<text::JsonRecord> records = MustParse("\xEF\xBB\xBF{\"a\":\"x\"}\r\n\r\n  \t\n{\"a\":\"y\"}");
    REQUIRE(records.size() == 2);
    CHECK(records[0].fields[0].key == "a");  // not "\xEF\xBB\xBF" glued to the brace
    CHECK(records[0].fields[0].value == "x");
    CHECK(records[1].line == 4);
    CHECK(records[1].fields[0].value == "y");
    CHECK(MustParse("").empty());
    CHECK(MustParse("\n\r\n").empty());
}

TEST_CASE("jsonl: the CR of a CRLF is not part of the line, so errors on CRLF files read as on LF files") {
    CHECK(ErrorOf("{\"a\":\r\n") == "line 1, column 6: expected a value, but the line ends here");
    CHECK(ErrorOf("{\"a\":\"x\r\n").starts_with("line 1, column 6: a string opened here never closes"));
}

TEST_CASE("jsonl: every simple string escape is decoded") {
    CHECK(OnlyValue(R"({"t":"q\" b\\ s\/ \b\f\n\r\t."})") == "q\" b\\ s/ \b\f\n\r\t.");
}

TEST_CASE("jsonl: \\u escapes decode to UTF-8, surrogate pairs to one 4-byte character") {
    CHECK(OnlyValue(R"({"t":"\u0416\u0436 \u00e9 \u20AC A\u0041"})") == "Жж é € AA");
    CHECK(OnlyValue(R"({"t":"\ud83d\ude00"})") == "😀");
    CHECK(OnlyValue(R"({"t":"\uD834\uDD1E"})") == "𝄞");
    CHECK(OnlyValue(R"({"t":"a\u0000b"})") == std::string("a\0b", 3));
}

TEST_CASE("jsonl: raw UTF-8 in keys and values passes through") {
    std::vector<text::JsonRecord> records = MustParse("{\"текст\": \"Сергей Лавров заявил «да» 😀\"}\n");
    CHECK(records[0].fields[0].key == "текст");
    CHECK(records[0].fields[0].value == "Сергей Лавров заявил «да» 😀");
}

TEST_CASE("jsonl: numbers are kept as written, booleans as true/false, null as an empty string") {
    std::vector<text::JsonRecord> records =
        MustParse(R"({"i":-12,"f":3.50,"e":6.02E+23,"z":0,"t":true,"n":null,"b":false})");
    REQUIRE(records[0].fields.size() == 7);
    const std::vector<text::JsonField>& f = records[0].fields;
    CHECK(f[0].value == "-12");
    CHECK(f[1].value == "3.50");
    CHECK(f[2].value == "6.02E+23");
    CHECK(f[3].value == "0");
    CHECK(f[4].value == "true");
    CHECK(f[4].kind == text::JsonKind::Bool);
    CHECK(f[5].value == "");
    CHECK(f[5].kind == text::JsonKind::Null);
    CHECK(f[6].value == "false");
}

TEST_CASE("jsonl: nested arrays and objects are kept as compact JSON with strings re-escaped") {
    std::vector<text::JsonRecord> records = MustParse(
        R"({"tags": [ "a" , "b\"c", 1, null, true ], )"
        R"("meta": { "author" : "\u0416", "x": {"y": [ ] }, "e": {} }})");
    REQUIRE(records[0].fields.size() == 2);
    CHECK(records[0].fields[0].value == R"(["a","b\"c",1,null,true])");
    CHECK(records[0].fields[0].kind == text::JsonKind::Array);
    CHECK(records[0].fields[1].value == R"({"author":"Ж","x":{"y":[]},"e":{}})");
    CHECK(records[0].fields[1].kind == text::JsonKind::Object);
    CHECK(OnlyValue(R"({"a":["line\nbreak\u0001"]})") == R"(["line\nbreak\u0001"])");
}

TEST_CASE("jsonl: an empty object is a record without fields, and a repeated key keeps its last value") {
    std::vector<text::JsonRecord> records = MustParse("{}\n{\"a\":\"1\",\"b\":\"2\",\"a\":\"3\"}\n");
    REQUIRE(records.size() == 2);
    CHECK(records[0].fields.empty());
    REQUIRE(records[1].fields.size() == 2);
    CHECK(records[1].fields[0].key == "a");
    CHECK(records[1].fields[0].value == "3");
    CHECK(records[1].fields[1].key == "b");
}

TEST_CASE("jsonl: a repeated key in a record with many keys also keeps its last value") {
    std::string line = "{";
    for (int i = 0; i < 40; ++i) line += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
    line += "\"k3\":\"again\",\"k39\":\"last\"}";
    std::vector<text::JsonRecord> records = MustParse(line);
    REQUIRE(records[0].fields.size() == 40);
    CHECK(records[0].fields[3].value == "again");
    CHECK(records[0].fields[39].value == "last");
}

TEST_CASE("jsonl error: a missing comma names line and column") {
    CHECK(ErrorOf("{\"a\":1}\n\n{\"a\": 1 \"b\": 2}\n") == "line 3, column 9: expected ',' or '}' after a value");
    // Columns count characters, not bytes: "Ж" is 2 bytes but 1 column.
    CHECK(ErrorOf("{\"Ж\": \"Ж\" x}") == "line 1, column 11: expected ',' or '}' after a value");
    CHECK(ErrorOf("{\"a\":[1 2]}") == "line 1, column 9: expected ',' or ']' after a value");
    CHECK(ErrorOf("{\"a\":{\"b\":1") == "line 1, column 12: expected ',' or '}' after a value");
}

TEST_CASE("jsonl error: malformed keys, colons, values and trailing text name line and column") {
    CHECK(ErrorOf("{a:1}") == "line 1, column 2: expected a key in double quotes");
    CHECK(ErrorOf("{\"a\" 1}") == "line 1, column 6: expected ':' after the key");
    const std::string kValues = " (a string, number, object, array, true, false or null)";
    CHECK(ErrorOf("{\"a\":}") == "line 1, column 6: expected a value" + kValues);
    CHECK(ErrorOf("{\"a\":True}") == "line 1, column 6: expected a value" + kValues);
    CHECK(ErrorOf("{\"a\":") == "line 1, column 6: expected a value, but the line ends here");
    CHECK(ErrorOf("{\"a\":1,}") == "line 1, column 8: a comma before '}' (JSON allows no trailing comma)");
    CHECK(ErrorOf("{\"a\":[1,]}") == "line 1, column 9: a comma before ']' (JSON allows no trailing comma)");
    CHECK(ErrorOf("{\"a\":1} {\"b\":2}") ==
          "line 1, column 9: text after the end of the object (each line holds one JSON object)");
}

TEST_CASE("jsonl error: bad numbers name line and column") {
    CHECK(ErrorOf("{\"n\":01}") ==
          "line 1, column 6: a number cannot start with 0 (JSON numbers look like -12, 3.5 or 6.02e23)");
    CHECK(ErrorOf("{\"n\":1.}").starts_with("line 1, column 8: expected a digit after '.'"));
    CHECK(ErrorOf("{\"n\":-}").starts_with("line 1, column 7: expected a digit"));
    CHECK(ErrorOf("{\"n\":1e+}").starts_with("line 1, column 9: expected a digit in the exponent"));
}

TEST_CASE("jsonl error: bad strings name line and column") {
    CHECK(ErrorOf("{\"a\":\"open}") ==
          "line 1, column 6: a string opened here never closes (strings end on the line they start on)");
    CHECK(ErrorOf("{\"a\":\"x\\q\"}") ==
          "line 1, column 8: invalid escape \\q (JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)");
    CHECK(ErrorOf("{\"a\":\"x\\é\"}").starts_with("line 1, column 8: invalid escape \\é "));
    CHECK(ErrorOf("{\"a\":\"\\u12G4\"}") == "line 1, column 7: \\u must be followed by 4 hex digits");
    CHECK(ErrorOf("{\"a\":\"\\u12\"}") == "line 1, column 7: \\u must be followed by 4 hex digits");
    CHECK(ErrorOf("{\"a\":\"tab\there\"}") ==
          "line 1, column 10: a control character inside a string must be escaped (\\t, \\n or \\u00XX)");
}

TEST_CASE("jsonl error: a lone surrogate is refused with its position") {
    CHECK(ErrorOf("{\"a\":\"x\"}\n{\"a\":\"ab\\ud83d\"}") ==
          "line 2, column 9: lone surrogate \\ud83d "
          "(a high surrogate must be followed by a low one, \\uDC00–\\uDFFF)");
    CHECK(ErrorOf("{\"a\":\"\\ud83d\\u0041\"}").starts_with("line 1, column 7: lone surrogate \\ud83d"));
    CHECK(ErrorOf("{\"a\":\"\\uDE00\"}") ==
          "line 1, column 7: lone surrogate \\uDE00 (a low surrogate must follow a high one, \\uD800–\\uDBFF)");
}

TEST_CASE("jsonl error: a line that is not an object says what it is instead") {
    CHECK(ErrorOf("{\"a\":1}\n[1,2]\n") == "line 2: a JSON Lines record must be an object, not an array");
    CHECK(ErrorOf("\"text\"") == "line 1: a JSON Lines record must be an object, not a string");
    CHECK(ErrorOf("  42") == "line 1: a JSON Lines record must be an object, not a number");
    CHECK(ErrorOf("null") == "line 1: a JSON Lines record must be an object, not null");
    CHECK(ErrorOf("\n\nhello") == "line 3, column 1: expected a JSON object ('{'): each line holds one record");
}

TEST_CASE("jsonl: nesting up to 64 levels is read, deeper is an error with its position") {
    // The record is level 1, so 63 arrays inside it make 64 levels.
    std::string ok = "{\"a\":" + std::string(63, '[') + std::string(63, ']') + "}";
    CHECK(OnlyValue(ok) == std::string(63, '[') + std::string(63, ']'));
    std::string deep = "{\"a\":" + std::string(64, '[') + std::string(64, ']') + "}";
    CHECK(ErrorOf(deep) == "line 1, column 69: objects and arrays nest deeper than 64 levels");
    // A hostile line far deeper stops at the limit instead of exhausting the stack.
    CHECK(ErrorOf("{\"a\":" + std::string(100000, '[')).starts_with("line 1, column 69: "));
}

TEST_CASE("jsonl: the text field is guessed by name, case-insensitively and in other languages") {
    std::vector<text::JsonRecord> records = {
        Record({{"title", "a long title, longer than the body"}, {"Body", "short"}})};
    CHECK(text::GuessTextField(records) == "Body");
    records = {Record({{"title", "a long title, longer than the text"}, {"Текст", "коротко"}})};
    CHECK(text::GuessTextField(records) == "Текст");
}

TEST_CASE("jsonl: without a text name the key with the longest average string wins; non-strings never do") {
    std::vector<text::JsonRecord> records = MustParse(
        R"({"id":"1","headline":"Short","summary":"A much longer summary of it",)"
        R"("tokens":["a","very","long","array","of","many","many","more","tokens","than","the","summary"]})"
        "\n"
        R"({"id":"2","headline":"Another","summary":"Longer again, still","n":12345678901234567890})");
    CHECK(text::GuessTextField(records) == "summary");
    // A name for text whose values are all empty loses to a filled key.
    records = {Record({{"text", ""}, {"note", "x"}}), Record({{"text", ""}, {"note", "y"}})};
    CHECK(text::GuessTextField(records) == "note");
}

TEST_CASE("jsonl: no string values means no text field") {
    CHECK(text::GuessTextField({}) == "");
    CHECK(text::GuessTextField(MustParse("{\"n\":1,\"a\":[\"long string inside an array\"]}")) == "");
}

}  // TEST_SUITE
