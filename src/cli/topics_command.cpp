// `corpuslens topics`: trains a topic model on a corpus database's stored token sequences and prints each
// topic's top words and share, α and the log-likelihood per token, as text or JSON; --save stores the model in
// the corpus so the app opens it. The same input builder, sampler and statistics as the Topics view
// (analysis/topics/), run to completion.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <string_view>
#include <type_traits>

#include "analysis/topics/input.h"
#include "analysis/topics/model.h"
#include "analysis/topics/saved.h"
#include "analysis/topics/summary.h"
#include "cli/commands.h"
#include "core/json.h"
#include "core/number_text.h"
#include "store/corpus.h"
#include "text/stopwords.h"

namespace cli {

namespace {

namespace topics = analysis::topics;

// Splits "en,de" or "a, b" at commas; empty pieces dropped.
std::vector<std::string> SplitList(std::string_view list) {
    std::vector<std::string> items;
    for (size_t start = 0; start <= list.size();) {
        size_t end = std::min(list.find(',', start), list.size());
        std::string_view item = list.substr(start, end - start);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (!item.empty()) items.emplace_back(item);
        start = end + 1;
    }
    return items;
}

std::string NowIso() {
    std::time_t now = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return buf;
}

struct TopicRow {
    double share = 0, alpha = 0;
    std::vector<topics::TopicWord> words;
};

// What both outputs print.
struct Result {
    std::string path;
    const topics::TopicCorpus* corpus = nullptr;
    const topics::TopicCorpusBuilder::Dropped* dropped = nullptr;
    topics::TrainSettings train;
    topics::TopicSnapshot snapshot;
    std::vector<TopicRow> rows;
    double alpha_sum = 0;
    int64_t saved_id = 0;
    std::string saved_name;
};

void WriteJson(const Result& r, std::ostream& out) {
    core::JsonWriter w;
    w.BeginObject();
    w.Key("corpus"); w.String(r.path);
    w.Key("documents"); w.Int(static_cast<int64_t>(r.corpus->Documents()));
    w.Key("chunks"); w.Int(static_cast<int64_t>(r.corpus->Chunks()));
    w.Key("tokens"); w.Int(static_cast<int64_t>(r.corpus->tokens.size()));
    w.Key("vocabulary"); w.Int(r.corpus->VocabSize());
    w.Key("dropped"); w.BeginObject();
    w.Key("stopwords"); w.Int(static_cast<int64_t>(r.dropped->stopwords.size()));
    w.Key("most_frequent"); w.BeginArray();
    for (const std::string& word : r.dropped->most_frequent) w.String(word);
    w.EndArray();
    w.Key("rare"); w.Int(static_cast<int64_t>(r.dropped->rare));
    w.EndObject();
    w.Key("k"); w.Int(r.train.topics);
    w.Key("seed"); w.Int(static_cast<int64_t>(r.train.seed));
    w.Key("sweeps"); w.Int(r.snapshot.sweeps);
    w.Key("log_likelihood_per_token"); w.Double(r.snapshot.log_likelihood_per_token);
    w.Key("beta"); w.Double(r.snapshot.beta);
    w.Key("alpha_sum"); w.Double(r.alpha_sum);
    w.Key("topics"); w.BeginArray();
    for (size_t t = 0; t < r.rows.size(); ++t) {
        w.BeginObject();
        w.Key("topic"); w.Int(static_cast<int64_t>(t + 1));
        w.Key("share"); w.Double(r.rows[t].share);
        w.Key("alpha"); w.Double(r.rows[t].alpha);
        w.Key("words"); w.BeginArray();
        for (const topics::TopicWord& tw : r.rows[t].words) {
            w.BeginObject();
            w.Key("word"); w.String(r.corpus->vocab[tw.word]);
            w.Key("count"); w.Int(tw.count);
            w.Key("probability"); w.Double(tw.probability);
            w.EndObject();
        }
        w.EndArray();
        w.EndObject();
    }
    w.EndArray();
    if (r.saved_id > 0) {
        w.Key("saved"); w.BeginObject();
        w.Key("id"); w.Int(r.saved_id);
        w.Key("name"); w.String(r.saved_name);
        w.EndObject();
    }
    w.EndObject();
    out << w.str() << '\n';
}

// Two summary lines, then a row per topic: its number, share, α and top words.
void WriteText(const Result& r, std::ostream& out) {
    out << r.path << ": " << core::CountText(static_cast<int64_t>(r.corpus->Documents()), "document") << " in "
        << core::CountText(static_cast<int64_t>(r.corpus->Chunks()), "chunk") << ", "
        << core::CountText(static_cast<int64_t>(r.corpus->tokens.size()), "token") << ", "
        << core::CountText(r.corpus->VocabSize(), "word") << " (dropped: "
        << core::CountText(static_cast<int64_t>(r.dropped->stopwords.size()), "stopword") << ", "
        << core::CountText(static_cast<int64_t>(r.dropped->most_frequent.size()), "most frequent word") << ", "
        << core::CountText(static_cast<int64_t>(r.dropped->rare), "rare word") << ")\n";
    out << "K " << r.train.topics << " · seed " << r.train.seed << " · " << core::CountText(r.snapshot.sweeps, "sweep")
        << " · log-likelihood per token " << core::DecimalText(r.snapshot.log_likelihood_per_token, 4) << " · β "
        << core::DecimalText(r.snapshot.beta, 4) << " · Σα " << core::DecimalText(r.alpha_sum, 4) << '\n';
    out << "topic   share   alpha   top words\n";
    for (size_t t = 0; t < r.rows.size(); ++t) {
        char head[64];
        std::snprintf(head, sizeof head, "%5zu  %5.2f%%  %6.4f  ", t + 1, 100 * r.rows[t].share, r.rows[t].alpha);
        out << head;
        for (size_t i = 0; i < r.rows[t].words.size(); ++i) out << (i ? " " : "") << r.corpus->vocab[r.rows[t].words[i].word];
        out << '\n';
    }
    if (r.saved_id > 0) out << "saved as model " << r.saved_id << " \"" << r.saved_name << "\"\n";
}

}  // namespace

int RunTopics(const Args& args, std::istream&, std::ostream& out, std::ostream& err) {
    std::string path, save_name;
    topics::TrainSettings train;
    topics::InputSettings input;
    int64_t words = 10;
    bool json = false, save = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](const char* flag) -> const std::string* {
            if (i + 1 >= args.size()) { err << "corpuslens topics: " << flag << " needs a value\n"; return nullptr; }
            return &args[++i];
        };
        // A whole number option in [min, max] into `target`; false (after a message) otherwise.
        auto number = [&](const char* flag, int64_t min, int64_t max, const char* what, auto* target) {
            const std::string* v = value(flag);
            int64_t parsed = 0;
            if (!v) return false;
            if (!ParseNumber(*v, min, max, &parsed)) {
                err << "corpuslens topics: " << flag << " takes " << what << " from " << min << " to " << max
                    << " (got '" << *v << "')\n";
                return false;
            }
            *target = static_cast<std::remove_pointer_t<decltype(target)>>(parsed);
            return true;
        };
        bool ok = true;
        if (a == "-k" || a == "--topics") ok = number("-k", topics::kMinTopics, topics::kMaxTopics, "a number of topics", &train.topics);
        else if (a == "--seed") ok = number("--seed", 0, INT64_MAX, "a whole number", &train.seed);
        else if (a == "--iterations") ok = number("--iterations", 1, 100000, "a number of sweeps", &train.sweeps);
        else if (a == "--chunk") ok = number("--chunk", 0, 1000000, "a number of words (0: whole documents)", &input.chunk_words);
        else if (a == "--min-df") ok = number("--min-df", 1, 1000000, "a number of documents", &input.min_doc_freq);
        else if (a == "--drop-top") ok = number("--drop-top", 0, 1000000, "a number of words", &input.drop_most_frequent);
        else if (a == "--words") ok = number("--words", 1, 1000, "a number of words", &words);
        else if (a == "--stop" || a == "--stopwords") {
            const std::string* v = value(a.c_str());
            if (!v) return 2;
            for (std::string& item : SplitList(*v)) {
                if (a == "--stopwords") { input.user_stopwords.push_back(std::move(item)); continue; }
                if (item == "none") { input.builtin_stopwords = false; continue; }
                if (text::Stopwords(item).empty()) {
                    err << "corpuslens topics: no stopword list for '" << item << "' (lists:";
                    for (std::string_view lang : text::StopwordLanguageList()) err << ' ' << lang;
                    err << "; 'none' turns off the lists of the documents' languages)\n";
                    return 2;
                }
                input.stop_langs.push_back(std::move(item));
            }
        } else if (a == "--save") {
            const std::string* v = value("--save");
            if (!v) return 2;
            if (v->empty()) { err << "corpuslens topics: --save needs a name for the model\n"; return 2; }
            save_name = *v;
            save = true;
        } else if (a == "--json") {
            json = true;
        } else if (a.starts_with("-")) {
            err << "corpuslens topics: unknown option '" << a << "'\n";
            return 2;
        } else if (path.empty()) {
            path = a;
        } else {
            err << "corpuslens topics: one corpus at a time ('" << a << "' is a second one)\n";
            return 2;
        }
        if (!ok) return 2;
    }
    if (path.empty()) { err << "usage: corpuslens topics CORPUS.sqlite [-k N] [--seed N] [--iterations N] [--chunk N] [--stop LANG] [--json] [--save NAME]\n"; return 2; }

    auto fail = [&err](const std::string& message) {
        err << "corpuslens topics: " << message << '\n';
        return 1;
    };
    auto corpus = store::Corpus::OpenUntrusted(path);
    if (!corpus.ok()) {
        const std::string& message = corpus.status().message();
        return fail(message.find(path) == std::string::npos ? path + ": " + message : message);
    }
    // A corpus made before token sequences were stored gets them now, once (as the app does on first use).
    auto missing = corpus->MissingTokenSequences();
    if (!missing.ok()) return fail(missing.status().message());
    if (*missing > 0) {
        err << "corpuslens topics: storing the token sequences of " << core::CountText(*missing, "document") << " (once)\n";
        for (int64_t after = 0;;) {
            auto next = corpus->BackfillTokenSequence(after);
            if (!next.ok()) return fail(next.status().message());
            if (*next == 0) break;
            after = *next;
        }
    }
    auto terms = corpus->TermStrings();
    if (!terms.ok()) return fail(terms.status().message());
    auto documents = corpus->ListDocuments();
    if (!documents.ok()) return fail(documents.status().message());
    if (documents->empty()) return fail(path + " has no documents");

    // Two passes over the sequences, kept in memory between them (4 bytes a token).
    std::vector<std::vector<uint32_t>> sequences;
    sequences.reserve(documents->size());
    topics::TopicCorpusBuilder builder(input, &*terms);
    for (const store::DocumentSummary& d : *documents) {
        auto sequence = corpus->TokenSequence(d.id);
        if (!sequence.ok()) return fail("document " + std::to_string(d.id) + ": " + sequence.status().message());
        builder.Count(d.lang, *sequence);
        sequences.push_back(std::move(*sequence));
    }
    builder.Plan();
    if (builder.KeptTokens() == 0)
        return fail("no words are left to train on after removing stopwords and rare words (" +
                    core::CountText(static_cast<int64_t>(builder.DroppedWords().stopwords.size()), "stopword") + ", " +
                    core::CountText(static_cast<int64_t>(builder.DroppedWords().rare), "word") + " in fewer than " +
                    core::CountText(input.min_doc_freq, "document") + "); try --min-df 1 or fewer stopwords");
    for (size_t i = 0; i < documents->size(); ++i) builder.Add((*documents)[i].id, sequences[i]);
    sequences = {};
    topics::TopicCorpus tc = builder.Finish();

    auto model = topics::TopicModel::Start(tc, train);
    if (!model.ok()) return fail(model.status().message());
    while (!model->StepTokens(1u << 20)) {}

    Result r;
    r.path = path;
    r.corpus = &tc;
    r.dropped = &builder.DroppedWords();
    r.train = train;
    r.snapshot = model->Snapshot();
    const std::vector<double> shares = topics::TopicShares(r.snapshot), word_prob = topics::WordProbabilities(tc);
    for (int t = 0; t < r.snapshot.topics; ++t) {
        const size_t ti = static_cast<size_t>(t);
        r.rows.push_back({shares[ti], r.snapshot.alpha[ti], topics::TopWords(r.snapshot, word_prob, t, static_cast<int>(words), 1.0)});
        r.alpha_sum += r.snapshot.alpha[ti];
    }

    if (save) {
        topics::SavedModel saved{train, input, tc, model->Serialize()};
        store::TopicModelRecord record;
        record.name = save_name;
        record.created = NowIso();
        record.settings = topics::SettingsJson(train, input);
        record.topics = train.topics;
        record.sweeps = r.snapshot.sweeps;
        record.documents = static_cast<int64_t>(tc.Documents());
        record.log_likelihood_per_token = r.snapshot.log_likelihood_per_token;
        record.data = topics::SaveModel(saved);
        auto id = corpus->SaveTopicModel(record);
        if (!id.ok()) return fail("saving the model: " + id.status().message());
        r.saved_id = *id;
        r.saved_name = save_name;
    }
    if (json) WriteJson(r, out);
    else WriteText(r, out);
    return 0;
}

}  // namespace cli
