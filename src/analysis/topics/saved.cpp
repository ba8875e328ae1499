// The saved-model format (saved.h): a byte writer and a bounds-checked reader of varints, doubles and strings.
#include "analysis/topics/saved.h"

#include <cstring>

#include "core/json.h"

namespace analysis::topics {

namespace {

constexpr char kMagic[4] = {'C', 'L', 'T', 'M'};

uint64_t Fnv1a(std::string_view bytes) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : bytes) {
        h ^= static_cast<uint8_t>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t ZigZag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

class Writer {
public:
    void Varint(uint64_t v) {
        while (v >= 0x80) {
            Out.push_back(static_cast<char>((v & 0x7f) | 0x80));
            v >>= 7;
        }
        Out.push_back(static_cast<char>(v));
    }
    void Fixed64(uint64_t v) {
        for (int i = 0; i < 8; ++i) Out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    }
    void Double(double d) {
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        Fixed64(bits);
    }
    void Bytes(std::string_view s) {
        Varint(s.size());
        Out.append(s);
    }
    void Strings(const std::vector<std::string>& list) {
        Varint(list.size());
        for (const std::string& s : list) Bytes(s);
    }
    void U32s(const std::vector<uint32_t>& list) {
        Varint(list.size());
        for (uint32_t v : list) Varint(v);
    }
    std::string Out;
};

// Reads what Writer wrote; the first failure sticks (every later read gives 0 or empty), so a caller checks
// `ok` once at the end of a section, as ICU's error chains do.
class Reader {
public:
    explicit Reader(std::string_view in) : In(in) {}
    uint64_t Varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (At >= In.size()) return Fail();
            const auto byte = static_cast<uint8_t>(In[At++]);
            v |= static_cast<uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return v;
        }
        return Fail();
    }
    uint32_t U32() {
        uint64_t v = Varint();
        return v > UINT32_MAX ? static_cast<uint32_t>(Fail()) : static_cast<uint32_t>(v);
    }
    int Int() { return static_cast<int>(UnZigZag(Varint())); }
    uint64_t Fixed64() {
        if (In.size() - At < 8) return Fail();
        uint64_t v = 0;
        for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(static_cast<uint8_t>(In[At + i])) << (8 * i);
        At += 8;
        return v;
    }
    double Double() {
        uint64_t bits = Fixed64();
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return d;
    }
    std::string Bytes() {
        uint64_t n = Varint();
        if (n > In.size() - At) { Fail(); return {}; }
        std::string s(In.substr(At, n));
        At += n;
        return s;
    }
    // A count of items each at least one byte long: never more than the bytes left (so a damaged count
    // cannot make us allocate gigabytes).
    size_t Count() {
        uint64_t n = Varint();
        if (n > In.size() - At) { Fail(); return 0; }
        return static_cast<size_t>(n);
    }
    std::vector<std::string> Strings() {
        std::vector<std::string> list(Count());
        for (std::string& s : list) s = Bytes();
        return list;
    }
    std::vector<uint32_t> U32s() {
        std::vector<uint32_t> list(Count());
        for (uint32_t& v : list) v = U32();
        return list;
    }
    bool ok = true;

private:
    uint64_t Fail() {
        ok = false;
        At = In.size();
        return 0;
    }
    std::string_view In;
    size_t At = 0;
};

core::Status Damaged(const std::string& what) {
    return core::Error(core::StatusCode::Corrupt, "this saved topic model is damaged (" + what + ")");
}

// Calls `visit(token index, first token of its document)` for each token in order; the chunks of a document
// are adjacent, so a document's tokens are one run.
template <typename Visit>
void ForEachToken(const TopicCorpus& c, Visit visit) {
    for (size_t chunk = 0; chunk < c.Chunks(); ++chunk) {
        const bool doc_start = chunk == 0 || c.chunk_doc[chunk] != c.chunk_doc[chunk - 1];
        for (uint32_t i = c.chunk_start[chunk]; i < c.chunk_start[chunk + 1]; ++i) visit(i, doc_start && i == c.chunk_start[chunk]);
    }
}

// The corpus's own invariants (corpus.h), so the model and the charts can index without checks.
core::Status CheckCorpus(const TopicCorpus& c) {
    if (c.vocab_df.size() != c.vocab.size()) return Damaged("vocabulary");
    if (c.chunk_start.size() != c.chunk_doc.size() + 1 || c.chunk_start.front() != 0 || c.chunk_start.back() != c.tokens.size())
        return Damaged("chunks");
    for (size_t i = 0; i + 1 < c.chunk_start.size(); ++i)
        if (c.chunk_start[i] > c.chunk_start[i + 1]) return Damaged("chunks");
    for (size_t i = 0; i < c.chunk_doc.size(); ++i)
        if (c.chunk_doc[i] >= c.doc_ids.size() || (i > 0 && c.chunk_doc[i] < c.chunk_doc[i - 1])) return Damaged("chunks");
    for (size_t i = 1; i < c.doc_ids.size(); ++i)
        if (c.doc_ids[i] <= c.doc_ids[i - 1]) return Damaged("document ids");
    for (uint32_t w : c.tokens)
        if (w >= c.vocab.size()) return Damaged("tokens");
    if (c.token_position.size() != c.tokens.size()) return Damaged("token positions");
    return core::Status::Ok();
}

}  // namespace

std::string SaveModel(const SavedModel& saved) {
    Writer w;
    w.Out.append(kMagic, sizeof kMagic);
    w.Varint(kSavedModelVersion);

    const TrainSettings& t = saved.train;
    w.Varint(static_cast<uint64_t>(t.topics));
    w.Varint(t.seed);
    w.Varint(static_cast<uint64_t>(t.sweeps));
    w.Double(t.alpha_sum);
    w.Double(t.beta);
    w.Varint(t.optimize ? 1 : 0);
    w.Varint(ZigZag(t.burn_in));
    w.Varint(ZigZag(t.optimize_interval));
    w.Varint(static_cast<uint64_t>(t.sampler));

    const InputSettings& in = saved.input;
    w.Varint(in.builtin_stopwords ? 1 : 0);
    w.Strings(in.stop_langs);
    w.Varint(ZigZag(in.drop_most_frequent));
    w.Varint(ZigZag(in.min_doc_freq));
    w.Strings(in.user_stopwords);
    w.Varint(ZigZag(in.chunk_words));
    w.Varint(ZigZag(in.min_word_chars));

    const TopicCorpus& c = saved.corpus;
    w.Strings(c.vocab);
    w.U32s(c.vocab_df);
    w.Varint(c.doc_ids.size());
    int64_t previous_id = 0;
    for (int64_t id : c.doc_ids) {
        w.Varint(ZigZag(id - previous_id));
        previous_id = id;
    }
    w.Varint(c.Chunks());
    for (size_t i = 0; i < c.Chunks(); ++i) {
        w.Varint(c.chunk_start[i + 1] - c.chunk_start[i]);
        w.Varint(c.chunk_doc[i]);
    }
    w.U32s(c.tokens);
    uint32_t previous_position = 0;
    ForEachToken(c, [&](uint32_t i, bool doc_start) {
        if (doc_start) previous_position = 0;
        w.Varint(ZigZag(static_cast<int64_t>(c.token_position[i]) - previous_position));
        previous_position = c.token_position[i];
    });

    w.Bytes(saved.model);
    w.Fixed64(Fnv1a(w.Out));
    return std::move(w.Out);
}

core::Result<SavedModel> LoadModel(std::string_view bytes) {
    if (bytes.size() < sizeof kMagic + 9 || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0)
        return core::Error(core::StatusCode::Corrupt, "this is not a saved topic model");
    Reader r(bytes.substr(sizeof kMagic));
    const uint64_t version = r.Varint();
    if (version > kSavedModelVersion)
        return core::Error(core::StatusCode::Unsupported,
                           "this model was saved by a newer Corpus Lens (format " + std::to_string(version) +
                               ", this version reads up to " + std::to_string(kSavedModelVersion) + ")");
    const std::string_view body = bytes.substr(0, bytes.size() - 8);
    Reader sum(bytes.substr(bytes.size() - 8));
    if (sum.Fixed64() != Fnv1a(body)) return Damaged("checksum");
    r = Reader(body.substr(sizeof kMagic));
    r.Varint();   // the version, read above

    SavedModel saved;
    TrainSettings& t = saved.train;
    t.topics = static_cast<int>(r.U32());
    t.seed = r.Varint();
    t.sweeps = static_cast<int>(r.U32());
    t.alpha_sum = r.Double();
    t.beta = r.Double();
    t.optimize = r.Varint() != 0;
    t.burn_in = r.Int();
    t.optimize_interval = r.Int();
    const uint64_t sampler = r.Varint();
    if (sampler > static_cast<uint64_t>(SamplerKind::Dense)) return Damaged("sampler");
    t.sampler = static_cast<SamplerKind>(sampler);

    InputSettings& in = saved.input;
    in.builtin_stopwords = r.Varint() != 0;
    in.stop_langs = r.Strings();
    in.drop_most_frequent = r.Int();
    in.min_doc_freq = r.Int();
    in.user_stopwords = r.Strings();
    in.chunk_words = r.Int();
    in.min_word_chars = r.Int();
    if (!r.ok) return Damaged("settings");

    TopicCorpus& c = saved.corpus;
    c.vocab = r.Strings();
    c.vocab_df = r.U32s();
    c.doc_ids.resize(r.Count());
    int64_t id = 0;
    for (int64_t& doc_id : c.doc_ids) doc_id = id += UnZigZag(r.Varint());
    const size_t chunks = r.Count();
    c.chunk_start.assign(1, 0);
    c.chunk_doc.resize(chunks);
    uint64_t at = 0;
    for (size_t i = 0; i < chunks; ++i) {
        at += r.Varint();
        if (at > UINT32_MAX) return Damaged("chunks");
        c.chunk_start.push_back(static_cast<uint32_t>(at));
        c.chunk_doc[i] = r.U32();
    }
    c.tokens = r.U32s();
    if (!r.ok) return Damaged("corpus");
    // chunk_start only grows (lengths are added), so with the right end the token walk below stays in range.
    if (c.chunk_start.back() != c.tokens.size()) return Damaged("chunks");
    c.token_position.resize(c.tokens.size());
    int64_t position = 0;
    ForEachToken(c, [&](uint32_t i, bool doc_start) {
        if (doc_start) position = 0;
        position += UnZigZag(r.Varint());
        c.token_position[i] = static_cast<uint32_t>(position);
    });
    saved.model = r.Bytes();
    if (!r.ok) return Damaged("corpus");
    if (core::Status s = CheckCorpus(c); !s.ok()) return s;
    return saved;
}

std::string SettingsJson(const TrainSettings& train, const InputSettings& input) {
    core::JsonWriter w;
    w.BeginObject();
    w.Key("topics"); w.Int(train.topics);
    w.Key("seed"); w.Int(static_cast<int64_t>(train.seed));
    w.Key("sweeps"); w.Int(train.sweeps);
    w.Key("alpha_sum"); w.Double(train.alpha_sum);
    w.Key("beta"); w.Double(train.beta);
    w.Key("optimize"); w.Bool(train.optimize);
    w.Key("burn_in"); w.Int(train.burn_in);
    w.Key("optimize_interval"); w.Int(train.optimize_interval);
    w.Key("sampler"); w.String(train.sampler == SamplerKind::Sparse ? "sparse" : "dense");
    w.Key("builtin_stopwords"); w.Bool(input.builtin_stopwords);
    w.Key("stop_langs"); w.BeginArray();
    for (const std::string& l : input.stop_langs) w.String(l);
    w.EndArray();
    w.Key("drop_most_frequent"); w.Int(input.drop_most_frequent);
    w.Key("min_doc_freq"); w.Int(input.min_doc_freq);
    w.Key("user_stopwords"); w.BeginArray();
    for (const std::string& s : input.user_stopwords) w.String(s);
    w.EndArray();
    w.Key("chunk_words"); w.Int(input.chunk_words);
    w.Key("min_word_chars"); w.Int(input.min_word_chars);
    w.EndObject();
    return w.Take();
}

}  // namespace analysis::topics
