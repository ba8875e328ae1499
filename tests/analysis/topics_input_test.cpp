// The topic model's input: built-in stopwords by each document's language (and unknown languages), the
// user's own words folded like the tokenizer, word shapes, minimum document frequency, the most frequent
// words, chunking with a merged tail, vocabulary order, token positions and the Dropped lists.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "analysis/topics/input.h"
#include "text/tokenizer.h"

namespace {

using analysis::topics::InputSettings;
using analysis::topics::TopicCorpus;
using analysis::topics::TopicCorpusBuilder;

struct Doc { int64_t id; std::string lang, text; };

// Stands in for the store's term table and token sequences: term ids in order of first occurrence, id 0
// unused (as "" in the store's table).
struct Sequences {
    std::vector<std::string> terms{""};
    std::vector<std::vector<uint32_t>> docs;
    explicit Sequences(const std::vector<Doc>& list) {
        std::map<std::string, uint32_t> ids;
        for (const Doc& d : list) {
            std::vector<uint32_t> seq;
            for (const text::Token& t : text::Tokenize(d.text)) {
                auto [it, added] = ids.emplace(t.norm, static_cast<uint32_t>(terms.size()));
                if (added) terms.push_back(t.norm);
                seq.push_back(it->second);
            }
            docs.push_back(std::move(seq));
        }
    }
};

struct Built {
    TopicCorpus corpus;
    TopicCorpusBuilder::Dropped dropped;
    size_t kept = 0;
};

Built Build(const std::vector<Doc>& docs, InputSettings settings) {
    Sequences s(docs);
    TopicCorpusBuilder b(std::move(settings), &s.terms);
    for (size_t i = 0; i < docs.size(); ++i) b.Count(docs[i].lang, s.docs[i]);
    b.Plan();
    Built out;
    out.dropped = b.DroppedWords();
    out.kept = b.KeptTokens();
    for (size_t i = 0; i < docs.size(); ++i) b.Add(docs[i].id, s.docs[i]);
    out.corpus = b.Finish();
    return out;
}

// Document `d`'s words, in order.
std::vector<std::string> Words(const TopicCorpus& c, size_t d) {
    std::vector<std::string> words;
    for (size_t ch = 0; ch < c.Chunks(); ++ch)
        if (c.chunk_doc[ch] == d)
            for (uint32_t i = c.chunk_start[ch]; i < c.chunk_start[ch + 1]; ++i) words.push_back(c.vocab[c.tokens[i]]);
    return words;
}

using Strings = std::vector<std::string>;

InputSettings Loose() {   // no frequency rules, no chunking: each test turns on what it checks
    InputSettings s;
    s.min_doc_freq = 1;
    s.chunk_words = 0;
    return s;
}

}  // namespace

TEST_SUITE("analysis") {

TEST_CASE("topic input drops each document's own language's stopwords, and all seen languages' for unknown ones") {
    Built b = Build({{1, "en", "The soldiers die in the war and the peace."},
                     {2, "de-AT", "Die Soldaten und der Krieg."},
                     {3, "", "THE war, die Soldaten!"}},
                    Loose());
    REQUIRE(b.corpus.Documents() == 3);
    CHECK(Words(b.corpus, 0) == Strings{"soldiers", "die", "war", "peace"});   // English «die» is a word
    CHECK(Words(b.corpus, 1) == Strings{"soldaten", "krieg"});
    CHECK(Words(b.corpus, 2) == Strings{"soldaten"});   // loses the en and de lists: German «war» is «was»
    CHECK(b.corpus.doc_ids == std::vector<int64_t>{1, 2, 3});
    CHECK(b.kept == b.corpus.tokens.size());
    // Most removed first: «the» 4 times, «die» twice (German and unknown), then one each by word.
    CHECK(b.dropped.stopwords == Strings{"the", "die", "and", "der", "in", "und", "war"});

    // Built-in lists off: only the user's words go; stop_langs apply to every document.
    InputSettings off = Loose();
    off.builtin_stopwords = false;
    off.stop_langs = {"de"};
    Built o = Build({{1, "en", "The soldiers die in the war."}, {2, "de", "Die Soldaten und der Krieg."}}, off);
    CHECK(Words(o.corpus, 0) == Strings{"the", "soldiers", "the"});   // German «die», «in», «war»
    CHECK(Words(o.corpus, 1) == Strings{"soldaten", "krieg"});
}

TEST_CASE("topic input folds the user's stopwords like the tokenizer and drops words without letters or too short") {
    InputSettings s = Loose();
    s.builtin_stopwords = false;
    s.user_stopwords = {"WAR", "Straße", "don't", "  "};
    Built b = Build({{5, "en", "War on the Strasse in 1990, x y the 1990s: don\u2019t ΤΗΣ."}}, s);
    CHECK(Words(b.corpus, 0) == Strings{"on", "the", "in", "the", "1990s", "τησ"});
    CHECK(b.dropped.stopwords == Strings{"don\u2019t", "strasse", "war"});   // one each: by word

    s.min_word_chars = 3;
    CHECK(Words(Build({{5, "en", "on the war ΤΗΣ"}}, s).corpus, 0) == Strings{"the", "τησ"});
}

TEST_CASE("topic input applies the minimum document frequency, then drops the most frequent words") {
    InputSettings s = Loose();
    s.min_doc_freq = 2;
    std::vector<Doc> docs = {{1, "en", "tax tax tax budget army navy"},
                             {2, "en", "tax budget budget army"},
                             {3, "en", "tax navy army treaty"}};
    Built b = Build(docs, s);
    CHECK(b.dropped.rare == 1);   // treaty
    CHECK(b.dropped.rare_count_only.empty());
    CHECK(b.corpus.vocab == Strings{"army", "budget", "navy", "tax"});   // byte order
    CHECK(b.corpus.vocab_df == std::vector<uint32_t>{3, 2, 2, 3});
    CHECK(b.kept == 13);

    s.drop_most_frequent = 2;   // tax (5), then army and budget (3 each): army by word
    Built d = Build(docs, s);
    CHECK(d.dropped.most_frequent == Strings{"tax", "army"});
    CHECK(d.corpus.vocab == Strings{"budget", "navy"});
    CHECK(Words(d.corpus, 1) == Strings{"budget", "budget"});
    CHECK(d.kept == 5);

    // A document left without words is not in the corpus; positions point into the stored sequence.
    s.drop_most_frequent = 0;
    Built e = Build({{1, "en", "tax budget"}, {2, "en", "the of and treaty"}, {4, "en", "and the tax budget"}}, s);
    CHECK(e.corpus.doc_ids == std::vector<int64_t>{1, 4});
    CHECK(e.corpus.chunk_doc == std::vector<uint32_t>{0, 1});
    CHECK(e.corpus.token_position == std::vector<uint32_t>{0, 1, 2, 3});
}

TEST_CASE("topic input splits long documents into chunks, a short tail joining the chunk before") {
    auto numbered = [](int words) {   // «w001 w002 …»: distinct words, so positions are easy to check
        std::string text;
        for (int i = 1; i <= words; ++i) text += "w" + std::to_string(1000 + i) + " ";
        return text;
    };
    InputSettings s = Loose();
    s.chunk_words = 10;
    struct Case { int words; std::vector<uint32_t> starts; };
    for (const Case& c : {Case{25, {0, 10, 20, 25}}, Case{24, {0, 10, 24}}, Case{13, {0, 13}}, Case{16, {0, 10, 16}},
                          Case{10, {0, 10}}, Case{4, {0, 4}}, Case{30, {0, 10, 20, 30}}}) {
        Built b = Build({{7, "en", numbered(c.words)}}, s);
        CAPTURE(c.words);
        CHECK(b.corpus.chunk_start == c.starts);
        CHECK(b.corpus.chunk_doc == std::vector<uint32_t>(c.starts.size() - 1, 0));
    }
    // Two documents: chunks stay with their document; positions skip the dropped words.
    Built b = Build({{1, "en", numbered(16)}, {2, "en", "the " + numbered(5)}}, s);
    CHECK(b.corpus.chunk_start == std::vector<uint32_t>{0, 10, 16, 21});
    CHECK(b.corpus.chunk_doc == std::vector<uint32_t>{0, 0, 1});
    CHECK(b.corpus.token_position[16] == 1);
    CHECK(b.corpus.token_position.size() == b.corpus.tokens.size());
}

}  // TEST_SUITE
