// The saved-model format (saved.h): a byte writer and a bounds-checked reader of varints, doubles and strings,
// and the sliced SavedModelWriter / SavedModelReader that SaveModel and LoadModel run to the end.
#include "analysis/topics/saved.h"

#include <algorithm>
#include <cassert>
#include <cstring>

#include "core/json.h"

namespace analysis::topics {

namespace {

constexpr char kMagic[4] = {'C', 'L', 'T', 'M'};

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;

// FNV-1a 64 continued from `h` over `bytes` (start from kFnvOffset).
uint64_t Fnv1a(std::string_view bytes, uint64_t h = kFnvOffset) {
    for (char c : bytes) {
        h ^= static_cast<uint8_t>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t ZigZag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t UnZigZag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

// Appends to `out` (a sliced save keeps its bytes between steps).
class Writer {
public:
    explicit Writer(std::string& out) : Out(out) {}
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
    std::string& Out;
};

// Reads what Writer wrote; the first failure sticks (every later read gives 0 or empty), so a caller checks
// `ok` once at the end of a section, as ICU's error chains do.
class Reader {
public:
    explicit Reader(std::string_view in = {}) : In(in) {}
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

// Pieces of the sliced writer and reader: the settings and the vocabulary (one piece), then 65,536 tokens or
// positions, or 1 MB of bytes, a piece.
constexpr size_t kTokensPerPiece = 65536, kBytesPerPiece = 1 << 20;

// What a document's token positions are coded against: 0 at its first token, else the previous position.
bool DocumentStart(const TopicCorpus& c, size_t chunk) { return chunk == 0 || c.chunk_doc[chunk] != c.chunk_doc[chunk - 1]; }

}  // namespace

// ---- Writing ----------------------------------------------------------------------------------------------

// Sections in order: Head (magic … chunks, then the token count), Tokens, Positions (whole chunks, at least a
// piece's worth of tokens), Model (its length first), Checksum (FNV-1a over everything so far, then its 8 bytes).
struct SavedModelWriter::State {
    enum class Section { Head, Tokens, Positions, Model, Checksum, Done };
    const TrainSettings& train;
    const InputSettings& input;
    const TopicCorpus& corpus;
    std::string_view model;
    std::string out;
    Section at = Section::Head;
    size_t next = 0;                 // Tokens: token index; Positions: chunk; Model, Checksum: byte offset
    uint32_t previous_position = 0;  // Positions: the last token's position in its document
    uint64_t hash = kFnvOffset;
};

SavedModelWriter::SavedModelWriter(const TrainSettings& train, const InputSettings& input, const TopicCorpus& corpus,
                                   std::string_view model)
    : P(std::make_unique<State>(State{train, input, corpus, model})) {}

SavedModelWriter::~SavedModelWriter() = default;

double SavedModelWriter::Progress() const {
    const State& s = *P;
    auto part = [](size_t done, size_t total) { return total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0; };
    switch (s.at) {
    case State::Section::Head: return 0;
    case State::Section::Tokens: return 0.25 * part(s.next, s.corpus.tokens.size());
    case State::Section::Positions: return 0.25 + 0.25 * part(s.next, s.corpus.Chunks());
    case State::Section::Model: return 0.5 + 0.25 * part(s.next, s.model.size());
    case State::Section::Checksum: return 0.75 + 0.25 * part(s.next, s.out.size());
    case State::Section::Done: return 1;
    }
    return 1;
}

std::string SavedModelWriter::Take() {
    assert(P->at == State::Section::Done);
    return std::move(P->out);
}

bool SavedModelWriter::Step(core::Deadline deadline) {
    State& s = *P;
    const TopicCorpus& c = s.corpus;
    Writer w(s.out);
    using Section = State::Section;
    do {
        switch (s.at) {
        case Section::Head: {
            w.Out.append(kMagic, sizeof kMagic);
            w.Varint(kSavedModelVersion);

            const TrainSettings& t = s.train;
            w.Varint(static_cast<uint64_t>(t.topics));
            w.Varint(t.seed);
            w.Varint(static_cast<uint64_t>(t.sweeps));
            w.Double(t.alpha_sum);
            w.Double(t.beta);
            w.Varint(t.optimize ? 1 : 0);
            w.Varint(ZigZag(t.burn_in));
            w.Varint(ZigZag(t.optimize_interval));
            w.Varint(static_cast<uint64_t>(t.sampler));

            const InputSettings& in = s.input;
            w.Varint(in.builtin_stopwords ? 1 : 0);
            w.Strings(in.stop_langs);
            w.Varint(ZigZag(in.drop_most_frequent));
            w.Varint(ZigZag(in.min_doc_freq));
            w.Strings(in.user_stopwords);
            w.Varint(ZigZag(in.chunk_words));
            w.Varint(ZigZag(in.min_word_chars));

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
            w.Varint(c.tokens.size());
            s.at = Section::Tokens;
            s.next = 0;
            break;
        }
        case Section::Tokens: {
            const size_t end = std::min(c.tokens.size(), s.next + kTokensPerPiece);
            for (size_t i = s.next; i < end; ++i) w.Varint(c.tokens[i]);
            s.next = end;
            if (end == c.tokens.size()) {
                s.at = Section::Positions;
                s.next = 0;
            }
            break;
        }
        case Section::Positions: {
            size_t written = 0;
            for (; s.next < c.Chunks() && written < kTokensPerPiece; ++s.next) {
                const uint32_t begin = c.chunk_start[s.next], end = c.chunk_start[s.next + 1];
                if (DocumentStart(c, s.next)) s.previous_position = 0;
                for (uint32_t i = begin; i < end; ++i) {
                    w.Varint(ZigZag(static_cast<int64_t>(c.token_position[i]) - s.previous_position));
                    s.previous_position = c.token_position[i];
                }
                written += end - begin;
            }
            if (s.next == c.Chunks()) {
                w.Varint(s.model.size());
                s.at = Section::Model;
                s.next = 0;
            }
            break;
        }
        case Section::Model: {
            const size_t n = std::min(kBytesPerPiece, s.model.size() - s.next);
            w.Out.append(s.model.substr(s.next, n));
            s.next += n;
            if (s.next == s.model.size()) {
                s.at = Section::Checksum;
                s.next = 0;
            }
            break;
        }
        case Section::Checksum: {
            const size_t n = std::min(kBytesPerPiece, s.out.size() - s.next);
            s.hash = Fnv1a(std::string_view(s.out).substr(s.next, n), s.hash);
            s.next += n;
            if (s.next == s.out.size()) {
                w.Fixed64(s.hash);
                s.at = Section::Done;
            }
            break;
        }
        case Section::Done: return true;
        }
    } while (!deadline.Expired());
    return s.at == Section::Done;
}

std::string SaveModel(const SavedModel& saved) {
    SavedModelWriter writer(saved.train, saved.input, saved.corpus, saved.model);
    while (!writer.Step(core::Deadline::Never())) {}
    return writer.Take();
}

// ---- Reading ----------------------------------------------------------------------------------------------

// Sections in order: Check (magic, version, checksum: a piece at a time), Head (settings … chunks and the token
// count), Tokens, Positions, Finish (the model's bytes, the corpus's invariants). The first failure ends it.
struct SavedModelReader::State {
    enum class Section { Check, Head, Tokens, Positions, Finish, Done };
    std::string_view bytes, body;    // body: without the trailing checksum
    Reader r;
    SavedModel saved;
    core::Status status = core::Status::Ok();
    Section at = Section::Check;
    size_t next = 0;                 // Check: byte offset; Tokens: token index; Positions: chunk
    int64_t position = 0;            // Positions: the last token's position in its document
    uint64_t hash = kFnvOffset;

    void Fail(core::Status s) {
        status = std::move(s);
        at = Section::Done;
    }
};

SavedModelReader::SavedModelReader(std::string_view bytes) : P(std::make_unique<State>()) { P->bytes = bytes; }

SavedModelReader::~SavedModelReader() = default;

double SavedModelReader::Progress() const {
    const State& s = *P;
    auto part = [](size_t done, size_t total) { return total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0; };
    switch (s.at) {
    case State::Section::Check: return 0.25 * part(s.next, s.body.size());
    case State::Section::Head: return 0.25;
    case State::Section::Tokens: return 0.25 + 0.25 * part(s.next, s.saved.corpus.tokens.size());
    case State::Section::Positions: return 0.5 + 0.25 * part(s.next, s.saved.corpus.Chunks());
    case State::Section::Finish: return 0.75;
    case State::Section::Done: return 1;
    }
    return 1;
}

core::Result<SavedModel> SavedModelReader::Take() {
    assert(P->at == State::Section::Done);
    if (!P->status.ok()) return P->status;
    return std::move(P->saved);
}

bool SavedModelReader::Step(core::Deadline deadline) {
    State& s = *P;
    Reader& r = s.r;
    TopicCorpus& c = s.saved.corpus;
    using Section = State::Section;
    do {
        switch (s.at) {
        case Section::Check: {
            if (s.next == 0) {
                if (s.bytes.size() < sizeof kMagic + 9 || std::memcmp(s.bytes.data(), kMagic, sizeof kMagic) != 0) {
                    s.Fail(core::Error(core::StatusCode::Corrupt, "this is not a saved topic model"));
                    break;
                }
                Reader version_reader(s.bytes.substr(sizeof kMagic));
                const uint64_t version = version_reader.Varint();
                if (version > kSavedModelVersion) {
                    s.Fail(core::Error(core::StatusCode::Unsupported,
                                       "this model was saved by a newer Corpus Lens (format " + std::to_string(version) +
                                           ", this version reads up to " + std::to_string(kSavedModelVersion) + ")"));
                    break;
                }
                s.body = s.bytes.substr(0, s.bytes.size() - 8);
            }
            const size_t n = std::min(kBytesPerPiece, s.body.size() - s.next);
            s.hash = Fnv1a(s.body.substr(s.next, n), s.hash);
            s.next += n;
            if (s.next < s.body.size()) break;
            Reader sum(s.bytes.substr(s.bytes.size() - 8));
            if (sum.Fixed64() != s.hash) {
                s.Fail(Damaged("checksum"));
                break;
            }
            r = Reader(s.body.substr(sizeof kMagic));
            r.Varint();   // the version, read above
            s.at = Section::Head;
            break;
        }
        case Section::Head: {
            TrainSettings& t = s.saved.train;
            t.topics = static_cast<int>(r.U32());
            t.seed = r.Varint();
            t.sweeps = static_cast<int>(r.U32());
            t.alpha_sum = r.Double();
            t.beta = r.Double();
            t.optimize = r.Varint() != 0;
            t.burn_in = r.Int();
            t.optimize_interval = r.Int();
            const uint64_t sampler = r.Varint();
            if (sampler > static_cast<uint64_t>(SamplerKind::Dense)) {
                s.Fail(Damaged("sampler"));
                break;
            }
            t.sampler = static_cast<SamplerKind>(sampler);

            InputSettings& in = s.saved.input;
            in.builtin_stopwords = r.Varint() != 0;
            in.stop_langs = r.Strings();
            in.drop_most_frequent = r.Int();
            in.min_doc_freq = r.Int();
            in.user_stopwords = r.Strings();
            in.chunk_words = r.Int();
            in.min_word_chars = r.Int();
            if (!r.ok) {
                s.Fail(Damaged("settings"));
                break;
            }

            c.vocab = r.Strings();
            c.vocab_df = r.U32s();
            c.doc_ids.resize(r.Count());
            int64_t id = 0;
            for (int64_t& doc_id : c.doc_ids) doc_id = id += UnZigZag(r.Varint());
            const size_t chunks = r.Count();
            c.chunk_start.assign(1, 0);
            c.chunk_doc.resize(chunks);
            uint64_t at = 0;
            for (size_t i = 0; i < chunks && at <= UINT32_MAX; ++i) {
                at += r.Varint();
                c.chunk_start.push_back(static_cast<uint32_t>(at));
                c.chunk_doc[i] = r.U32();
            }
            if (at > UINT32_MAX) {
                s.Fail(Damaged("chunks"));
                break;
            }
            c.tokens.resize(r.Count());
            s.at = Section::Tokens;
            s.next = 0;
            break;
        }
        case Section::Tokens: {
            const size_t end = std::min(c.tokens.size(), s.next + kTokensPerPiece);
            for (size_t i = s.next; i < end; ++i) c.tokens[i] = r.U32();
            s.next = end;
            if (end < c.tokens.size()) break;
            if (!r.ok) {
                s.Fail(Damaged("corpus"));
                break;
            }
            // chunk_start only grows (lengths are added), so with the right end the position walk stays in range.
            if (c.chunk_start.back() != c.tokens.size()) {
                s.Fail(Damaged("chunks"));
                break;
            }
            c.token_position.resize(c.tokens.size());
            s.at = Section::Positions;
            s.next = 0;
            break;
        }
        case Section::Positions: {
            size_t read = 0;
            for (; s.next < c.Chunks() && read < kTokensPerPiece; ++s.next) {
                const uint32_t begin = c.chunk_start[s.next], end = c.chunk_start[s.next + 1];
                if (DocumentStart(c, s.next)) s.position = 0;
                for (uint32_t i = begin; i < end; ++i) {
                    s.position += UnZigZag(r.Varint());
                    c.token_position[i] = static_cast<uint32_t>(s.position);
                }
                read += end - begin;
            }
            if (s.next == c.Chunks()) s.at = Section::Finish;
            break;
        }
        case Section::Finish:
            s.saved.model = r.Bytes();
            if (!r.ok) s.Fail(Damaged("corpus"));
            else if (core::Status st = CheckCorpus(c); !st.ok()) s.Fail(st);
            else s.at = Section::Done;
            break;
        case Section::Done: return true;
        }
    } while (!deadline.Expired());
    return s.at == Section::Done;
}

core::Result<SavedModel> LoadModel(std::string_view bytes) {
    SavedModelReader reader(bytes);
    while (!reader.Step(core::Deadline::Never())) {}
    return reader.Take();
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
