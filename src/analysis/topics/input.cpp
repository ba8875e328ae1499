// TopicCorpusBuilder: the stopword and frequency rules over the store's token sequences, and chunking. See
// input.h for the rules and their order. Every per-word table is a vector indexed by store term id, and every
// list the builder outputs is sorted with an explicit tie-break, so the result depends only on the input.
#include "analysis/topics/input.h"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <utility>

#include "text/stopwords.h"
#include "text/tokenizer.h"

namespace analysis::topics {

TopicCorpusBuilder::TopicCorpusBuilder(InputSettings settings, const std::vector<std::string>* terms)
    : Settings(std::move(settings)), Terms(terms) {
    assert(Terms);
    for (const std::string& entry : Settings.user_stopwords)
        for (const text::Token& t : text::Tokenize(entry)) UserStops.push_back(text::StraightApostrophes(t.norm));
    std::sort(UserStops.begin(), UserStops.end());
    UserStops.erase(std::unique(UserStops.begin(), UserStops.end()), UserStops.end());
    for (const std::string& lang : Settings.stop_langs) StopLangMask |= text::StopwordLanguageBit(lang);
    size_t n = Terms->size();
    TermFlags.assign(n, 0);
    TermLangs.assign(n, 0);
    Freq.assign(n, 0);
    DocFreq.assign(n, 0);
    StopFreq.assign(n, 0);
    LastDoc.assign(n, 0);
}

// Decides once per term what the document-independent rules say about it.
void TopicCorpusBuilder::Classify(uint32_t term) {
    const std::string& word = (*Terms)[term];
    uint8_t flags = kClassified;
    if (!text::HasLetter(word) || text::CodePoints(word) < Settings.min_word_chars) flags |= kNotWord;
    uint32_t langs = text::StopwordLanguages(word);
    TermLangs[term] = static_cast<uint16_t>(langs);
    if (langs & StopLangMask) flags |= kStopEverywhere;
    if (!UserStops.empty() && std::binary_search(UserStops.begin(), UserStops.end(), text::StraightApostrophes(word)))
        flags |= kStopEverywhere;
    TermFlags[term] = flags;
}

void TopicCorpusBuilder::Count(std::string_view lang, std::span<const uint32_t> sequence) {
    assert(!Planned);
    uint16_t doc_lang = Settings.builtin_stopwords ? static_cast<uint16_t>(text::StopwordLanguageBit(lang)) : 0;
    DocLangs.push_back(doc_lang);
    SeenLangs |= doc_lang;
    // A document of unknown language is counted apart: which list it loses is known only after pass 1.
    bool unknown = Settings.builtin_stopwords && doc_lang == 0;
    if (unknown && UnknownFreq.empty()) {
        UnknownFreq.assign(Terms->size(), 0);
        UnknownDocFreq.assign(Terms->size(), 0);
    }
    std::vector<uint32_t>& freq = unknown ? UnknownFreq : Freq;
    std::vector<uint32_t>& doc_freq = unknown ? UnknownDocFreq : DocFreq;
    const uint32_t stamp = static_cast<uint32_t>(DocLangs.size());
    for (uint32_t term : sequence) {
        if (term >= TermFlags.size()) continue;
        if (!(TermFlags[term] & kClassified)) Classify(term);
        uint8_t flags = TermFlags[term];
        if (flags & kNotWord) continue;
        if ((flags & kStopEverywhere) || (TermLangs[term] & doc_lang)) {
            ++StopFreq[term];
            continue;
        }
        ++freq[term];
        if (LastDoc[term] != stamp) {
            LastDoc[term] = stamp;
            ++doc_freq[term];
        }
    }
}

void TopicCorpusBuilder::Plan() {
    assert(!Planned);
    Planned = true;
    const uint32_t n = static_cast<uint32_t>(Terms->size());
    if (!UnknownFreq.empty()) {
        for (uint32_t t = 0; t < n; ++t) {
            if (UnknownFreq[t] == 0) continue;
            if (TermLangs[t] & SeenLangs) {
                StopFreq[t] += UnknownFreq[t];
            } else {
                Freq[t] += UnknownFreq[t];
                DocFreq[t] += UnknownDocFreq[t];
            }
        }
    }
    UnknownFreq = {};
    UnknownDocFreq = {};
    LastDoc = {};

    const std::vector<std::string>& terms = *Terms;
    // Most frequent first, ties by the word's bytes, then by term id (equal words under two ids).
    auto by_count = [&terms](const std::vector<uint32_t>& count) {
        return [&terms, &count](uint32_t a, uint32_t b) {
            if (count[a] != count[b]) return count[a] > count[b];
            if (terms[a] != terms[b]) return terms[a] < terms[b];
            return a < b;
        };
    };
    std::vector<uint32_t> stopped, candidates;
    for (uint32_t t = 0; t < n; ++t) {
        if (StopFreq[t] > 0) stopped.push_back(t);
        if (Freq[t] == 0) continue;
        if (DocFreq[t] < static_cast<uint32_t>(std::max(Settings.min_doc_freq, 0))) ++DroppedList.rare;
        else candidates.push_back(t);
    }
    std::sort(stopped.begin(), stopped.end(), by_count(StopFreq));
    for (uint32_t t : stopped) DroppedList.stopwords.push_back(terms[t]);
    std::sort(candidates.begin(), candidates.end(), by_count(Freq));
    size_t drop = std::min(candidates.size(), static_cast<size_t>(std::max(Settings.drop_most_frequent, 0)));
    for (size_t i = 0; i < drop; ++i) DroppedList.most_frequent.push_back(terms[candidates[i]]);
    candidates.erase(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(drop));

    // Vocabulary ids in the words' byte order; equal words (should the store hold two ids) share one.
    std::sort(candidates.begin(), candidates.end(), [&terms](uint32_t a, uint32_t b) {
        return terms[a] != terms[b] ? terms[a] < terms[b] : a < b;
    });
    VocabOf.assign(n, kNone);
    for (uint32_t t : candidates) {
        if (Corpus.vocab.empty() || Corpus.vocab.back() != terms[t]) Corpus.vocab.push_back(terms[t]);
        VocabOf[t] = Corpus.VocabSize() - 1;
        Kept += Freq[t];
    }
    Corpus.vocab_df.assign(Corpus.vocab.size(), 0);
    VocabLastDoc.assign(Corpus.vocab.size(), 0);
    Corpus.chunk_start = {0};
}

void TopicCorpusBuilder::Add(int64_t doc_id, std::span<const uint32_t> sequence) {
    assert(Planned && Added < DocLangs.size());
    assert(Corpus.doc_ids.empty() || doc_id > Corpus.doc_ids.back());
    uint16_t doc_lang = DocLangs[Added++];
    uint32_t lang_mask = Settings.builtin_stopwords ? (doc_lang ? doc_lang : SeenLangs) : 0;
    const size_t start = Corpus.tokens.size();
    const uint32_t doc_index = static_cast<uint32_t>(Corpus.doc_ids.size());
    for (size_t p = 0; p < sequence.size(); ++p) {
        uint32_t term = sequence[p];
        if (term >= VocabOf.size() || VocabOf[term] == kNone || (TermLangs[term] & lang_mask)) continue;
        uint32_t word = VocabOf[term];
        Corpus.tokens.push_back(word);
        Corpus.token_position.push_back(static_cast<uint32_t>(p));
        if (VocabLastDoc[word] != doc_index + 1) {
            VocabLastDoc[word] = doc_index + 1;
            ++Corpus.vocab_df[word];
        }
    }
    const size_t n = Corpus.tokens.size() - start;
    if (n == 0) return;   // nothing left of this document: not part of the model
    Corpus.doc_ids.push_back(doc_id);
    // Chunks of chunk_words; a tail shorter than half a chunk joins the chunk before it.
    const size_t size = Settings.chunk_words > 0 ? static_cast<size_t>(Settings.chunk_words) : n;
    const size_t full = std::max<size_t>(n / size, 1), tail = n > size ? n % size : 0;
    for (size_t k = 1; k < full; ++k) {
        Corpus.chunk_start.push_back(static_cast<uint32_t>(start + k * size));
        Corpus.chunk_doc.push_back(doc_index);
    }
    if (tail > 0 && tail * 2 >= size) {
        Corpus.chunk_start.push_back(static_cast<uint32_t>(start + full * size));
        Corpus.chunk_doc.push_back(doc_index);
    }
    Corpus.chunk_start.push_back(static_cast<uint32_t>(start + n));
    Corpus.chunk_doc.push_back(doc_index);
}

TopicCorpus TopicCorpusBuilder::Finish() {
    assert(Planned);
    return std::move(Corpus);
}

const TopicCorpusBuilder::Dropped& TopicCorpusBuilder::DroppedWords() const { return DroppedList; }

size_t TopicCorpusBuilder::KeptTokens() const { return Kept; }

}  // namespace analysis::topics
