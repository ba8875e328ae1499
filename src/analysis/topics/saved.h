// A trained topic model as bytes, and back: the settings it was trained with, the TopicCorpus it was trained
// on (vocabulary, document ids, chunks, where each token came from) and the sampler's own state
// (TopicModel::Serialize). The app and `corpuslens topics --save` write the same bytes into the corpus's
// topic_models table (store/corpus.h), so a model opens again — charts, the Reader's colouring, "train N more" —
// with no retraining. No SQLite here.
//
//     analysis::topics::SavedModel saved{train, input, corpus, model.Serialize()};
//     std::string bytes = analysis::topics::SaveModel(saved);
//     auto back = analysis::topics::LoadModel(bytes);              // Unsupported: made by a newer Corpus Lens
//     auto model = TopicModel::Restore(back->corpus, back->model);  // the corpus must outlive the model
//
// Layout (version 1, all integers unsigned LEB128 varints unless said): "CLTM", version, then the train
// settings, the input settings, the corpus (vocabulary strings, document frequencies, document ids as zigzag
// deltas, chunk lengths, chunk → document, tokens, token positions as zigzag deltas within each document),
// the model's bytes, and a trailing FNV-1a 64 checksum of everything before it (8 bytes, little-endian).
// Doubles are their IEEE bits (8 bytes, little-endian), so a reload is bit-identical.
//
// A model of the State of the Union is ~3 MB and takes tens of milliseconds each way, so a job uses the sliced
// forms, which give the same bytes (and the same model back) wherever their steps end:
//
//     analysis::topics::SavedModelWriter writer(train, input, corpus, model.Serialize());
//     while (!writer.Step(deadline)) { … next frame … }
//     std::string bytes = writer.Take();
//     analysis::topics::SavedModelReader reader(bytes);              // `bytes` must outlive the reader
//     while (!reader.Step(deadline)) { … }
//     core::Result<SavedModel> back = reader.Take();
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "analysis/topics/corpus.h"
#include "analysis/topics/input.h"
#include "analysis/topics/model.h"
#include "core/deadline.h"
#include "core/status.h"

namespace analysis::topics {

// The format this version writes; LoadModel reads it and every older one.
inline constexpr uint32_t kSavedModelVersion = 1;

struct SavedModel {
    TrainSettings train;
    InputSettings input;
    TopicCorpus corpus;
    std::string model;      // TopicModel::Serialize() of the model trained on `corpus`
};

std::string SaveModel(const SavedModel& saved);
// Corrupt for damaged bytes (a message saying so), Unsupported ("this model was saved by a newer Corpus Lens")
// for a newer format. The corpus is checked for consistency (chunks, ids in range), the model bytes are not:
// TopicModel::Restore checks those against the corpus.
core::Result<SavedModel> LoadModel(std::string_view bytes);

// SaveModel in slices: each Step writes until `deadline` (at least one piece: the settings and vocabulary, a
// block of 65,536 tokens or positions, 1 MB of the model's bytes or of the checksum) and returns true once the
// bytes are complete; Take then gives them (once). Keeps references: the arguments must outlive the writer.
class SavedModelWriter {
public:
    SavedModelWriter(const TrainSettings& train, const InputSettings& input, const TopicCorpus& corpus, std::string_view model);
    ~SavedModelWriter();
    bool Step(core::Deadline deadline);
    double Progress() const;    // 0 … 1
    std::string Take();

private:
    struct State;
    std::unique_ptr<State> P;
};

// LoadModel in slices: each Step reads until `deadline` (the checksum 1 MB at a time, then the sections as the
// writer's pieces) and returns true once it has finished or failed; Take then gives the model or the same
// error LoadModel gives. `bytes` must outlive the reader.
class SavedModelReader {
public:
    explicit SavedModelReader(std::string_view bytes);
    ~SavedModelReader();
    bool Step(core::Deadline deadline);
    double Progress() const;    // 0 … 1
    core::Result<SavedModel> Take();

private:
    struct State;
    std::unique_ptr<State> P;
};

// The settings as JSON (store's topic_models.settings: for people and tools reading the bundle; LoadModel does
// not need it).
std::string SettingsJson(const TrainSettings& train, const InputSettings& input);

}  // namespace analysis::topics
