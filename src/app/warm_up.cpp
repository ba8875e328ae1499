#include "app/warm_up.h"

#include <optional>
#include <string>
#include <vector>

#include "analysis/concordance.h"
#include "analysis/query.h"
#include "analysis/search.h"
#include "app/demo_corpus.h"
#include "core/json.h"
#include "store/corpus.h"
#include "text/import.h"

namespace app {

namespace {

// Queries of every kind the query language compiles (words, phrases, prefixes, OR, filters).
const char* const kQueries[] = {"lavrov", "\"foreign minister\"", "caf*", "talks OR dialogue", "union year:1790..2020"};

// One copy of the demo texts as JSON Lines, made different from the other copies.
std::string CopyAsJsonLines(const std::vector<store::DocumentInput>& demo, int copy) {
    std::string jsonl;
    for (const store::DocumentInput& doc : demo) {
        core::JsonWriter w;
        w.BeginObject();
        w.Key("title"); w.String(doc.title + " (" + std::to_string(copy) + ")");
        w.Key("date"); w.String(doc.date);
        w.Key("source"); w.String(doc.source);
        w.Key("text"); w.String("Copy " + std::to_string(copy) + ".\n\n" + doc.text + "\n\n" + doc.text);
        w.EndObject();
        jsonl += w.str();
        jsonl += '\n';
    }
    return jsonl;
}

}  // namespace

struct WarmUp::State {
    enum class Phase { Read, Finish, Index, Save, Search, Done } phase = Phase::Read;
    int copies = 0, next = 0;
    std::vector<store::DocumentInput> demo = DemoDocuments();
    text::Importer importer;
    std::optional<store::Corpus> corpus;
    core::Status status;

    core::Status Unit(core::Deadline deadline) {
        switch (phase) {
            case Phase::Read:
                importer.AddFile("warm-up-" + std::to_string(next) + ".jsonl", CopyAsJsonLines(demo, next));
                if (++next == copies) { phase = Phase::Finish; next = 0; }
                return core::Status::Ok();
            case Phase::Finish: {
                if (!importer.FinishStep(deadline)) return core::Status::Ok();
                auto created = store::Corpus::Create(":memory:");
                if (!created.ok()) return created.status();
                corpus.emplace(std::move(*created));
                phase = Phase::Index;
                return corpus->Begin();
            }
            case Phase::Index: {
                std::vector<text::ImportedDocument>& docs = importer.documents();
                if (next < static_cast<int>(docs.size())) {
                    text::ImportedDocument& doc = docs[static_cast<size_t>(next++)];
                    auto id = corpus->AddDocument({.title = doc.title, .source = doc.source, .date = doc.date,
                                                   .lang = doc.lang, .text = std::move(doc.text)});
                    return id.ok() ? core::Status::Ok() : id.status();
                }
                phase = Phase::Save;
                next = 0;
                return corpus->FlushIndex();
            }
            case Phase::Save: {
                auto saved = corpus->SaveWordCounts(deadline);
                if (!saved.ok()) return saved.status();
                if (!*saved) return core::Status::Ok();
                phase = Phase::Search;
                return corpus->Commit();
            }
            case Phase::Search: {
                auto query = analysis::ParseQuery(kQueries[next]);
                if (!query.ok()) return query.status();
                auto results = analysis::Search(*corpus, *query, {}, 50);
                if (!results.ok()) return results.status();
                auto builder = analysis::ConcordanceBuilder::Start(*corpus, *query, {});
                if (!builder.ok()) return builder.status();
                while (!builder->Step(core::Deadline::Never())) {}
                if (++next == static_cast<int>(std::size(kQueries))) phase = Phase::Done;
                return core::Status::Ok();
            }
            case Phase::Done: return core::Status::Ok();
        }
        return core::Status::Ok();
    }
};

WarmUp::WarmUp(int copies) : S(std::make_unique<State>()) { S->copies = copies > 0 ? copies : 1; }
WarmUp::~WarmUp() = default;
WarmUp::WarmUp(WarmUp&&) noexcept = default;
WarmUp& WarmUp::operator=(WarmUp&&) noexcept = default;

bool WarmUp::Step(core::Deadline deadline) {
    do {
        if (S->phase == State::Phase::Done) break;
        S->status = S->Unit(deadline);
        if (!S->status.ok()) S->phase = State::Phase::Done;
    } while (!deadline.Expired());
    if (S->phase == State::Phase::Done) S->corpus.reset();   // what it made goes at once
    return S->phase == State::Phase::Done;
}

const core::Status& WarmUp::status() const { return S->status; }

}  // namespace app
