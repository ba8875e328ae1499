// Command dispatch, help texts and the tokenize command (the corpus commands are in corpus_commands.cpp).
#include "cli/cli.h"

#include <charconv>
#include <iostream>
#include <iterator>
#include <string_view>

#include "cli/commands.h"
#include "core/json.h"
#include "core/version.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace cli {

namespace {

struct Command {
    const char* name;
    const char* summary;
    const char* help;
    int (*run)(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err);
};

const Command kCommands[] = {
    {"tokenize", "split UTF-8 text from stdin into words (or sentences) with byte offsets",
     "usage: corpuslens tokenize [--sentences] [--json] < FILE\n"
     "\n"
     "Reads UTF-8 text on standard input and prints its words as Corpus Lens sees them: UAX #29 word\n"
     "segments holding letters, digits, kana or ideographs, with UTF-8 byte offsets [start, end) and the\n"
     "NFKC_Casefold normal form search and statistics use.\n"
     "\n"
     "  --sentences  print sentences (UAX #29) instead of words\n"
     "  --json       print one JSON object: {\"tokens\": [{\"start\", \"end\", \"text\", \"norm\"}…]}\n"
     "               or {\"sentences\": [{\"start\", \"end\", \"text\"}…]}\n"
     "\n"
     "Text output is one item per line: start, end, text, normal form, separated by tabs (newlines inside a\n"
     "sentence are shown as spaces).\n",
     RunTokenize},
    {"pack", "import files, folders or archives into a corpus database, printing the import report",
     "usage: corpuslens pack -o CORPUS.sqlite [options] PATH…\n"
     "\n"
     "Imports .txt/.md, .html/.htm, .csv/.tsv, .jsonl/.ndjson, .zip archives of those and any of them\n"
     "gzipped (.gz) (folders are read\n"
     "recursively, hidden files skipped) into a new corpus database: encodings detected, HTML reduced to text,\n"
     "titles, dates, sources and languages guessed, page furniture trimmed, duplicates skipped, everything\n"
     "indexed for search and word statistics. Prints what it did for each document and what it refused.\n"
     "\n"
     "  -o, --output FILE     the corpus to write (written whole or not at all)\n"
     "  --force               replace FILE if it exists\n"
     "  --name NAME           the corpus's name (default: the first PATH's name)\n"
     "  --encoding NAME       decode every file as NAME (utf-8, utf-16le, windows-1251, koi8-r, windows-1252)\n"
     "  --text-field NAME     the CSV column or JSON key that holds the text (default: guessed)\n"
     "  --no-trim             keep page furniture\n"
     "  --json                print the report as JSON\n",
     RunPack},
    {"info", "list the documents and metadata of a corpus database",
     "usage: corpuslens info CORPUS.sqlite [--json]\n"
     "\n"
     "Opens the corpus as an untrusted file (integrity-checked first) and lists its documents: id, date,\n"
     "source, language, word count and title; --json adds extra metadata fields.\n",
     RunInfo},
    {"search", "search a corpus database with the query language and print the best hits and counts",
     "usage: corpuslens search CORPUS.sqlite QUERY [--json] [--limit N] [--exact-case]\n"
     "\n"
     "Runs QUERY in the Search view's language (docs/QUERIES.md): words, \"exact phrases\", prefix*, OR, AND,\n"
     "NOT or -word, NEAR(a b, 10), (groups), title:, source:, lang:, year:1990..2000; \"fts:\" passes the rest\n"
     "to FTS5 as it is. Prints how many documents match, the best hits (id, bm25 score, title, and a snippet\n"
     "with the matches in [brackets]) and the matches per year and per source. A malformed query is reported\n"
     "with its column and exits with 1.\n"
     "\n"
     "  --limit N      hits to print (default 20; the count is always of all matches)\n"
     "  --exact-case   match case and accents as typed (slower: every candidate's text is checked)\n"
     "  --json         print one JSON object: {\"query\", \"match\", \"documents\", \"hits\": [{\"id\", \"title\",\n"
     "                 \"score\", \"snippet\"}…], \"by_year\", \"by_source\"} (snippet highlights as \\u0002 … \\u0003)\n",
     RunSearch},
    {"kwic", "print every hit of a query in context (keyword in context), sortable by nearby words",
     "usage: corpuslens kwic CORPUS.sqlite QUERY [--width N] [--sort KEYS] [--limit N] [--exact-case] [--json]\n"
     "\n"
     "Prints each hit of the query's words, phrases and prefixes in the texts of the matching documents as one\n"
     "line: the document id, the context to the left (right-aligned), the hit and the context to the right,\n"
     "white space collapsed so the hits form a column. QUERY is the search language: war, \"united states\",\n"
     "constitution*, war OR peace, year:1900..1950 … (title: and NOT words select documents, not hits).\n"
     "\n"
     "  --width N      characters of context on each side (default 60)\n"
     "  --sort KEYS    up to 3 comma-separated keys: L1 L2 L3 (the 1st, 2nd, 3rd word left of the hit),\n"
     "                 R1 R2 R3 (right of it), doc (document order, the default); ties in document order\n"
     "  --limit N      print the first N lines (after sorting)\n"
     "  --exact-case   match case and accents as typed\n"
     "  --json         print one JSON object: {\"hits\", \"lines\": [{\"doc_id\", \"title\", \"token_index\",\n"
     "                 \"byte_offset\", \"byte_length\", \"left\", \"hit\", \"right\"}…]} (offsets in UTF-8 bytes)\n",
     RunKwic},
    {"topics", "train a topic model (LDA) on a corpus database and print each topic's top words and share",
     "usage: corpuslens topics CORPUS.sqlite [-k N] [--seed N] [--iterations N] [--chunk N] [--stop LANG]\n"
     "                         [--stopwords WORDS] [--min-df N] [--drop-top N] [--words N] [--json] [--save NAME]\n"
     "\n"
     "Trains LDA by collapsed Gibbs sampling (SparseLDA, α and β re-estimated as MALLET does) on the corpus's\n"
     "words in text order, the same code and results as the app's Topics view: the same corpus, settings and\n"
     "seed give the same topics. Each document loses its language's stopwords (the lists of every language\n"
     "seen if its own is unknown); words without a letter, one-letter words and words in fewer than 2\n"
     "documents go too; long documents are split into chunks whose topic mixes roll up to the document.\n"
     "Prints each topic's share of the tokens, its α and its top words by probability, then Σα, β and the\n"
     "log-likelihood per token.\n"
     "\n"
     "  -k, --topics N   topics, 2 to 500 (default 20)\n"
     "  --seed N         the random seed (default 1)\n"
     "  --iterations N   Gibbs sweeps over every token (default 1000)\n"
     "  --chunk N        split documents into chunks of about N words (default 1000; 0: whole documents)\n"
     "  --stop LANGS     also apply these built-in lists to every document (en,ru,de,fr,es,it,el,uk), or\n"
     "                   'none' to turn off the lists of the documents' own languages\n"
     "  --stopwords W    your own stopwords, comma-separated (any case)\n"
     "  --min-df N       drop words in fewer than N documents (default 2)\n"
     "  --drop-top N     also drop the N most frequent words\n"
     "  --words N        top words printed per topic (default 10)\n"
     "  --json           print one JSON object: {\"documents\", \"chunks\", \"tokens\", \"vocabulary\", \"dropped\",\n"
     "                   \"k\", \"seed\", \"sweeps\", \"log_likelihood_per_token\", \"beta\", \"alpha_sum\",\n"
     "                   \"topics\": [{\"topic\", \"share\", \"alpha\", \"words\": [{\"word\", \"count\",\n"
     "                   \"probability\"}…]}…]}\n"
     "  --save NAME      store the model in the corpus under NAME (the app's Topics view opens it)\n",
     RunTopics},
};

const char* kUsage =
    "usage: corpuslens COMMAND [OPTIONS]\n"
    "       corpuslens --version | --help | help COMMAND\n"
    "\n"
    "Corpus Lens: text-corpus analysis. Commands:\n";

void PrintUsage(std::ostream& out) {
    out << kUsage;
    for (const Command& c : kCommands) out << "  " << c.name << std::string(12 - std::string_view(c.name).size(), ' ') << c.summary << '\n';
    out << "\nRun 'corpuslens COMMAND --help' for a command's options.\n";
}

const Command* FindCommand(std::string_view name) {
    for (const Command& c : kCommands) if (name == c.name) return &c;
    return nullptr;
}

std::string OneLine(std::string_view s) {
    std::string line(s);
    for (char& c : line) if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return line;
}

}  // namespace

bool ParseNumber(const std::string& s, int64_t min, int64_t max, int64_t* out) {
    int64_t value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || value < min || value > max) return false;
    *out = value;
    return true;
}

int RunTokenize(const Args& args, std::istream& in, std::ostream& out, std::ostream& err) {
    bool sentences = false, json = false;
    for (const std::string& a : args) {
        if (a == "--sentences") sentences = true;
        else if (a == "--json") json = true;
        else { err << "corpuslens tokenize: unknown option '" << a << "'\n" << FindCommand("tokenize")->help; return 2; }
    }
    std::string input((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (size_t bad = text::FindInvalidUtf8(input); bad != std::string_view::npos) {
        err << "corpuslens tokenize: standard input is not valid UTF-8 (first bad byte at offset " << bad
            << "); convert it first, e.g. with iconv -f WINDOWS-1251 -t UTF-8\n";
        return 1;
    }
    core::JsonWriter w;
    if (json) { w.BeginObject(); w.Key(sentences ? "sentences" : "tokens"); w.BeginArray(); }
    if (sentences) {
        text::Segmenter seg(text::SegmentKind::Sentence);
        if (!seg.valid()) { err << "corpuslens tokenize: ICU sentence rules are missing\n"; return 1; }
        seg.Reset(input);
        text::Segment s;
        while (seg.Next(&s)) {
            std::string_view sentence = std::string_view(input).substr(s.byte_offset, s.byte_length);
            uint32_t end = s.byte_offset + s.byte_length;
            if (json) {
                w.BeginObject();
                w.Key("start"); w.Int(s.byte_offset); w.Key("end"); w.Int(end); w.Key("text"); w.String(sentence);
                w.EndObject();
            } else {
                out << s.byte_offset << '\t' << end << '\t' << OneLine(sentence) << '\n';
            }
        }
    } else {
        text::Tokenizer tok;
        if (!tok.valid()) { err << "corpuslens tokenize: ICU word rules or normalisation data are missing\n"; return 1; }
        tok.Reset(input);
        text::Token t;
        while (tok.Next(&t)) {
            std::string_view surface = std::string_view(input).substr(t.byte_offset, t.byte_length);
            uint32_t end = t.byte_offset + t.byte_length;
            if (json) {
                w.BeginObject();
                w.Key("start"); w.Int(t.byte_offset); w.Key("end"); w.Int(end);
                w.Key("text"); w.String(surface); w.Key("norm"); w.String(t.norm);
                w.EndObject();
            } else {
                out << t.byte_offset << '\t' << end << '\t' << surface << '\t' << t.norm << '\n';
            }
        }
    }
    if (json) { w.EndArray(); w.EndObject(); out << w.str() << '\n'; }
    return 0;
}

int Run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
    if (args.empty()) { PrintUsage(err); return 2; }
    const std::string& first = args[0];
    if (first == "--version" || first == "version") {
        out << "corpuslens " << core::Version() << '\n';
        return 0;
    }
    if (first == "--help" || first == "-h") { PrintUsage(out); return 0; }
    if (first == "help") {
        if (args.size() < 2) { PrintUsage(out); return 0; }
        const Command* c = FindCommand(args[1]);
        if (!c) { err << "corpuslens: no command '" << args[1] << "'\n"; PrintUsage(err); return 2; }
        out << c->help;
        return 0;
    }
    const Command* c = FindCommand(first);
    if (!c) { err << "corpuslens: unknown command '" << first << "'\n\n"; PrintUsage(err); return 2; }
    std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const std::string& a : rest)
        if (a == "--help" || a == "-h") { out << c->help; return 0; }
    return c->run(rest, in, out, err);
}

}  // namespace cli
