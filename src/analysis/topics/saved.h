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
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "analysis/topics/corpus.h"
#include "analysis/topics/input.h"
#include "analysis/topics/model.h"
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

// The settings as JSON (store's topic_models.settings: for people and tools reading the bundle; LoadModel does
// not need it).
std::string SettingsJson(const TrainSettings& train, const InputSettings& input);

}  // namespace analysis::topics
