// CSV/TSV import: RFC 4180 quoting, the leniencies real exports need, delimiter detection, errors that say
// where, and the text-column guess.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/csv.h"

namespace {
using Row = std::vector<std::string>;

// Parses text that must be valid, failing the test with the parser's message otherwise.
text::CsvTable MustParse(std::string_view csv, const text::CsvOptions& options = {}) {
    core::Result<text::CsvTable> table = text::ParseCsv(csv, options);
    INFO(table.status().message());
    REQUIRE(table.ok());
    return *table;
}

std::string ErrorOf(std::string_view csv, const text::CsvOptions& options = {}) {
    core::Result<text::CsvTable> table = text::ParseCsv(csv, options);
    REQUIRE_FALSE(table.ok());
    CHECK(table.status().code() == core::StatusCode::InvalidInput);
    return table.status().message();
}
}  // namespace

TEST_SUITE("text") {

TEST_CASE("csv: the first record is the header, the others are rows with their line numbers") {
    text::CsvTable t = MustParse("id,title,text\n1,One,first\n2,Two,second\n");
    CHECK(t.delimiter == ',');
    CHECK(t.header == Row{"id", "title", "text"});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0] == Row{"1", "One", "first"});
    CHECK(t.rows[1] == Row{"2", "Two", "second"});
    CHECK(t.row_lines == std::vector<int>{2, 3});
}

TEST_CASE("csv import keeps quoted newlines, delimiters and doubled quotes") {
    text::CsvTable t = MustParse("id,text\n"
                                 "1,\"Hello, world\"\n"
                                 "2,\"He said \"\"no\"\".\"\n"
                                 "3,\"line one\nline two\"\n"
                                 "4,after\n");
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[0][1] == "Hello, world");
    CHECK(t.rows[1][1] == "He said \"no\".");
    CHECK(t.rows[2][1] == "line one\nline two");
    CHECK(t.rows[3] == Row{"4", "after"});
    CHECK(t.row_lines == std::vector<int>{2, 3, 4, 6});  // the quoted newline moved row 4 down a line
}

TEST_CASE("csv: an empty quoted field and a quoted empty header are kept as empty strings") {
    text::CsvTable t = MustParse("\"\",b\n\"\",x\n");
    CHECK(t.header == Row{"", "b"});
    CHECK(t.rows == std::vector<Row>{{"", "x"}});
}

TEST_CASE("csv: CRLF ends records and inside quotes becomes a plain newline") {
    text::CsvTable t = MustParse("id,text\r\n1,\"a\r\nb\"\r\n2,c\r\n");
    CHECK(t.header == Row{"id", "text"});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][1] == "a\nb");
    CHECK(t.rows[1] == Row{"2", "c"});  // no stray '\r' in the last field
    CHECK(t.row_lines == std::vector<int>{2, 4});
}

TEST_CASE("csv: a lone CR (old Mac exports) also ends a record") {
    text::CsvTable t = MustParse("a,b\r1,2\r");
    CHECK(t.rows == std::vector<Row>{{"1", "2"}});
}

TEST_CASE("csv: a UTF-8 BOM is skipped, so the first header name is clean") {
    text::CsvTable t = MustParse("\xEF\xBB\xBFtext,date\nhello,2020\n");
    CHECK(t.header == Row{"text", "date"});
}

TEST_CASE("csv: the final newline is optional") {
    text::CsvTable t = MustParse("a,b\n1,2");
    CHECK(t.rows == std::vector<Row>{{"1", "2"}});
    text::CsvTable quoted = MustParse("a,b\n1,\"2\"");
    CHECK(quoted.rows == std::vector<Row>{{"1", "2"}});
}

TEST_CASE("csv: blank and space-only lines are skipped but do not shift line numbers") {
    text::CsvTable t = MustParse("\n\na,b\n\n1,2\n   \n\r\n3,4\n\n");
    CHECK(t.header == Row{"a", "b"});
    CHECK(t.rows == std::vector<Row>{{"1", "2"}, {"3", "4"}});
    CHECK(t.row_lines == std::vector<int>{5, 8});
}

TEST_CASE("csv: short rows are padded with empty strings to the header's width") {
    text::CsvTable t = MustParse("a,b,c\n1\n1,2\n1,2,\n");
    CHECK(t.rows == std::vector<Row>{{"1", "", ""}, {"1", "2", ""}, {"1", "2", ""}});
}

TEST_CASE("csv: a quote inside an unquoted field is literal text") {
    text::CsvTable t = MustParse("size,name\n5\",floppy \"disk\"\n");
    CHECK(t.rows == std::vector<Row>{{"5\"", "floppy \"disk\""}});
}

TEST_CASE("csv: spaces around a quoted field are layout, spaces in an unquoted one are content") {
    text::CsvTable t = MustParse("a,b,c\n  \"x, y\"  , z ,\"w\"\n");
    CHECK(t.rows == std::vector<Row>{{"x, y", " z ", "w"}});
}

TEST_CASE("csv: the delimiter is detected: comma, semicolon, tab and pipe") {
    CHECK(MustParse("a,b,c\n1,2,3\n").delimiter == ',');
    text::CsvTable semicolon = MustParse("name;value\nx;1,5\ny;2,25\n");  // decimal commas, as in European exports
    CHECK(semicolon.delimiter == ';');
    CHECK(semicolon.rows == std::vector<Row>{{"x", "1,5"}, {"y", "2,25"}});
    text::CsvTable tab = MustParse("id\ttext\n1\tHello, world; again\n");
    CHECK(tab.delimiter == '\t');
    CHECK(tab.rows == std::vector<Row>{{"1", "Hello, world; again"}});
    CHECK(MustParse("a|b\n1|2\n").delimiter == '|');
}

TEST_CASE("csv: detection ignores delimiters inside quotes") {
    // Counting raw characters would see three semicolons per line here and pick ';'.
    text::CsvTable t = MustParse("id,text\n1,\"a;b;c;d\"\n2,\"e;f;g;h\"\n");
    CHECK(t.delimiter == ',');
    CHECK(t.rows[0][1] == "a;b;c;d");
}

TEST_CASE("csv: detection rejects a delimiter that gives a row more fields than the header") {
    // By the header alone ',' splits into 3 columns and '\t' into 2, but the row shows commas are text.
    text::CsvTable t = MustParse("id\tauthor, year, place\nA1\tSmith, 1999, revised, 2004\n");
    CHECK(t.delimiter == '\t');
    CHECK(t.rows == std::vector<Row>{{"A1", "Smith, 1999, revised, 2004"}});
}

TEST_CASE("csv: detection discards a delimiter under which the rows do not parse") {
    // By the header ';' gives 3 columns and ',' 2, but under ';' the row has text after a closing quote.
    text::CsvTable t = MustParse("a;b;c,d\n\"x\",y\n");
    CHECK(t.delimiter == ',');
    CHECK(t.rows == std::vector<Row>{{"x", "y"}});
}

TEST_CASE("csv: detection works when its 64 KB sample ends inside a long quoted field") {
    std::string paragraph;
    while (paragraph.size() < 6000) paragraph += "Words, and more words; line\nafter line. ";
    std::string tsv = "id\ttext\n";
    for (int i = 0; i < 30; ++i) tsv += std::to_string(i) + "\t\"" + paragraph + "\"\n";
    text::CsvTable t = MustParse(tsv);
    CHECK(t.delimiter == '\t');
    REQUIRE(t.rows.size() == 30);
    CHECK(t.rows[29][1] == paragraph);
}

TEST_CASE("csv: a one-column file reads as one column, and a given delimiter is used as is") {
    text::CsvTable one = MustParse("text\nHello world\n");
    CHECK(one.header == Row{"text"});
    CHECK(one.rows == std::vector<Row>{{"Hello world"}});
    text::CsvOptions semicolon;
    semicolon.delimiter = ';';
    text::CsvTable t = MustParse("a,b;c\n1,2;3\n", semicolon);
    CHECK(t.delimiter == ';');
    CHECK(t.header == Row{"a,b", "c"});
}

TEST_CASE("csv: Cyrillic and other UTF-8 content passes through unchanged") {
    text::CsvTable t = MustParse("заголовок;текст\n«Новости»;\"Сергей Лавров заявил; «да»\"\n");
    CHECK(t.delimiter == ';');
    CHECK(t.header == Row{"заголовок", "текст"});
    CHECK(t.rows == std::vector<Row>{{"«Новости»", "Сергей Лавров заявил; «да»"}});
}

TEST_CASE("csv error: an unterminated quote names the line it reached and the line it opened on") {
    CHECK(ErrorOf("id,text\n1,ok\n2,\"opens here\nand\nnever closes\n") ==
          "line 5: unterminated quote (the field opened on line 3 never closes)");
    CHECK(ErrorOf("a,b\n1,\"x") == "line 2: unterminated quote (the field that opens here never closes)");
}

TEST_CASE("csv error: a row with more fields than the header names its line and both counts") {
    // Line 6: the blank line and the quoted newline both count.
    CHECK(ErrorOf("a,b,c,d\n1,2,3,4\n\n\"x\ny\",2\n1,2,3,4,5,6,7\n") == "line 6: 7 fields, but the header has 4");
}

TEST_CASE("csv error: text after a closing quote names its line") {
    CHECK(ErrorOf("a,b\n1,2\n3,\"quoted\" tail\n") ==
          "line 3: text after a closing quote (inside a quoted field, write a quote as \"\")");
    // On the line where the quoted field closes, not where it opened.
    CHECK(ErrorOf("a,b\n1,\"x\ny\"z\n").starts_with("line 3: text after a closing quote"));
}

TEST_CASE("csv error: empty input has no header row") {
    CHECK(ErrorOf("") == "no header row (the file is empty)");
    CHECK(ErrorOf("\xEF\xBB\xBF\r\n\n  \n") == "no header row (the file is empty)");
}

TEST_CASE("csv error: the column and field size limits are enforced with the line") {
    text::CsvOptions narrow;
    narrow.max_columns = 3;
    CHECK(ErrorOf("a,b\n1,2,3,4\n", narrow) == "line 2: more than 3 fields (is the delimiter right?)");
    text::CsvOptions small;
    small.max_field_bytes = 4;
    CHECK(ErrorOf("a,b\n1,\"12345\"\n", small) ==
          "line 2: a field is longer than 4 bytes (a quote that never closes can cause this)");
    CHECK(ErrorOf("a,b\n1,12345\n", small).starts_with("line 2: a field is longer than 4 bytes"));
}

TEST_CASE("csv: the text column is guessed by its header name, case-insensitively and in other languages") {
    text::CsvTable t;
    t.header = {"title", "long_notes", "Text"};
    t.rows = {{"A", "a much longer value than the text", "short"}};
    CHECK(text::GuessTextColumn(t) == 2);
    t.header = {"title", "long_notes", "ТЕКСТ"};
    CHECK(text::GuessTextColumn(t) == 2);
    t.header = {"title", "long_notes", "texte"};
    CHECK(text::GuessTextColumn(t) == 2);
    t.header = {"title", "long_notes", "Speech Text"};  // the last word is a text name
    CHECK(text::GuessTextColumn(t) == 2);
}

TEST_CASE("csv: an exact text name beats a last-word match, and a filled column beats an empty named one") {
    text::CsvTable t;
    t.header = {"full_text", "body"};
    t.rows = {{"a longer value", "short"}};
    CHECK(text::GuessTextColumn(t) == 1);
    t.header = {"text", "notes"};
    t.rows = {{"", "something"}, {"", "else"}};
    CHECK(text::GuessTextColumn(t) == 1);
}

TEST_CASE("csv: without a text name the column with the longest average value, in letters, wins") {
    text::CsvTable t;
    t.header = {"id", "title", "notes"};
    t.rows = {{"1", "Short", "A longer paragraph of text"}, {"2", "Another title", "More"}};
    CHECK(text::GuessTextColumn(t) == 2);
    // 6 Cyrillic letters are 12 bytes; by bytes "сергей" would beat "abcdefghij".
    t.header = {"a", "b"};
    t.rows = {{"сергей", "abcdefghij"}};
    CHECK(text::GuessTextColumn(t) == 1);
}

TEST_CASE("csv: no columns means no text column") {
    CHECK(text::GuessTextColumn(text::CsvTable{}) == -1);
}

TEST_CASE("csv: text field names are scored exact, last word, or not at all") {
    CHECK(text::TextFieldNameScore(" Body ") == 2);
    CHECK(text::TextFieldNameScore("Текст") == 2);
    CHECK(text::TextFieldNameScore("FLIESSTEXT") == 2);
    CHECK(text::TextFieldNameScore("Fließtext") == 2);
    CHECK(text::TextFieldNameScore("clean-body") == 1);
    CHECK(text::TextFieldNameScore("text_id") == 0);
    CHECK(text::TextFieldNameScore("title") == 0);
    CHECK(text::TextFieldNameScore("") == 0);
}

}  // TEST_SUITE
