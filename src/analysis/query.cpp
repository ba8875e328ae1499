// The query language: a lexer and a recursive-descent parser that turn what a user typed into a QueryNode
// tree, metadata filters and an FTS5 MATCH expression in which every term is quoted. Running the query is
// search.cpp's job; the grammar and the error messages are documented for users in docs/QUERIES.md.
//
//     query   := or
//     or      := and ("OR" and)*
//     and     := unary (["AND"] unary)*           juxtaposition is AND
//     unary   := ("NOT" | "-") primary | primary
//     primary := WORD | "PHRASE" | "(" or ")" | NEAR(pattern… [, N]) | FIELD:value
#include "analysis/query.h"

#include <algorithm>
#include <cstdlib>

#include "text/tokenizer.h"

namespace analysis {

namespace {

enum class TokKind { Word, Phrase, LParen, RParen, Comma, Or, And, Not, Near, Minus, Field, End };

struct Tok {
    TokKind kind = TokKind::End;
    std::string_view text;      // Word: the run without trailing '*'; Phrase: between the quotes; Field: the name
    size_t byte_offset = 0;     // where the token starts in the query
    bool prefix = false;        // Word / Phrase ending in '*'
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The 1-based character (code point) column of a byte offset: what an error message shows.
size_t Column(std::string_view query, size_t byte_offset) {
    size_t column = 1;
    for (size_t i = 0; i < byte_offset && i < query.size(); ++i)
        if ((static_cast<unsigned char>(query[i]) & 0xC0) != 0x80) ++column;
    return column;
}

bool EqualsIgnoringAsciiCase(std::string_view a, std::string_view b) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [&](char x, char y) { return lower(x) == lower(y); });
}

// The fields every corpus has; a corpus's extra fields come with QueryOptions::fields.
constexpr const char* kFixedFields[] = {"title", "source", "lang", "year", "author", "url"};

// The stored name of the field `name` (field names are case-insensitive): a fixed field's lower-case name,
// else the extra field's name as stored; "" when there is no such field. Fixed fields win over extra fields
// of the same name (a CSV's "year" column is the date import read, which year: filters by).
std::string FieldName(std::string_view name, const std::vector<std::string>& extra) {
    for (const char* fixed : kFixedFields)
        if (EqualsIgnoringAsciiCase(name, fixed)) return fixed;
    for (const std::string& field : extra)
        if (EqualsIgnoringAsciiCase(name, field)) return field;
    return "";
}

// "title:, source:, lang:, year:, author:, url:, president: and party:" — for the unknown-field message.
std::string FieldList(const std::vector<std::string>& extra) {
    std::vector<std::string> names(std::begin(kFixedFields), std::end(kFixedFields));
    for (const std::string& field : extra)
        if (FieldName(field, {}).empty() && std::find(names.begin(), names.end(), field) == names.end()) names.push_back(field);
    std::string list;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) list += i + 1 == names.size() ? " and " : ", ";
        list += names[i] + ":";
    }
    return list;
}

core::Status QueryError(std::string message) { return core::Error(core::StatusCode::InvalidInput, std::move(message)); }

std::string ColumnText(std::string_view query, size_t byte_offset) {
    return "column " + std::to_string(Column(query, byte_offset));
}

// The length of a field name starting at q[i] and followed by ':': ASCII letters (known or not, so a typo is
// reported), or any other run of characters that names one of the corpus's extra fields ("first_name",
// "партия"); 0 when no field starts there.
size_t FieldNameLength(std::string_view q, size_t i, const std::vector<std::string>& extra) {
    size_t letters = i;
    while (letters < q.size() && IsAsciiLetter(q[letters])) ++letters;
    if (letters > i && letters < q.size() && q[letters] == ':') return letters - i;
    size_t end = i;
    while (end < q.size() && !IsSpace(q[end]) && q[end] != ':' && q[end] != '"' && q[end] != '(' && q[end] != ')') ++end;
    if (end == i || end == q.size() || q[end] != ':') return 0;
    std::string_view name = q.substr(i, end - i);
    for (const std::string& field : extra)
        if (EqualsIgnoringAsciiCase(name, field)) return end - i;
    return 0;
}

// Splits the query into tokens. Operators are upper-case words (OR, AND, NOT; NEAR only when '(' follows it
// directly); a field is a name (FieldNameLength) and a single ':' with something right after it
// ("tokio::spawn" and "10:30" are words); '-' starting a token excludes what follows it; ',' is a token only
// inside NEAR(…).
core::Status Lex(std::string_view q, const std::vector<std::string>& extra, std::vector<Tok>* out) {
    size_t i = 0;
    bool near_pending = false, in_near = false, after_field = false;
    while (i < q.size()) {
        char c = q[i];
        if (IsSpace(c)) { ++i; after_field = false; continue; }
        Tok tok;
        tok.byte_offset = i;
        bool was_after_field = after_field;
        after_field = false;
        if (c == '(') {
            tok.kind = TokKind::LParen;
            in_near = near_pending;
            near_pending = false;
            ++i;
        } else if (c == ')') {
            tok.kind = TokKind::RParen;
            in_near = false;
            ++i;
        } else if (c == ',' && in_near) {
            tok.kind = TokKind::Comma;
            ++i;
        } else if (c == '"') {
            size_t close = q.find('"', i + 1);
            if (close == std::string_view::npos)
                return QueryError("unbalanced quote: the phrase starting at " + ColumnText(q, i) +
                                  " has no closing quote");
            tok.kind = TokKind::Phrase;
            tok.text = q.substr(i + 1, close - i - 1);
            i = close + 1;
            if (!tok.text.empty() && tok.text.back() == '*') { tok.prefix = true; tok.text.remove_suffix(1); }
            if (i < q.size() && q[i] == '*') { tok.prefix = true; ++i; }
        } else if (c == '-' && !was_after_field) {
            if (i + 1 == q.size() || IsSpace(q[i + 1]) || q[i + 1] == ')')
                return QueryError("a '-' at " + ColumnText(q, i) +
                                  " excludes the word right after it: write -oil (no space), or drop the '-'");
            tok.kind = TokKind::Minus;
            ++i;
        } else {
            size_t letters = i + FieldNameLength(q, i, extra);
            bool colon = letters > i && !was_after_field;
            bool at_end = letters + 1 >= q.size() || IsSpace(q[letters + 1]);
            if (colon && at_end && !FieldName(q.substr(i, letters - i), extra).empty())
                return QueryError("nothing after '" + std::string(q.substr(i, letters + 1 - i)) + "' at " +
                                  ColumnText(q, i) + ": write the value right after the colon, e.g. title:lavrov, "
                                  "title:\"a phrase\" or year:1990..2000");
            if (colon && !at_end && q[letters + 1] != ':') {
                tok.kind = TokKind::Field;
                tok.text = q.substr(i, letters - i);
                i = letters + 1;
                after_field = true;
            } else {
                size_t end = i;
                while (end < q.size() && !IsSpace(q[end]) && q[end] != '(' && q[end] != ')' && q[end] != '"' &&
                       !(in_near && q[end] == ','))
                    ++end;
                std::string_view run = q.substr(i, end - i);
                i = end;
                tok.kind = TokKind::Word;
                if (!was_after_field && run == "OR") tok.kind = TokKind::Or;
                else if (!was_after_field && run == "AND") tok.kind = TokKind::And;
                else if (!was_after_field && run == "NOT") tok.kind = TokKind::Not;
                else if (run == "NEAR" && i < q.size() && q[i] == '(') { tok.kind = TokKind::Near; near_pending = true; }
                while (!run.empty() && run.back() == '*') { tok.prefix = true; run.remove_suffix(1); }
                tok.text = run;
            }
        }
        out->push_back(tok);
    }
    Tok end;
    end.byte_offset = q.size();
    out->push_back(end);
    return core::Status::Ok();
}

// A metadata filter met while parsing; applied to the whole query once parsing succeeds.
struct PendingFilter {
    std::string field;          // "source", "lang", "year", "author", "url" or an extra field's stored name
    size_t byte_offset = 0;     // of the field name, for errors
    std::string value;          // all but year
    int year_from = 0, year_to = 0;
};

// A parsed (sub)expression: a node, or nothing when it held only filters.
struct Expr {
    bool has_node = false;
    QueryNode node;
    std::vector<PendingFilter> filters;
};

// Where a subexpression stands: inside title:(…) every pattern is title-only; under NOT its patterns are
// not highlighted and filters are refused.
struct Scope {
    bool title = false;
    bool negated = false;
};

bool IsComposite(const QueryNode& node) {
    return node.kind == QueryNodeKind::And || node.kind == QueryNodeKind::Or || node.kind == QueryNodeKind::Not;
}

class Parser {
public:
    Parser(std::string_view query, const std::vector<Tok>& toks, ParsedQuery* out)
        : Query(query), Toks(toks), Out(out), Folded({.fold_case = true}), Exact({.fold_case = false}) {}

    core::Status Parse() {
        if (!Folded.valid() || !Exact.valid())
            return core::Error(core::StatusCode::Internal, "the word tokenizer is unavailable (ICU data missing)");
        if (Peek().kind == TokKind::End) return QueryError("type a word to search for");
        Expr expr;
        if (core::Status s = ParseOr(Scope{}, &expr); !s.ok()) return s;
        if (Peek().kind == TokKind::RParen)
            return QueryError("unexpected ')' at " + ColumnText(Query, Peek().byte_offset) +
                              ": there is no '(' before it to close");
        assert(Peek().kind == TokKind::End);
        for (const PendingFilter& f : expr.filters) {
            if (f.field == "source") Out->sources.push_back(f.value);
            else if (f.field == "lang") Out->langs.push_back(f.value);
            else if (f.field != "year") Out->fields.push_back({f.field, f.value});
            else {
                // Several year: filters narrow each other.
                if (f.year_from) Out->year_from = std::max(Out->year_from, f.year_from);
                if (f.year_to) Out->year_to = Out->year_to ? std::min(Out->year_to, f.year_to) : f.year_to;
            }
        }
        if (Out->year_from && Out->year_to && Out->year_from > Out->year_to)
            return QueryError("the year: filters leave no year: " + std::to_string(Out->year_from) + " is after " +
                              std::to_string(Out->year_to));
        Out->has_root = expr.has_node;
        if (expr.has_node) Out->root = std::move(expr.node);
        return core::Status::Ok();
    }

private:
    const Tok& Peek() const { return Toks[Pos]; }
    const Tok& Next() { return Toks[Pos < Toks.size() - 1 ? Pos++ : Pos]; }
    std::string At(const Tok& tok) const { return ColumnText(Query, tok.byte_offset); }

    static bool StartsOperand(TokKind kind) {
        return kind == TokKind::Word || kind == TokKind::Phrase || kind == TokKind::LParen || kind == TokKind::Not ||
               kind == TokKind::Minus || kind == TokKind::Field || kind == TokKind::Near;
    }

    core::Status ParseOr(Scope scope, Expr* out) {
        std::vector<Expr> alternatives(1);
        if (core::Status s = ParseAnd(scope, &alternatives.back()); !s.ok()) return s;
        while (Peek().kind == TokKind::Or) {
            const Tok& op = Next();
            if (!StartsOperand(Peek().kind) && Peek().kind != TokKind::And)
                return QueryError("OR at " + At(op) + " needs a word after it");
            alternatives.emplace_back();
            if (core::Status s = ParseAnd(scope, &alternatives.back()); !s.ok()) return s;
        }
        if (alternatives.size() == 1) { *out = std::move(alternatives[0]); return core::Status::Ok(); }
        out->has_node = true;
        out->node.kind = QueryNodeKind::Or;
        for (Expr& alt : alternatives) {
            if (!alt.filters.empty())
                return QueryError(alt.filters[0].field + ": at " + ColumnText(Query, alt.filters[0].byte_offset) +
                                  " filters the whole query, so it cannot be one side of an OR; move it out of the OR");
            out->node.children.push_back(std::move(alt.node));
        }
        return core::Status::Ok();
    }

    core::Status ParseAnd(Scope scope, Expr* out) {
        std::vector<QueryNode> kept, excluded;
        size_t first_excluded_offset = 0;
        bool any = false;
        for (;;) {
            TokKind kind = Peek().kind;
            if (kind == TokKind::And) {
                const Tok& op = Next();
                if (!any) return QueryError("AND at " + At(op) + " needs a word before it");
                if (!StartsOperand(Peek().kind)) return QueryError("AND at " + At(op) + " needs a word after it");
                kind = Peek().kind;
            }
            if (!StartsOperand(kind)) break;
            size_t offset = Peek().byte_offset;
            bool negative = false;
            Expr item;
            if (core::Status s = ParseUnary(scope, &item, &negative); !s.ok()) return s;
            any = true;
            for (PendingFilter& f : item.filters) out->filters.push_back(std::move(f));
            if (!item.has_node) continue;
            if (negative) {
                if (excluded.empty()) first_excluded_offset = offset;
                excluded.push_back(std::move(item.node));
            } else {
                kept.push_back(std::move(item.node));
            }
        }
        if (!any) return MissingOperand();
        if (!excluded.empty() && kept.empty())
            return QueryError("the query only excludes (at " + ColumnText(Query, first_excluded_offset) +
                              "): add a word to search for, e.g. sanctions -oil");
        if (kept.empty()) return core::Status::Ok();  // only filters
        out->has_node = true;
        QueryNode positive;
        if (kept.size() == 1) positive = std::move(kept[0]);
        else { positive.kind = QueryNodeKind::And; positive.children = std::move(kept); }
        if (excluded.empty()) { out->node = std::move(positive); return core::Status::Ok(); }
        QueryNode negative;
        if (excluded.size() == 1) negative = std::move(excluded[0]);
        else { negative.kind = QueryNodeKind::Or; negative.children = std::move(excluded); }
        out->node.kind = QueryNodeKind::Not;
        out->node.children.push_back(std::move(positive));
        out->node.children.push_back(std::move(negative));
        return core::Status::Ok();
    }

    // The error for a place where a word was expected but something else (or nothing) stands.
    core::Status MissingOperand() {
        const Tok& tok = Peek();
        switch (tok.kind) {
        case TokKind::Or: return QueryError("OR at " + At(tok) + " needs a word before it");
        case TokKind::RParen:
            return QueryError("unexpected ')' at " + At(tok) + ": there is nothing before it to close");
        case TokKind::End: return QueryError("type a word to search for");
        default: return QueryError("unexpected '" + std::string(tok.text) + "' at " + At(tok));
        }
    }

    core::Status ParseUnary(Scope scope, Expr* out, bool* negative) {
        const Tok& tok = Peek();
        if (tok.kind != TokKind::Not && tok.kind != TokKind::Minus) return ParsePrimary(scope, out);
        Next();
        const char* what = tok.kind == TokKind::Not ? "NOT" : "'-'";
        if (!StartsOperand(Peek().kind) || Peek().kind == TokKind::Not || Peek().kind == TokKind::Minus)
            return QueryError(std::string(what) + " at " + At(tok) + " needs a word after it");
        *negative = true;
        scope.negated = true;
        if (core::Status s = ParsePrimary(scope, out); !s.ok()) return s;
        if (!out->filters.empty())
            return QueryError(out->filters[0].field + ": at " + ColumnText(Query, out->filters[0].byte_offset) +
                              " cannot be excluded with " + what + " (filters keep documents, they do not remove them)");
        return core::Status::Ok();
    }

    core::Status ParsePrimary(Scope scope, Expr* out) {
        const Tok& tok = Peek();
        if (!StartsOperand(tok.kind) || tok.kind == TokKind::Not || tok.kind == TokKind::Minus) return MissingOperand();
        Next();
        switch (tok.kind) {
        case TokKind::Word:
        case TokKind::Phrase: {
            out->has_node = true;
            return MakePattern(tok, scope, &out->node);
        }
        case TokKind::LParen: {
            if (Peek().kind == TokKind::RParen) return QueryError("empty parentheses at " + At(tok));
            // The parser recurses per level (the wasm stack is small) and FTS5's own parser has a fixed depth.
            if (++Depth > kMaxDepth)
                return QueryError("too many nested parentheses at " + At(tok) + " (at most " +
                                  std::to_string(kMaxDepth) + " levels)");
            if (core::Status s = ParseOr(scope, out); !s.ok()) return s;
            --Depth;
            if (Peek().kind != TokKind::RParen) return QueryError("missing ')' for the '(' at " + At(tok));
            Next();
            return core::Status::Ok();
        }
        case TokKind::Near: return ParseNear(tok, scope, out);
        case TokKind::Field: return ParseField(tok, scope, out);
        default: return MissingOperand();
        }
    }

    core::Status ParseNear(const Tok& near, Scope scope, Expr* out) {
        Next();  // '(' (the lexer made NEAR an operator only when '(' follows it)
        QueryNode node;
        node.kind = QueryNodeKind::Near;
        for (;;) {
            const Tok& tok = Peek();
            if (tok.kind == TokKind::Word || tok.kind == TokKind::Phrase) {
                Next();
                node.children.emplace_back();
                if (core::Status s = MakePattern(tok, scope, &node.children.back()); !s.ok()) return s;
                continue;
            }
            if (tok.kind == TokKind::Comma || tok.kind == TokKind::RParen) break;
            if (tok.kind == TokKind::End) return QueryError("missing ')' for the NEAR( at " + At(near));
            return QueryError("NEAR( at " + At(near) + " takes only words, phrases and prefixes, e.g. " +
                              "NEAR(russia europe, 10); found something else at " + At(tok));
        }
        if (node.children.empty())
            return QueryError("empty NEAR() at " + At(near) + ": put two or more words in it, e.g. NEAR(russia europe, 10)");
        if (node.children.size() < 2)
            return QueryError("NEAR( at " + At(near) + " needs two or more words or phrases, e.g. NEAR(russia europe, 10)");
        if (Peek().kind == TokKind::Comma) {
            const Tok& comma = Next();
            const Tok& number = Peek();
            bool digits = number.kind == TokKind::Word && !number.prefix && !number.text.empty() &&
                          number.text.size() <= 5 &&
                          std::all_of(number.text.begin(), number.text.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (!digits)
                return QueryError("bad NEAR distance at " + At(number.kind == TokKind::End ? comma : number) +
                                  ": after the comma give a number of words, e.g. NEAR(russia europe, 10)");
            node.near_distance = std::atoi(std::string(number.text).c_str());
            Next();
        }
        if (Peek().kind != TokKind::RParen) return QueryError("missing ')' for the NEAR( at " + At(near));
        Next();
        out->has_node = true;
        out->node = std::move(node);
        return core::Status::Ok();
    }

    core::Status ParseField(const Tok& field, Scope scope, Expr* out) {
        std::string name = FieldName(field.text, Out->options.fields);
        const Tok& value = Peek();
        if (name == "title") {
            scope.title = true;
            if (value.kind == TokKind::Word || value.kind == TokKind::Phrase || value.kind == TokKind::LParen ||
                value.kind == TokKind::Near)
                return ParsePrimary(scope, out);
            return QueryError("title: at " + At(field) + " needs a word, \"a phrase\" or (…) right after the colon");
        }
        if (name.empty()) {
            size_t end = field.byte_offset;
            while (end < Query.size() && !IsSpace(Query[end])) ++end;
            return QueryError("unknown field '" + std::string(field.text) + ":' at " + At(field) + ": the fields are " +
                              FieldList(Out->options.fields) + " (to search for the words, put them in quotes: \"" +
                              std::string(Query.substr(field.byte_offset, end - field.byte_offset)) + "\")");
        }
        if (scope.title)
            return QueryError(name + ": at " + At(field) + " cannot stand inside title:(…)");
        PendingFilter filter;
        filter.field = name;
        filter.byte_offset = field.byte_offset;
        const std::string example = name == "source" ? "source:tass or source:\"new york times\""
                                    : name == "lang"   ? "lang:en"
                                    : name == "author" ? "author:\"john smith\""
                                    : name == "url"    ? "url:kremlin.ru"
                                                       : name + ":something or " + name + ":\"two words\"";
        if (value.kind != TokKind::Word && value.kind != TokKind::Phrase) {
            if (name == "year") return BadYear(field);
            return QueryError(name + ": at " + At(field) + " needs a value right after the colon, e.g. " + example);
        }
        Next();
        std::string text(value.text);
        if (value.prefix && value.kind == TokKind::Word) text += '*';
        if (name != "lang" && name != "year") {
            if (text.find_first_not_of(" \t\r\n") == std::string::npos)
                return QueryError(name + ": at " + At(field) + " needs a value, e.g. " + example);
            filter.value = text;
        } else if (name == "lang") {
            bool ok = !text.empty() && text.size() <= 35 && std::all_of(text.begin(), text.end(), [](char c) {
                return IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-';
            });
            if (!ok) return QueryError("lang: at " + At(field) + " takes a language code such as en, ru or pt-BR");
            std::transform(text.begin(), text.end(), text.begin(),
                           [](char c) { return IsAsciiLetter(c) ? static_cast<char>(c | 0x20) : c; });
            filter.value = text;
        } else if (core::Status s = ParseYear(field, text, &filter); !s.ok()) {
            return s;
        }
        out->filters.push_back(std::move(filter));
        return core::Status::Ok();
    }

    core::Status BadYear(const Tok& field) {
        return QueryError("bad year at " + At(field) +
                          ": write year:2001, year:1990..2000, year:>=1990 or year:<=1990");
    }

    // year:2001, year:1990..2000 or year:1990-2000 (either end may be left open), year:>=1990, year:>1990,
    // year:<=1990, year:<1990.
    core::Status ParseYear(const Tok& field, std::string_view text, PendingFilter* filter) {
        auto parse = [](std::string_view s, int* year) {
            if (s.empty() || s.size() > 4) return false;
            for (char c : s) if (c < '0' || c > '9') return false;
            *year = std::atoi(std::string(s).c_str());
            return *year > 0;
        };
        int from = 0, to = 0;
        bool ok = false;
        size_t dots = text.find(".."), dots_length = 2;
        if (dots == std::string_view::npos) { dots = text.find('-'); dots_length = 1; }
        if (dots != std::string_view::npos) {
            std::string_view a = text.substr(0, dots), b = text.substr(dots + dots_length);
            ok = (a.empty() || parse(a, &from)) && (b.empty() || parse(b, &to)) && !(a.empty() && b.empty());
        } else if (text.starts_with(">=")) {
            ok = parse(text.substr(2), &from);
        } else if (text.starts_with("<=")) {
            ok = parse(text.substr(2), &to);
        } else if (text.starts_with(">")) {
            ok = parse(text.substr(1), &from);
            if (ok) ++from;
        } else if (text.starts_with("<")) {
            ok = parse(text.substr(1), &to) && to > 1;
            if (ok) --to;
        } else {
            ok = parse(text, &from);
            to = from;
        }
        if (!ok) return BadYear(field);
        if (from && to && from > to)
            return QueryError("bad year range at " + At(field) + ": " + std::to_string(from) + " is after " +
                              std::to_string(to) + " (write the earlier year first)");
        filter->year_from = from;
        filter->year_to = to;
        return core::Status::Ok();
    }

    // A word, prefix or phrase from a Word or Phrase token, in the tokenizer's folded form (what the index
    // holds). A word the tokenizer splits ("tokio::spawn", "e-mail") becomes a phrase of its tokens.
    core::Status MakePattern(const Tok& tok, Scope scope, QueryNode* node) {
        std::string_view raw = tok.text;
        if (tok.kind == TokKind::Word && (raw.empty() || raw.front() == '*'))
            return QueryError("a '*' at " + At(tok) + " can only end a word: lavr* finds lavrov, lavrova …");
        if (tok.kind == TokKind::Phrase && raw.find_first_not_of(" \t\r\n") == std::string_view::npos)
            return QueryError("empty phrase at " + At(tok));
        node->kind = QueryNodeKind::Pattern;
        node->pattern.title_only = scope.title;
        if (!Tokens(&Folded, raw, &node->pattern, tok.prefix)) {
            return QueryError((tok.kind == TokKind::Phrase ? "the phrase at " : "'" + std::string(raw) + "' at ") +
                              At(tok) + " holds no word to search for (punctuation and symbols are not indexed)");
        }
        if (scope.negated) return core::Status::Ok();
        if (!Out->options.exact_case) { Out->patterns.push_back(node->pattern); return core::Status::Ok(); }
        HitPattern exact;
        exact.title_only = scope.title;
        Tokens(&Exact, raw, &exact, tok.prefix);
        Out->patterns.push_back(std::move(exact));
        return core::Status::Ok();
    }

    // The tokens of `raw` as pattern words; false when there are none.
    static bool Tokens(text::Tokenizer* tokenizer, std::string_view raw, HitPattern* pattern, bool prefix) {
        tokenizer->Reset(raw);
        text::Token token;
        while (tokenizer->Next(&token)) pattern->words.push_back({token.norm, false});
        if (pattern->words.empty()) return false;
        pattern->words.back().prefix = prefix;
        return true;
    }

    static constexpr int kMaxDepth = 20;

    std::string_view Query;
    const std::vector<Tok>& Toks;
    size_t Pos = 0;
    int Depth = 0;              // parentheses open around the current token
    ParsedQuery* Out;
    text::Tokenizer Folded, Exact;
};

// ---- compiling to FTS5 ------------------------------------------------------------------------------------

void AppendQuoted(const HitPattern& pattern, std::string* out) {
    *out += '"';
    for (size_t i = 0; i < pattern.words.size(); ++i) {
        if (i) *out += ' ';
        for (char c : pattern.words[i].norm) {
            if (c == '"') *out += '"';  // FTS5 string escape: a doubled quote
            *out += c;
        }
    }
    *out += '"';
    if (!pattern.words.empty() && pattern.words.back().prefix) *out += " *";
}

bool AllTitle(const QueryNode& node) {
    if (node.kind == QueryNodeKind::Pattern) return node.pattern.title_only;
    for (const QueryNode& child : node.children) if (!AllTitle(child)) return false;
    return true;
}

void Emit(const QueryNode& node, bool in_title, std::string* out);

// A child of AND/OR/NOT: composite children get parentheses (unless a title filter already wraps them).
void EmitOperand(const QueryNode& node, bool in_title, std::string* out) {
    bool parens = IsComposite(node) && (in_title || !AllTitle(node));
    if (parens) *out += '(';
    Emit(node, in_title, out);
    if (parens) *out += ')';
}

void Emit(const QueryNode& node, bool in_title, std::string* out) {
    if (!in_title && AllTitle(node)) {
        // title: as an FTS5 column filter over the largest subtree that is all title.
        *out += "title : ";
        if (IsComposite(node)) *out += '(';
        Emit(node, true, out);
        if (IsComposite(node)) *out += ')';
        return;
    }
    switch (node.kind) {
    case QueryNodeKind::Pattern: AppendQuoted(node.pattern, out); break;
    case QueryNodeKind::And:
    case QueryNodeKind::Or:
        for (size_t i = 0; i < node.children.size(); ++i) {
            if (i) *out += node.kind == QueryNodeKind::And ? " AND " : " OR ";
            EmitOperand(node.children[i], in_title, out);
        }
        break;
    case QueryNodeKind::Not:
        EmitOperand(node.children[0], in_title, out);
        *out += " NOT ";
        EmitOperand(node.children[1], in_title, out);
        break;
    case QueryNodeKind::Near:
        *out += "NEAR(";
        for (size_t i = 0; i < node.children.size(); ++i) {
            if (i) *out += ' ';
            AppendQuoted(node.children[i].pattern, out);
        }
        *out += ", " + std::to_string(node.near_distance) + ")";
        break;
    }
}

}  // namespace

core::Result<ParsedQuery> ParseQuery(std::string_view text, QueryOptions options) {
    ParsedQuery query;
    query.options = options;
    size_t start = 0;
    while (start < text.size() && IsSpace(text[start])) ++start;
    if (text.substr(start).starts_with("fts:")) {
        query.raw = true;
        query.match = std::string(text.substr(start + 4));
        if (query.match.find_first_not_of(" \t\r\n") == std::string::npos)
            return QueryError("type an FTS5 expression after fts:");
        return query;
    }
    std::vector<Tok> toks;
    if (core::Status s = Lex(text, query.options.fields, &toks); !s.ok()) return s;
    Parser parser(text, toks, &query);
    if (core::Status s = parser.Parse(); !s.ok()) return s;
    if (query.has_root) Emit(query.root, false, &query.match);
    return query;
}

}  // namespace analysis
