// Synthetic reuse cases (synthetic.h): sentences from ICU, draws from PCG32, word edits on tokenizer words.
// Documents are segmented only when a draw first picks them, so 50 cases from the State of the Union segment
// about a hundred speeches, not all of them.
#include "analysis/compare/synthetic.h"

#include <algorithm>
#include <utility>

#include "analysis/topics/rng.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace analysis::compare {
namespace {

using analysis::topics::Rng;

bool IsSpaceAt(std::string_view s, size_t i, size_t* width) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') return *width = 1, true;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return *width = 2, true;
    return false;
}

// `r` without leading and trailing white space (ASCII and U+00A0).
OffsetRange Trim(std::string_view text, OffsetRange r) {
    size_t width = 0;
    while (r.begin < r.end && IsSpaceAt(text, r.begin, &width)) r.begin += uint32_t(width);
    while (r.begin < r.end) {
        if (IsSpaceAt(text, r.end - 1, &width) && width == 1) { --r.end; continue; }
        if (r.end - r.begin >= 2 && IsSpaceAt(text, r.end - 2, &width) && width == 2) { r.end -= 2; continue; }
        break;
    }
    return r;
}

// ICU's sentences of `text`, trimmed, empty ones left out.
std::vector<OffsetRange> SplitSentences(text::Segmenter& segmenter, std::string_view text) {
    std::vector<OffsetRange> out;
    segmenter.Reset(text);
    text::Segment s;
    while (segmenter.Next(&s)) {
        OffsetRange r = Trim(text, {s.byte_offset, s.byte_offset + s.byte_length});
        if (r.length() > 0) out.push_back(r);
    }
    return out;
}

std::string_view Slice(std::string_view text, OffsetRange r) { return text.substr(r.begin, r.length()); }

// A word of document B's sentence `sentence` for a replacement, different (as a normal form) from `avoid`;
// empty if that sentence has none.
std::string PickWord(std::string_view sentence, const std::string& avoid, Rng& rng) {
    std::vector<text::Token> tokens = text::Tokenize(sentence);
    std::vector<const text::Token*> letters;
    for (const text::Token& t : tokens)
        if (t.word_class == text::WordClass::Letter && t.norm != avoid) letters.push_back(&t);
    if (letters.empty()) return {};
    const text::Token* t = letters[rng.NextBelow(uint32_t(letters.size()))];
    return std::string(sentence.substr(t->byte_offset, t->byte_length));
}

// Appends the text between two words; after a dropped word it keeps one space where two would meet ("a  b")
// and none before punctuation ("a ,").
void AppendGap(std::string_view gap, bool after_drop, std::string* out) {
    if (after_drop && !out->empty() && out->back() == ' ' && !gap.empty()) {
        if (gap.front() == ' ') gap.remove_prefix(1);
        else out->pop_back();
    }
    out->append(gap);
}

// `passage` with each word edited with probability percent/100: replaced by a word of B, dropped, or doubled.
std::string EditWords(std::string_view passage, uint32_t percent, std::string_view b,
                      const std::vector<OffsetRange>& b_sentences, Rng& rng, uint32_t* words, uint32_t* edited) {
    std::vector<text::Token> tokens = text::Tokenize(passage);
    *words = uint32_t(tokens.size());
    *edited = 0;
    std::string out;
    uint32_t pos = 0;
    bool dropped = false;   // the last word was dropped: the gap after it loses one space
    for (const text::Token& t : tokens) {
        AppendGap(passage.substr(pos, t.byte_offset - pos), dropped, &out);
        dropped = false;
        std::string_view word = passage.substr(t.byte_offset, t.byte_length);
        pos = t.byte_offset + t.byte_length;
        if (rng.NextBelow(100) >= percent) { out.append(word); continue; }
        ++*edited;
        switch (rng.NextBelow(3)) {
            case 0: {
                std::string replacement;
                for (int attempt = 0; attempt < 8 && replacement.empty(); ++attempt)
                    replacement = PickWord(Slice(b, b_sentences[rng.NextBelow(uint32_t(b_sentences.size()))]), t.norm, rng);
                if (replacement.empty()) out.append(word).append(" ").append(word);   // B had no other word
                else out.append(replacement);
                break;
            }
            case 1:
                dropped = true;
                break;
            default:
                out.append(word).append(" ").append(word);
                break;
        }
    }
    AppendGap(passage.substr(pos), dropped, &out);
    return out;
}

}  // namespace

const char* ObfuscationName(Obfuscation obfuscation) {
    switch (obfuscation) {
        case Obfuscation::Verbatim: return "verbatim";
        case Obfuscation::Light: return "light";
        case Obfuscation::Heavy: return "heavy";
    }
    return "?";
}

std::vector<SyntheticCase> MakeSyntheticCases(const std::vector<std::string_view>& documents,
                                              const SyntheticOptions& options) {
    std::vector<SyntheticCase> cases;
    const uint32_t n = uint32_t(documents.size());
    const uint32_t min_sentences = std::max(1u, options.min_sentences);
    const uint32_t max_sentences = std::max(min_sentences, options.max_sentences);
    if (n < 2 || options.count == 0) return cases;
    uint32_t percent = options.edit_percent;
    if (percent == 0) percent = options.obfuscation == Obfuscation::Light ? 10 : options.obfuscation == Obfuscation::Heavy ? 30 : 0;
    if (options.obfuscation == Obfuscation::Verbatim) percent = 0;

    Rng rng(options.seed, 0x636f6d70617265ULL);   // stream "compare": independent of the topic model's draws
    text::Segmenter segmenter(text::SegmentKind::Sentence);
    std::vector<std::vector<OffsetRange>> sentences(n);
    std::vector<bool> segmented(n, false);
    auto sentences_of = [&](uint32_t d) -> const std::vector<OffsetRange>& {
        if (!segmented[d]) sentences[d] = SplitSentences(segmenter, documents[d]), segmented[d] = true;
        return sentences[d];
    };

    // Every draw that fails (a short document, a passage of few words) is drawn again; the cap keeps a corpus
    // of nothing but short documents from looping for ever.
    const uint64_t max_attempts = uint64_t(options.count) * 64 + 64;
    for (uint64_t attempt = 0; attempt < max_attempts && cases.size() < options.count; ++attempt) {
        uint32_t a = rng.NextBelow(n);
        uint32_t b = rng.NextBelow(n - 1);
        if (b >= a) ++b;
        const std::vector<OffsetRange>& sa = sentences_of(a);
        const std::vector<OffsetRange>& sb = sentences_of(b);
        if (sa.size() < max_sentences + 1 || sb.size() < max_sentences + 1) continue;
        uint32_t k = min_sentences + rng.NextBelow(max_sentences - min_sentences + 1);
        uint32_t first = rng.NextBelow(uint32_t(sa.size()) - k + 1);
        OffsetRange source{sa[first].begin, sa[first + k - 1].end};
        std::string_view passage = Slice(documents[a], source);
        if (text::Tokenize(passage).size() < options.min_words) continue;
        uint32_t slot = rng.NextBelow(uint32_t(sb.size()) + 1);   // before sentence `slot`, or at the end
        std::string_view doc_b = documents[b];

        SyntheticCase c;
        c.obfuscation = options.obfuscation;
        c.source_doc = a;
        c.target_doc = b;
        c.source = source;
        c.sentences = k;
        std::string copy;
        if (options.obfuscation == Obfuscation::Heavy && k >= 2) {
            std::vector<uint32_t> order(k);
            for (uint32_t i = 0; i < k; ++i) order[i] = first + i;
            for (uint32_t i = k - 1; i > 0; --i) std::swap(order[i], order[rng.NextBelow(i + 1)]);   // Fisher–Yates
            bool unchanged = true;
            for (uint32_t i = 0; i < k; ++i) unchanged = unchanged && order[i] == first + i;
            if (unchanged) std::swap(order[0], order[1]);
            for (uint32_t i = 0; i < k; ++i) {
                if (i > 0) copy += ' ';
                copy.append(Slice(documents[a], sa[order[i]]));
            }
        } else {
            copy.assign(passage);
        }
        if (percent > 0) copy = EditWords(copy, percent, doc_b, sb, rng, &c.words, &c.words_edited);
        else c.words = uint32_t(text::Tokenize(copy).size());

        c.insert_at = slot < sb.size() ? sb[slot].begin : uint32_t(doc_b.size());
        std::string_view before = doc_b.substr(0, c.insert_at), after = doc_b.substr(c.insert_at);
        size_t width = 0;
        bool need_space_before = !before.empty() && !IsSpaceAt(before, before.size() - 1, &width) &&
                                 !(before.size() >= 2 && IsSpaceAt(before, before.size() - 2, &width) && width == 2);
        c.text.reserve(doc_b.size() + copy.size() + 2);
        c.text.append(before);
        if (need_space_before) c.text += ' ';
        c.inserted.begin = uint32_t(c.text.size());
        c.text.append(copy);
        c.inserted.end = uint32_t(c.text.size());
        if (!after.empty()) c.text += ' ';
        c.text.append(after);
        cases.push_back(std::move(c));
    }
    return cases;
}

}  // namespace analysis::compare
